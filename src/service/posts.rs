//! Posts: validated, stored in one transaction, returned with their warnings.
use super::objectives::meta;
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{
    Planned, PlannedInput, Post, PostChannel, PostInput, PostStatus, PostView, RangeView, Results,
    RowMeta,
};
use crate::queries::{channels, events, objectives, posts};
use crate::rules;
use crate::time::{parse_zone, start_of_day, to_utc};
use chrono::NaiveDate;
use rusqlite::Connection;

impl Cadence {
    pub fn create_post(&self, input: &PostInput) -> Result<PostView> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let post = build(tx, input, new_id(), meta(now))?;
            posts::upsert(tx, &post)?;
            view(tx, post)
        })
    }

    /// Replaces a post's content. The revision goes up when anything changed.
    pub fn update_post(&self, id: &str, input: &PostInput) -> Result<PostView> {
        self.edit_post(id, |_| input.clone())
    }

    /// Moves a post to another time (or day), keeping everything else: what a drag does.
    pub fn reschedule_post(&self, id: &str, planned: Option<PlannedInput>) -> Result<PostView> {
        self.edit_post(id, |old| PostInput {
            planned,
            ..input_of(old)
        })
    }

    /// Reads the live post, builds its new content from it and stores it, in one transaction
    /// (so a drag never overwrites an edit made in between).
    pub(super) fn edit_post(
        &self,
        id: &str,
        change: impl FnOnce(&Post) -> PostInput,
    ) -> Result<PostView> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = live_post(tx, id)?;
            let input = change(&old);
            if old.plan_id != input.plan_id {
                return Err(Error::ForeignPlan {
                    field: "planId",
                    entity: "post",
                    id: id.to_owned(),
                });
            }
            let mut post = build(tx, &input, old.id.clone(), old.meta.clone())?;
            if post != old {
                post.meta.updated_at = now;
                post.meta.revision += 1;
                posts::upsert(tx, &post)?;
            }
            view(tx, post)
        })
    }

    /// Puts a post in the trash; it stays as a tombstone so exports announce the cancellation.
    pub fn delete_post(&self, id: &str) -> Result<PostView> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut post = live_post(tx, id)?;
            post.meta.deleted_at = Some(now);
            post.meta.updated_at = now;
            post.meta.revision += 1;
            posts::upsert(tx, &post)?;
            view(tx, post)
        })
    }

    /// Brings a post back from the trash, with its channels, tags and links.
    pub fn restore_post(&self, id: &str) -> Result<PostView> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut post = posts::get(tx, id)?.ok_or_else(|| not_found(id))?;
            live_plan(tx, &post.plan_id)?;
            if post.meta.deleted_at.take().is_some() {
                post.meta.updated_at = now;
                post.meta.revision += 1;
                posts::upsert(tx, &post)?;
            }
            view(tx, post)
        })
    }

    pub fn post(&self, id: &str) -> Result<PostView> {
        self.db.read(|c| {
            let post = posts::get(c, id)?.ok_or_else(|| not_found(id))?;
            view(c, post)
        })
    }

    /// Everything of a plan on the days `[from, to)` in the plan's zone: the calendar's one query.
    pub fn range(&self, plan_id: &str, from: NaiveDate, to: NaiveDate) -> Result<RangeView> {
        if to < from {
            return Err(Error::EndBeforeStart { field: "to" });
        }
        if (to - from).num_days() > 366 * 2 {
            return Err(Error::invalid("to", "a range is at most two years"));
        }
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let plan = live_plan(&tx, plan_id)?;
            let tz = parse_zone("timezone", &plan.timezone)?;
            let instants = (start_of_day(from, tz), start_of_day(to, tz));
            let channels = channels::list_for_plan(&tx, plan_id)?;
            let objectives = objectives::list_for_plan(&tx, plan_id)?;
            let mut holidays = super::holidays::calendar_for(&tx, plan_id)?;
            let posts = posts::list_in_range(&tx, plan_id, (from, to), instants)?
                .into_iter()
                .map(|p| rules::view_with_holidays(p, &channels, &objectives, &mut holidays))
                .collect();
            let events = events::list_in_range(&tx, plan_id, (from, to), instants)?;
            Ok(RangeView {
                plan,
                from,
                to,
                posts,
                events,
                channels,
                objectives,
            })
        })
    }

    /// Every live post of a plan that carries at least one warning.
    pub fn check(&self, plan_id: &str) -> Result<Vec<PostView>> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            live_plan(&tx, plan_id)?;
            let channels = channels::list_for_plan(&tx, plan_id)?;
            let objectives = objectives::list_for_plan(&tx, plan_id)?;
            let mut holidays = super::holidays::calendar_for(&tx, plan_id)?;
            Ok(posts::list_for_plan(&tx, plan_id)?
                .into_iter()
                .map(|p| rules::view_with_holidays(p, &channels, &objectives, &mut holidays))
                .filter(|v| !v.warnings.is_empty())
                .collect())
        })
    }

    /// Posts of a plan in the trash.
    pub fn trash(&self, plan_id: &str) -> Result<Vec<Post>> {
        self.db.read(|c| posts::list_deleted(c, plan_id))
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "post",
        id: id.to_owned(),
    }
}

