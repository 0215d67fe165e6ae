//! The trash: deleted plans, posts and events stay restorable, with their links, for
//! `TRASH_DAYS` days; `purge_trash` then removes them for good.
use super::Cadence;
use crate::error::{Error, Result};
use crate::model::{Event, Plan, Post, PostView};
use crate::queries::{events, plans, posts};
use chrono::{DateTime, Duration, Utc};
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

    /// Removes for good what was put in the trash more than `TRASH_DAYS` days before `now`,
    /// in one transaction. A purged plan takes everything it holds with it.
    pub fn purge_trash(&self, now: DateTime<Utc>) -> Result<Purged> {
        let cutoff = now - Duration::days(TRASH_DAYS);
        self.db.with_tx(|tx| {
            Ok(Purged {
                posts: posts::purge_deleted_before(tx, cutoff)?,
                events: events::purge_deleted_before(tx, cutoff)?,
                plans: plans::purge_deleted_before(tx, cutoff)?,
            })
        })
    }
}
