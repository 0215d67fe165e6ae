//! Business objectives of a plan.
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Objective, ObjectiveInput, RowMeta};
use crate::queries::objectives;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

impl Cadence {
    pub fn create_objective(&self, input: &ObjectiveInput) -> Result<Objective> {
        let now = self.now();
        self.db.with_tx(|tx| {
            live_plan(tx, &input.plan_id)?;
            let o = build(input, new_id(), meta(now))?;
            objectives::upsert(tx, &o)?;
            Ok(o)
        })
    }

    pub fn update_objective(&self, id: &str, input: &ObjectiveInput) -> Result<Objective> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = live_objective(tx, id)?;
            if old.plan_id != input.plan_id {
                return Err(Error::ForeignPlan {
                    field: "planId",
                    entity: "objective",
                    id: id.to_owned(),
                });
            }
            let mut o = build(input, old.id.clone(), old.meta.clone())?;
            if o != old {
                o.meta.updated_at = now;
                o.meta.revision += 1;
                objectives::upsert(tx, &o)?;
            }
            Ok(o)
        })
    }

    /// Puts an objective in the trash; its posts then warn that they serve no objective.
    pub fn delete_objective(&self, id: &str) -> Result<Objective> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut o = live_objective(tx, id)?;
            o.meta.deleted_at = Some(now);
            o.meta.updated_at = now;
            o.meta.revision += 1;
            objectives::upsert(tx, &o)?;
            Ok(o)
        })
    }

    pub fn objectives(&self, plan_id: &str) -> Result<Vec<Objective>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            objectives::list_for_plan(c, plan_id)
        })
    }
}

pub(crate) fn meta(now: DateTime<Utc>) -> RowMeta {
    RowMeta {
        created_at: now,
        updated_at: now,
        revision: 0,
        deleted_at: None,
    }
}

fn live_objective(conn: &Connection, id: &str) -> Result<Objective> {
    objectives::get(conn, id)?
        .filter(|o| o.meta.deleted_at.is_none())
        .ok_or_else(|| Error::NotFound {
            entity: "objective",
            id: id.to_owned(),
        })
}

pub(super) fn build(input: &ObjectiveInput, id: String, meta: RowMeta) -> Result<Objective> {
    if let (Some(s), Some(e)) = (input.start_date, input.end_date) {
        if e < s {
            return Err(Error::EndBeforeStart { field: "endDate" });
        }
    }
    if input.target_share > 100 {
        return Err(Error::invalid(
            "targetShare",
            "a share is between 0 and 100 %",
        ));
    }
    Ok(Objective {
        id,
        plan_id: input.plan_id.clone(),
        kind: input.kind,
        title: validate::required("title", &input.title, limits::TITLE)?,
        target: validate::optional("target", &input.target, limits::SHORT_TEXT)?,
        start_date: input.start_date,
        end_date: input.end_date,
        color: validate::color("color", &input.color)?,
        target_share: input.target_share,
        meta,
    })
}