fn live_post(conn: &Connection, id: &str) -> Result<Post> {
    posts::get(conn, id)?
        .filter(|p| p.meta.deleted_at.is_none())
        .ok_or_else(|| not_found(id))
}

pub(super) fn view(conn: &Connection, post: Post) -> Result<PostView> {
    let channels = channels::list_for_plan(conn, &post.plan_id)?;
    let objectives = objectives::list_for_plan(conn, &post.plan_id)?;
    let mut holidays = super::holidays::calendar_for(conn, &post.plan_id)?;
    Ok(rules::view_with_holidays(
        post,
        &channels,
        &objectives,
        &mut holidays,
    ))
}

/// The input that would recreate `post` as it is.
pub fn input_of(post: &Post) -> PostInput {
    PostInput {
        plan_id: post.plan_id.clone(),
        title: post.title.clone(),
        body: post.body.clone(),
        channels: post.channels.clone(),
        objective_id: post.objective_id.clone(),
        customer_value: post.customer_value.clone(),
        status: post.status,
        planned: post.planned.as_ref().map(|p| match p {
            Planned::At {
                local, timezone, ..
            } => PlannedInput::At {
                local: *local,
                timezone: timezone.clone(),
            },
            Planned::Day { date } => PlannedInput::Day { date: *date },
        }),
        duration_minutes: post.duration_minutes,
        event_id: post.event_id.clone(),
        assignee: post.assignee.clone(),
        tags: post.tags.clone(),
        links: post.links.clone(),
        notes: post.notes.clone(),
        results: post.results.clone(),
    }
}

/// Checks `input` against the rules and the database; builds the post to store.
pub(super) fn build(
    conn: &Connection,
    input: &PostInput,
    id: String,
    meta: RowMeta,
) -> Result<Post> {
    let plan = live_plan(conn, &input.plan_id)?;
    // `held` is kept by an edit of a held post, never chosen by hand (see service/crisis.rs).
    if input.status == PostStatus::Held && posts::status_of(conn, &id)? != Some(PostStatus::Held) {
        return Err(Error::HeldReserved { field: "status" });
    }
    let title = validate::required("title", &input.title, limits::TITLE)?;
    let body = validate::text("body", &input.body, limits::BODY)?;

    let mut post_channels: Vec<PostChannel> = Vec::new();
    for pc in &input.channels {
        let channel = channels::get(conn, &pc.channel_id)?
            .filter(|c| c.meta.deleted_at.is_none())
            .ok_or_else(|| Error::NotFound {
                entity: "channel",
                id: pc.channel_id.clone(),
            })?;
        if channel.plan_id != plan.id {
            return Err(Error::ForeignPlan {
                field: "channels",
                entity: "channel",
                id: channel.id,
            });
        }
        let variant = match pc.variant.as_deref() {
            Some(v) if !v.trim().is_empty() => Some(validate::text("variant", v, limits::BODY)?),
            _ => None,
        };
        if !post_channels.iter().any(|c| c.channel_id == channel.id) {
            post_channels.push(PostChannel {
                channel_id: channel.id,
                variant,
            });
        }
    }

    let objective_id = match input.objective_id.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(oid) => {
            let o = objectives::get(conn, oid)?
                .filter(|o| o.meta.deleted_at.is_none())
                .ok_or_else(|| Error::NotFound {
                    entity: "objective",
                    id: oid.to_owned(),
                })?;
            if o.plan_id != plan.id {
                return Err(Error::ForeignPlan {
                    field: "objectiveId",
                    entity: "objective",
                    id: o.id,
                });
            }
            Some(o.id)
        }
    };

    let event_id = match input.event_id.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(eid) => {
            let e = super::events::live_event(conn, eid)?;
            if e.plan_id != plan.id {
                return Err(Error::ForeignPlan {
                    field: "eventId",
                    entity: "event",
                    id: e.id,
                });
            }
            Some(e.id)
        }
    };

    let planned = match &input.planned {
        None => None,
        Some(PlannedInput::Day { date }) => Some(Planned::Day { date: *date }),
        Some(PlannedInput::At { local, timezone }) => {
            let timezone = parse_zone("timezone", timezone)?.name().to_owned();
            let at = to_utc("planned", *local, &timezone)?;
            Some(Planned::At {
                at,
                local: *local,
                timezone,
            })
        }
    };

    let duration_minutes = match input.duration_minutes {
        Some(0) => {
            return Err(Error::invalid(
                "durationMinutes",
                "a duration is at least 1 minute",
            ))
        }
        Some(d) => Some(validate::at_most(
            "durationMinutes",
            d,
            limits::DURATION_MINUTES,
        )?),
        None => None,
    };

    let results = Results {
        url: match input
            .results
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
        {
            Some(u) => Some(validate::url("results.url", u)?),
            None => None,
        },
        ..input.results.clone()
    };

    Ok(Post {
        id,
        plan_id: plan.id,
        title,
        body,
        channels: post_channels,
        objective_id,
        customer_value: validate::optional(
            "customerValue",
            &input.customer_value,
            limits::SHORT_TEXT,
        )?,
        status: input.status,
        planned,
        duration_minutes,
        event_id,
        assignee: validate::optional("assignee", &input.assignee, limits::NAME)?,
        tags: validate::tags(&input.tags)?,
        links: validate::links(&input.links)?,
        notes: validate::text("notes", &input.notes, limits::BODY)?,
        results,
        meta,
    })
}
