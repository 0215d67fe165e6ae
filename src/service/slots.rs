//! Recurring slots of a channel: stored, expanded into open placeholders, filled by posts.
use super::objectives::meta;
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{
    OpenSlot, Plan, Planned, PlannedInput, Post, PostChannel, PostInput, PostStatus, PostView,
    Results, Slot, SlotInput,
};
use crate::queries::{channels, posts, slots};
use crate::slots::{local_instant, Recurrence};
use crate::time::{parse_zone, start_of_day};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::Connection;

/// A timed post of the slot's channel within this many minutes of the slot fills it.
pub const SLOT_TOLERANCE_MINUTES: i64 = 30;
/// How far ahead "next free slot" looks.
pub const NEXT_SLOT_HORIZON_DAYS: i64 = 366;
/// Most skipped days a slot keeps.
pub const MAX_SKIPPED: usize = 366;

impl Cadence {
    pub fn create_slot(&self, input: &SlotInput) -> Result<Slot> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let slot = build(tx, input, new_id(), now, now)?;
            slots::upsert(tx, &slot)?;
            Ok(slot)
        })
    }

    pub fn update_slot(&self, id: &str, input: &SlotInput) -> Result<Slot> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = slots::get(tx, id)?.ok_or_else(|| not_found(id))?;
            let slot = build(tx, input, old.id.clone(), old.created_at, now)?;
            if slot.plan_id != old.plan_id {
                return Err(Error::ForeignPlan {
                    field: "channelId",
                    entity: "channel",
                    id: input.channel_id.clone(),
                });
            }
            slots::upsert(tx, &slot)?;
            Ok(slot)
        })
    }

    pub fn delete_slot(&self, id: &str) -> Result<Slot> {
        self.db.with_tx(|tx| {
            let old = slots::get(tx, id)?.ok_or_else(|| not_found(id))?;
            slots::delete(tx, id)?;
            Ok(old)
        })
    }

    /// Adds a day the slot does not happen (idempotent).
    pub fn skip_slot_day(&self, id: &str, day: NaiveDate) -> Result<Slot> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut slot = slots::get(tx, id)?.ok_or_else(|| not_found(id))?;
            if !slot.skipped.contains(&day) {
                if slot.skipped.len() >= MAX_SKIPPED {
                    return Err(Error::invalid(
                        "skipped",
                        format!("at most {MAX_SKIPPED} skipped days"),
                    ));
                }
                slot.skipped.push(day);
                slot.skipped.sort();
                slot.updated_at = now;
                slots::upsert(tx, &slot)?;
            }
            Ok(slot)
        })
    }

    pub fn slots(&self, plan_id: &str) -> Result<Vec<Slot>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            slots::list_for_plan(c, plan_id)
        })
    }

    /// Occurrences of the plan's slots on the days `[from, to)` that no post fills yet.
    pub fn open_slots(
        &self,
        plan_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<OpenSlot>> {
        super::holidays::check_range(from, to)?;
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let plan = live_plan(&tx, plan_id)?;
            let all = slots::list_for_plan(&tx, plan_id)?;
            open_in_range(&tx, &plan, &all, None, (from, to))
        })
    }

    /// The first open slot of a channel strictly after `after`, within a year.
    pub fn next_free_slot(
        &self,
        channel_id: &str,
        after: DateTime<Utc>,
    ) -> Result<Option<OpenSlot>> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let channel = channels::get(&tx, channel_id)?
                .filter(|c| c.meta.deleted_at.is_none())
                .ok_or_else(|| Error::NotFound {
                    entity: "channel",
                    id: channel_id.to_owned(),
                })?;
            let plan = live_plan(&tx, &channel.plan_id)?;
            let tz = parse_zone("timezone", &plan.timezone)?;
            let all = slots::list_for_plan(&tx, &plan.id)?;
            let from = after.with_timezone(&tz).date_naive();
            // A month at a time, so a busy year is not read at once.
            let mut start = from;
            while start < from + Duration::days(NEXT_SLOT_HORIZON_DAYS) {
                let end = start + Duration::days(31);
                let open = open_in_range(&tx, &plan, &all, Some(channel_id), (start, end))?;
                if let Some(s) = open.into_iter().find(|s| s.at > after) {
                    return Ok(Some(s));
                }
                start = end;
            }
            Ok(None)
        })
    }

    /// Creates a draft post in an open slot: on the slot's channel at its time.
    pub fn fill_slot(&self, slot_id: &str, day: NaiveDate, title: &str) -> Result<PostView> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let slot = slots::get(tx, slot_id)?.ok_or_else(|| not_found(slot_id))?;
            let plan = live_plan(tx, &slot.plan_id)?;
            let open = open_in_range(
                tx,
                &plan,
                std::slice::from_ref(&slot),
                None,
                (day, day + Duration::days(1)),
            )?;
            let Some(open) = open.into_iter().next() else {
                return Err(Error::invalid(
                    "date",
                    format!("the slot has no open occurrence on {day}"),
                ));
            };
            let input = PostInput {
                plan_id: plan.id.clone(),
                title: title.to_owned(),
                body: String::new(),
                channels: vec![PostChannel {
                    channel_id: slot.channel_id.clone(),
                    variant: None,
                }],
                objective_id: None,
                customer_value: String::new(),
                status: PostStatus::Draft,
                planned: Some(PlannedInput::At {
                    local: open.local,
                    timezone: open.timezone.clone(),
                }),
                duration_minutes: None,
                event_id: None,
                assignee: String::new(),
                tags: Vec::new(),
                links: Vec::new(),
                notes: String::new(),
                results: Results::default(),
            };
            let post = super::posts::build(tx, &input, new_id(), meta(now))?;
            posts::upsert(tx, &post)?;
            super::posts::view(tx, post)
        })
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "slot",
        id: id.to_owned(),
    }
}

