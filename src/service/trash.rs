//! The trash: deleted plans, posts and events stay restorable, with their links, for
//! `TRASH_DAYS` days; `purge_trash` then removes them for good.
//!
//! A deleted post or event is also a tombstone: calendar exports and feeds write it
//! `STATUS:CANCELLED` for their retention window (60 days by default, up to a feed's own
//! `retentionDays`), so a client that merges by UID learns it is gone. The automatic purge
//! therefore keeps a deleted row of a live plan until no export of that plan announces it any
//! more ([`Cadence::tombstone_days`]); only emptying the trash by hand removes it sooner.
use super::Cadence;
use crate::error::{Error, Result};
use crate::ics::retention_cutoff;
use crate::model::DEFAULT_RETENTION_DAYS;
use crate::model::{Event, Plan, Post, PostView};
use crate::queries::{events, feeds, plans, posts};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::Serialize;

/// Days a deleted plan, post or event stays in the trash.
pub const TRASH_DAYS: i64 = 30;

/// What a plan's trash holds, most recently deleted first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trash {
    pub posts: Vec<Post>,
    pub events: Vec<Event>,
}

/// An item brought back from the trash.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "item", rename_all = "camelCase")]
pub enum Restored {
    Plan(Plan),
    Post(Box<PostView>),
    Event(Event),
}

/// How many rows `purge_trash` removed for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Purged {
    pub plans: usize,
    pub posts: usize,
    pub events: usize,
}

impl Cadence {
    /// The deleted posts and events of a live plan.
    pub fn trash_of_plan(&self, plan_id: &str) -> Result<Trash> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            super::plans::live_plan(&tx, plan_id)?;
            Ok(Trash {
                posts: posts::list_deleted(&tx, plan_id)?,
                events: events::list_deleted(&tx, plan_id)?,
            })
        })
    }

    /// Plans in the trash.
    pub fn trashed_plans(&self) -> Result<Vec<Plan>> {
        self.db.read(plans::list_deleted)
    }

    /// Brings back the plan, post or event with this id (whichever it is), with its links.
    pub fn restore_item(&self, id: &str) -> Result<Restored> {
        enum Kind {
            Plan,
            Post,
            Event,
        }
        let kind = self.db.read(|c| {
            Ok(if posts::get(c, id)?.is_some() {
                Kind::Post
            } else if events::get(c, id)?.is_some() {
                Kind::Event
            } else if plans::get(c, id)?.is_some() {
                Kind::Plan
            } else {
                return Err(Error::NotFound {
                    entity: "item",
                    id: id.to_owned(),
                });
            })
        })?;
        Ok(match kind {
            Kind::Plan => Restored::Plan(self.restore_plan(id)?),
            Kind::Post => Restored::Post(Box::new(self.restore_post(id)?)),
            Kind::Event => Restored::Event(self.restore_event(id)?),
        })
    }

    /// Removes for good, in one transaction, what was put in the trash more than `TRASH_DAYS`
    /// days before `now` and that no calendar export of its plan still announces as cancelled
    /// (see [`Cadence::tombstone_days`]). A purged plan takes everything it holds with it (its
    /// feeds already answer 404).
    pub fn purge_trash(&self, now: DateTime<Utc>) -> Result<Purged> {
        let trash_cutoff = now - Duration::days(TRASH_DAYS);
        self.db.with_tx(|tx| {
            let mut purged = Purged::default();
            for plan in plans::list(tx)? {
                let kept = retention_cutoff(now, tombstone_days(tx, &plan.id)?);
                let cutoff = trash_cutoff.min(kept);
                purged.posts += posts::purge_deleted_of_plan_before(tx, &plan.id, cutoff)?;
                purged.events += events::purge_deleted_of_plan_before(tx, &plan.id, cutoff)?;
            }
            purged.plans = plans::purge_deleted_before(tx, trash_cutoff)?;
            Ok(purged)
        })
    }

    /// Empties a live plan's trash by hand: removes for good its posts and events deleted
    /// before `deleted_before` (pass `now` for everything), tombstones included.
    pub fn empty_trash(&self, plan_id: &str, deleted_before: DateTime<Utc>) -> Result<Purged> {
        self.db.with_tx(|tx| {
            super::plans::live_plan(tx, plan_id)?;
            Ok(Purged {
                plans: 0,
                posts: posts::purge_deleted_of_plan_before(tx, plan_id, deleted_before)?,
                events: events::purge_deleted_of_plan_before(tx, plan_id, deleted_before)?,
            })
        })
    }

    /// How many days a deleted post or event of this plan stays a tombstone in its exports: the
    /// default retention, or the longest one of the plan's feeds (revoked ones too, since a
    /// regenerated token serves them again). Never less than `TRASH_DAYS`.
    pub fn tombstone_days(&self, plan_id: &str) -> Result<u32> {
        self.db.read(|c| tombstone_days(c, plan_id))
    }
}

fn tombstone_days(conn: &Connection, plan_id: &str) -> Result<u32> {
    let longest_feed = feeds::list_for_plan(conn, plan_id)?
        .iter()
        .map(|f| f.filter.retention_days())
        .max()
        .unwrap_or(0);
    Ok(longest_feed
        .max(DEFAULT_RETENTION_DAYS)
        .max(TRASH_DAYS as u32))
}
