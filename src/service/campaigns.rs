//! Campaign templates, applying one to an event (previewed first, written in one transaction),
//! and moving an event with its linked posts.
use super::objectives::meta;
use super::plans::live_plan;
use super::posts::input_of;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::campaigns::{self, BUILTIN_PREFIX, MAX_OFFSET_DAYS, MAX_STEPS};
use crate::error::{Error, Result};
use crate::model::{
    CampaignPost, CampaignPreview, CampaignRequest, CampaignTemplate, Channel, Event, EventMove,
    EventMoveInput, EventWhen, EventWhenInput, Plan, Planned, PlannedInput, PostChannel, PostInput,
    PostStatus, Results, SkippedStep, TemplateInput, TemplateStep,
};
use crate::queries::{channels, events, posts, templates};
use crate::slots::local_instant;
use crate::time::parse_zone;
use chrono::Duration;
use rusqlite::Connection;

impl Cadence {
    /// Built-in templates (in `language`, `fr` or `en`; both when `None`), then the user's.
    pub fn templates(&self, language: Option<&str>) -> Result<Vec<CampaignTemplate>> {
        let mut out = match language {
            Some(l) => campaigns::builtins(campaigns::language_of(l)),
            None => [campaigns::builtins("fr"), campaigns::builtins("en")].concat(),
        };
        out.extend(self.db.read(templates::list)?);
        Ok(out)
    }

    /// The templates offered for a plan: built-in ones in the plan's language, then the user's.
    pub fn templates_for_plan(&self, plan_id: &str) -> Result<Vec<CampaignTemplate>> {
        let plan = self.plan(plan_id)?;
        self.templates(Some(&plan.locale))
    }

    pub fn template(&self, id: &str) -> Result<CampaignTemplate> {
        self.db.read(|c| find_template(c, id))
    }