fn build(
    conn: &Connection,
    input: &SlotInput,
    id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> Result<Slot> {
    let channel = channels::get(conn, &input.channel_id)?
        .filter(|c| c.meta.deleted_at.is_none())
        .ok_or_else(|| Error::NotFound {
            entity: "channel",
            id: input.channel_id.clone(),
        })?;
    live_plan(conn, &channel.plan_id)?;
    let rule = Recurrence::parse(&input.rule)?;
    if input.until.is_some_and(|u| u < input.start) {
        return Err(Error::EndBeforeStart { field: "until" });
    }
    let mut skipped = input.skipped.clone();
    skipped.sort();
    skipped.dedup();
    if skipped.len() > MAX_SKIPPED {
        return Err(Error::invalid(
            "skipped",
            format!("at most {MAX_SKIPPED} skipped days"),
        ));
    }
    Ok(Slot {
        id,
        plan_id: channel.plan_id,
        channel_id: channel.id,
        rule: rule.text().to_owned(),
        time: input.time,
        start: input.start,
        until: input.until,
        skipped,
        label: validate::optional("label", &input.label, limits::NAME)?,
        created_at,
        updated_at,
    })
}

/// Every occurrence of `slots` (of `only_channel`, if given) on `[from, to)` not filled by a
/// live, non-cancelled post of the slot's channel, in time order.
pub(super) fn open_in_range(
    conn: &Connection,
    plan: &Plan,
    slots: &[Slot],
    only_channel: Option<&str>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<OpenSlot>> {
    let slots: Vec<&Slot> = slots
        .iter()
        .filter(|s| only_channel.is_none_or(|c| s.channel_id == c))
        .collect();
    if slots.is_empty() || to <= from {
        return Ok(Vec::new());
    }
    let tz = parse_zone("timezone", &plan.timezone)?;
    let mut occurrences = Vec::new();
    for slot in &slots {
        // A stored rule that no longer parses (written by a newer version) shows nothing.
        let Ok(rule) = Recurrence::parse(&slot.rule) else {
            continue;
        };
        for day in rule.days(slot.start, slot.until, &slot.skipped, (from, to))? {
            let (at, local, _) = local_instant(day, slot.time, tz);
            occurrences.push(OpenSlot {
                slot_id: slot.id.clone(),
                channel_id: slot.channel_id.clone(),
                date: day,
                local,
                at,
                timezone: plan.timezone.clone(),
                label: slot.label.clone(),
            });
        }
    }
    occurrences.sort_by(|a, b| (a.at, &a.channel_id).cmp(&(b.at, &b.channel_id)));
    // Posts a day either side, so a tolerance across midnight is seen.
    let instants = (
        start_of_day(from - Duration::days(1), tz),
        start_of_day(to + Duration::days(1), tz),
    );
    let planned: Vec<Post> = posts::list_in_range(
        conn,
        &plan.id,
        (from - Duration::days(1), to + Duration::days(1)),
        instants,
    )?
    .into_iter()
    .filter(|p| p.status != PostStatus::Cancelled)
    .collect();
    let mut used = vec![false; planned.len()];
    let tolerance = Duration::minutes(SLOT_TOLERANCE_MINUTES);
    let mut open = Vec::new();
    for o in occurrences {
        let filler = planned.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.channels.iter().any(|c| c.channel_id == o.channel_id)
                && match &p.planned {
                    Some(Planned::At { at, .. }) => (*at - o.at).abs() <= tolerance,
                    Some(Planned::Day { date }) => *date == o.date,
                    None => false,
                }
        });
        match filler {
            Some(i) => used[i] = true,
            None => open.push(o),
        }
    }
    Ok(open)
}
