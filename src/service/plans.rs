//! Plans: one brand or client each.
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Plan, PlanInput, PlanOverview};
use crate::queries::{channels, events, objectives, plans};
use crate::time::parse_zone;
use rusqlite::Connection;

impl Cadence {
    pub fn create_plan(&self, input: &PlanInput) -> Result<Plan> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let (name, timezone, locale) = check_plan(tx, input, None)?;
            let plan = Plan {
                id: new_id(),
                name,
                timezone,
                locale,
                meta: crate::model::RowMeta {
                    created_at: now,
                    updated_at: now,
                    revision: 0,
                    deleted_at: None,
                },
            };
            plans::insert(tx, &plan)?;
            Ok(plan)
        })
    }

    pub fn update_plan(&self, id: &str, input: &PlanInput) -> Result<Plan> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut plan = live_plan(tx, id)?;
            let (name, timezone, locale) = check_plan(tx, input, Some(id))?;
            if (&plan.name, &plan.timezone, &plan.locale) != (&name, &timezone, &locale) {
                plan.name = name;
                plan.timezone = timezone;
                plan.locale = locale;
                plan.meta.updated_at = now;
                plan.meta.revision += 1;
                plans::update(tx, &plan)?;
            }
            Ok(plan)
        })
    }

    /// Puts a plan in the trash (its posts stay attached and come back with it).
    pub fn delete_plan(&self, id: &str) -> Result<Plan> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut plan = live_plan(tx, id)?;
            plan.meta.deleted_at = Some(now);
            plan.meta.updated_at = now;
            plan.meta.revision += 1;
            plans::update(tx, &plan)?;
            Ok(plan)
        })
    }

    pub fn restore_plan(&self, id: &str) -> Result<Plan> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut plan = plans::get(tx, id)?.ok_or_else(|| not_found(id))?;
            if plan.meta.deleted_at.is_none() {
                return Ok(plan);
            }
            if plans::find_by_name(tx, &plan.name)?.is_some() {
                return Err(Error::Duplicate {
                    field: "name",
                    value: plan.name,
                });
            }
            plan.meta.deleted_at = None;
            plan.meta.updated_at = now;
            plan.meta.revision += 1;
            plans::update(tx, &plan)?;
            Ok(plan)
        })
    }

    pub fn plans(&self) -> Result<Vec<Plan>> {
        self.db.read(plans::list)
    }

    pub fn plan(&self, id: &str) -> Result<Plan> {
        self.db.read(|c| live_plan(c, id))
    }

    /// The live plan with this name (case-insensitive).
    pub fn plan_named(&self, name: &str) -> Result<Plan> {
        self.db.read(|c| {
            plans::find_by_name(c, name.trim())?.ok_or_else(|| Error::PlanNotFound(name.to_owned()))
        })
    }

    /// A plan with its channels, objectives and events.
    pub fn plan_overview(&self, id: &str) -> Result<PlanOverview> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let plan = live_plan(&tx, id)?;
            Ok(PlanOverview {
                channels: channels::list_for_plan(&tx, &plan.id)?,
                objectives: objectives::list_for_plan(&tx, &plan.id)?,
                events: events::list_for_plan(&tx, &plan.id)?,
                plan,
            })
        })
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "plan",
        id: id.to_owned(),
    }
}

/// The plan with this id, unless it is missing or in the trash.
pub(crate) fn live_plan(conn: &Connection, id: &str) -> Result<Plan> {
    plans::get(conn, id)?
        .filter(|p| p.meta.deleted_at.is_none())
        .ok_or_else(|| not_found(id))
}

fn check_plan(
    conn: &Connection,
    input: &PlanInput,
    own_id: Option<&str>,
) -> Result<(String, String, String)> {
    let name = validate::required("name", &input.name, limits::NAME)?;
    let timezone = parse_zone("timezone", &input.timezone)?.name().to_owned();
    let locale = validate::locale("locale", &input.locale)?;
    if let Some(other) = plans::find_by_name(conn, &name)? {
        if Some(other.id.as_str()) != own_id {
            return Err(Error::Duplicate {
                field: "name",
                value: name,
            });
        }
    }
    Ok((name, timezone, locale))
}