    pub fn create_template(&self, input: &TemplateInput) -> Result<CampaignTemplate> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let t = build_template(tx, input, new_id(), None)?;
            templates::upsert(tx, &t, now)?;
            Ok(t)
        })
    }

    pub fn update_template(&self, id: &str, input: &TemplateInput) -> Result<CampaignTemplate> {
        let now = self.now();
        self.db.with_tx(|tx| {
            user_template(tx, id)?;
            let t = build_template(tx, input, id.to_owned(), Some(id))?;
            templates::upsert(tx, &t, now)?;
            Ok(t)
        })
    }

    pub fn delete_template(&self, id: &str) -> Result<CampaignTemplate> {
        self.db.with_tx(|tx| {
            let t = user_template(tx, id)?;
            templates::delete(tx, id)?;
            Ok(t)
        })
    }

    /// What applying a template to an event would create; writes nothing.
    pub fn preview_campaign(&self, request: &CampaignRequest) -> Result<CampaignPreview> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            plan_campaign(&tx, request)
        })
    }

    /// Creates the campaign's posts, linked to the event, all or none. Steps whose post already
    /// exists (same event, title and day) are not created twice.
    pub fn apply_campaign(&self, request: &CampaignRequest) -> Result<CampaignPreview> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut preview = plan_campaign(tx, request)?;
            let zone = zone_of(tx, &preview.event)?;
            let mut created = Vec::new();
            for p in preview.posts.iter().filter(|p| !p.already_exists) {
                let input = PostInput {
                    plan_id: preview.event.plan_id.clone(),
                    title: p.title.clone(),
                    body: String::new(),
                    channels: p
                        .channel_ids
                        .iter()
                        .map(|id| PostChannel {
                            channel_id: id.clone(),
                            variant: None,
                        })
                        .collect(),
                    objective_id: None,
                    customer_value: String::new(),
                    status: p.status,
                    planned: Some(match p.local {
                        Some(local) => PlannedInput::At {
                            local,
                            timezone: zone.clone(),
                        },
                        None => PlannedInput::Day { date: p.date },
                    }),
                    duration_minutes: None,
                    event_id: Some(preview.event.id.clone()),
                    assignee: String::new(),
                    tags: Vec::new(),
                    links: Vec::new(),
                    notes: String::new(),
                    results: Results::default(),
                };
                let post = super::posts::build(tx, &input, new_id(), meta(now))?;
                posts::upsert(tx, &post)?;
                created.push(super::posts::view(tx, post)?);
            }
            preview.created = created;
            Ok(preview)
        })
    }

    /// Live posts linked to an event (what "move the linked posts too" would move).
    pub fn event_posts(&self, event_id: &str) -> Result<Vec<crate::model::PostView>> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            super::events::live_event(&tx, event_id)?;
            posts::list_for_event(&tx, event_id)?
                .into_iter()
                .map(|p| super::posts::view(&tx, p))
                .collect()
        })
    }

    /// Moves an event to a new first day (keeping its length and times of day), and with
    /// `move_posts` its linked posts by the same number of days, in one transaction. Published
    /// posts stay where they are.
    pub fn move_event(&self, input: &EventMoveInput) -> Result<EventMove> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = super::events::live_event(tx, &input.event_id)?;
            let days = (input.new_start - campaigns::event_day(&old)).num_days();
            if days.abs() > 366 * 5 {
                return Err(Error::invalid(
                    "newStart",
                    "an event moves at most five years",
                ));
            }
            let shift = Duration::days(days);
            let when = match &old.when {
                EventWhen::AllDay { start, end } => EventWhenInput::AllDay {
                    start: *start + shift,
                    end: *end + shift,
                },
                EventWhen::Timed {
                    timezone,
                    start_local,
                    end_local,
                    ..
                } => {
                    let tz = parse_zone("timezone", timezone)?;
                    let s = local_instant((*start_local + shift).date(), start_local.time(), tz).1;
                    let e = local_instant((*end_local + shift).date(), end_local.time(), tz).1;
                    EventWhenInput::Timed {
                        start_local: s,
                        end_local: e.max(s),
                        timezone: timezone.clone(),
                    }
                }
            };
            let event_input = crate::model::EventInput {
                plan_id: old.plan_id.clone(),
                kind: old.kind,
                title: old.title.clone(),
                description: old.description.clone(),
                location: old.location.clone(),
                when,
            };
            let mut event = super::events::build(&event_input, old.id.clone(), old.meta.clone())?;
            if event != old {
                event.meta.updated_at = now;
                event.meta.revision += 1;
                events::upsert(tx, &event)?;
            }
            let mut moved = Vec::new();
            let mut kept = 0u32;
            for post in posts::list_for_event(tx, &event.id)? {
                let movable = input.move_posts
                    && days != 0
                    && post.status != PostStatus::Published
                    && post.planned.is_some();
                if !movable {
                    kept += 1;
                    continue;
                }
                let planned = match &post.planned {
                    Some(Planned::At {
                        local, timezone, ..
                    }) => {
                        let tz = parse_zone("timezone", timezone)?;
                        let (_, l, _) = local_instant((*local + shift).date(), local.time(), tz);
                        Some(PlannedInput::At {
                            local: l,
                            timezone: timezone.clone(),
                        })
                    }
                    Some(Planned::Day { date }) => Some(PlannedInput::Day {
                        date: *date + shift,
                    }),
                    None => None,
                };
                let input = PostInput {
                    planned,
                    ..input_of(&post)
                };
                let mut p = super::posts::build(tx, &input, post.id.clone(), post.meta.clone())?;
                if p != post {
                    p.meta.updated_at = now;
                    p.meta.revision += 1;
                    posts::upsert(tx, &p)?;
                }
                moved.push(super::posts::view(tx, p)?);
            }
            Ok(EventMove {
                event,
                days,
                moved,
                kept,
            })
        })
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "template",
        id: id.to_owned(),
    }
}

fn find_template(conn: &Connection, id: &str) -> Result<CampaignTemplate> {
    if id.starts_with(BUILTIN_PREFIX) {
        return campaigns::builtin(id).ok_or_else(|| not_found(id));
    }
    templates::get(conn, id)?.ok_or_else(|| not_found(id))
}

/// A template the user may change (built-in ones are read-only).
fn user_template(conn: &Connection, id: &str) -> Result<CampaignTemplate> {
    if id.starts_with(BUILTIN_PREFIX) {
        return Err(Error::invalid(
            "templateId",
            "a built-in template cannot be changed; save a copy under another name",
        ));
    }
    templates::get(conn, id)?.ok_or_else(|| not_found(id))
}

