//! One-off events: launches, open days, trade shows…
use super::objectives::meta;
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Event, EventInput, EventWhen, EventWhenInput, RowMeta};
use crate::queries::events;
use crate::time::{parse_zone, to_utc};
use rusqlite::Connection;

impl Cadence {
    pub fn create_event(&self, input: &EventInput) -> Result<Event> {
        let now = self.now();
        self.db.with_tx(|tx| {
            live_plan(tx, &input.plan_id)?;
            let e = build(input, new_id(), meta(now))?;
            events::upsert(tx, &e)?;
            Ok(e)
        })
    }

    pub fn update_event(&self, id: &str, input: &EventInput) -> Result<Event> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = live_event(tx, id)?;
            if old.plan_id != input.plan_id {
                return Err(Error::ForeignPlan {
                    field: "planId",
                    entity: "event",
                    id: id.to_owned(),
                });
            }
            let mut e = build(input, old.id.clone(), old.meta.clone())?;
            if e != old {
                e.meta.updated_at = now;
                e.meta.revision += 1;
                events::upsert(tx, &e)?;
            }
            Ok(e)
        })
    }

    /// Puts an event in the trash (exports then announce its cancellation).
    pub fn delete_event(&self, id: &str) -> Result<Event> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut e = live_event(tx, id)?;
            e.meta.deleted_at = Some(now);
            e.meta.updated_at = now;
            e.meta.revision += 1;
            events::upsert(tx, &e)?;
            Ok(e)
        })
    }

    pub fn restore_event(&self, id: &str) -> Result<Event> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut e = events::get(tx, id)?.ok_or_else(|| not_found(id))?;
            live_plan(tx, &e.plan_id)?;
            if e.meta.deleted_at.take().is_some() {
                e.meta.updated_at = now;
                e.meta.revision += 1;
                events::upsert(tx, &e)?;
            }
            Ok(e)
        })
    }

    pub fn events(&self, plan_id: &str) -> Result<Vec<Event>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            events::list_for_plan(c, plan_id)
        })
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "event",
        id: id.to_owned(),
    }
}

pub(crate) fn live_event(conn: &Connection, id: &str) -> Result<Event> {
    events::get(conn, id)?
        .filter(|e| e.meta.deleted_at.is_none())
        .ok_or_else(|| not_found(id))
}

pub(super) fn build(input: &EventInput, id: String, meta: RowMeta) -> Result<Event> {
    let when = match &input.when {
        EventWhenInput::AllDay { start, end } => {
            if end < start {
                return Err(Error::EndBeforeStart { field: "when" });
            }
            EventWhen::AllDay {
                start: *start,
                end: *end,
            }
        }
        EventWhenInput::Timed {
            start_local,
            end_local,
            timezone,
        } => {
            let timezone = parse_zone("timezone", timezone)?.name().to_owned();
            let start = to_utc("when", *start_local, &timezone)?;
            let end = to_utc("when", *end_local, &timezone)?;
            if end < start {
                return Err(Error::EndBeforeStart { field: "when" });
            }
            EventWhen::Timed {
                start,
                end,
                start_local: *start_local,
                end_local: *end_local,
                timezone,
            }
        }
    };
    Ok(Event {
        id,
        plan_id: input.plan_id.clone(),
        kind: input.kind,
        title: validate::required("title", &input.title, limits::TITLE)?,
        description: validate::text("description", &input.description, limits::BODY)?,
        location: validate::optional("location", &input.location, limits::SHORT_TEXT)?,
        when,
        meta,
    })
}