fn build_template(
    conn: &Connection,
    input: &TemplateInput,
    id: String,
    own_id: Option<&str>,
) -> Result<CampaignTemplate> {
    let name = validate::required("name", &input.name, limits::NAME)?;
    if let Some(other) = templates::find_by_name(conn, &name)? {
        if Some(other.as_str()) != own_id {
            return Err(Error::Duplicate {
                field: "name",
                value: name,
            });
        }
    }
    if campaigns::builtins("fr")
        .iter()
        .chain(campaigns::builtins("en").iter())
        .any(|b| b.name.to_lowercase() == name.to_lowercase())
    {
        return Err(Error::Duplicate {
            field: "name",
            value: name,
        });
    }
    if input.steps.is_empty() {
        return Err(Error::Empty { field: "steps" });
    }
    if input.steps.len() > MAX_STEPS {
        return Err(Error::invalid(
            "steps",
            format!("at most {MAX_STEPS} steps"),
        ));
    }
    let mut steps = Vec::with_capacity(input.steps.len());
    for s in &input.steps {
        if s.offset_days.abs() > MAX_OFFSET_DAYS {
            return Err(Error::invalid(
                "steps",
                format!("an offset is at most {MAX_OFFSET_DAYS} days from the event"),
            ));
        }
        steps.push(TemplateStep {
            title: validate::required("steps", &s.title, limits::TITLE)?,
            ..s.clone()
        });
    }
    steps.sort_by_key(|s| (s.offset_days, s.time));
    Ok(CampaignTemplate {
        id,
        name,
        description: validate::optional("description", &input.description, limits::SHORT_TEXT)?,
        builtin: false,
        language: String::new(),
        steps,
    })
}

/// The zone campaign posts are planned in: the plan's.
fn zone_of(conn: &Connection, event: &Event) -> Result<String> {
    Ok(live_plan(conn, &event.plan_id)?.timezone)
}

/// The posts a template makes for an event, without writing.
fn plan_campaign(conn: &Connection, request: &CampaignRequest) -> Result<CampaignPreview> {
    let event = super::events::live_event(conn, &request.event_id)?;
    let plan: Plan = live_plan(conn, &event.plan_id)?;
    let template = find_template(conn, &request.template_id)?;
    let tz = parse_zone("timezone", &plan.timezone)?;
    let all_channels = channels::list_for_plan(conn, &plan.id)?;
    let chosen: Vec<&Channel> = match &request.channel_ids {
        None => all_channels.iter().collect(),
        Some(ids) => {
            for id in ids {
                match all_channels.iter().find(|c| &c.id == id) {
                    Some(_) => {}
                    None => {
                        return Err(match channels::get(conn, id)? {
                            Some(c) if c.plan_id != plan.id && c.meta.deleted_at.is_none() => {
                                Error::ForeignPlan {
                                    field: "channelIds",
                                    entity: "channel",
                                    id: id.clone(),
                                }
                            }
                            _ => Error::NotFound {
                                entity: "channel",
                                id: id.clone(),
                            },
                        })
                    }
                }
            }
            all_channels
                .iter()
                .filter(|c| ids.contains(&c.id))
                .collect()
        }
    };
    let existing = posts::list_for_event(conn, &event.id)?;
    let day0 = campaigns::event_day(&event);
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for (i, step) in template.steps.iter().enumerate() {
        let channel_ids: Vec<String> = chosen
            .iter()
            .filter(|c| step.platform.is_none_or(|p| c.platform == p))
            .map(|c| c.id.clone())
            .collect();
        if channel_ids.is_empty() {
            skipped.push(SkippedStep {
                step: i as u32,
                title: step.title.clone(),
                platform: step.platform,
                reason: "no_channel_of_kind".into(),
            });
            continue;
        }
        let date = campaigns::step_day(day0, step.offset_days)
            .ok_or_else(|| Error::invalid("steps", "a step falls outside the calendar"))?;
        let (local, at, shifted) = match step.time {
            Some(t) => {
                let (at, local, shifted) = local_instant(date, t, tz);
                (Some(local), Some(at), shifted)
            }
            None => (None, None, false),
        };
        let already_exists = existing.iter().any(|p| {
            p.title.trim().to_lowercase() == step.title.trim().to_lowercase()
                && p.planned.as_ref().map(crate::rules::planned_day) == Some(date)
        });
        out.push(CampaignPost {
            step: i as u32,
            offset_days: step.offset_days,
            title: step.title.clone(),
            status: step.status,
            date,
            local,
            at,
            shifted_by_dst: shifted,
            channel_ids,
            already_exists,
        });
    }
    Ok(CampaignPreview {
        event,
        template,
        posts: out,
        skipped,
        created: Vec::new(),
    })
}
