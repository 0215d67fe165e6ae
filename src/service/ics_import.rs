//! Events from other calendars: each VEVENT becomes a one-off event of the plan, remembered by
//! its UID so importing the same file again updates it instead of adding a duplicate.
use super::Cadence;
use crate::error::{Error, Result};
use crate::ics_import::{self, IcsWhen};
use crate::model::{EventInput, EventKind, EventWhenInput};
use crate::queries::events;
use crate::time::parse_zone;
use serde::Serialize;

/// What an .ics import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IcsImport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Cadence {
    /// Imports every event of an .ics file into the plan, in one transaction; the whole file is
    /// refused (nothing written) if one event is unusable.
    pub fn import_ics(&self, plan_id: &str, bytes: &[u8]) -> Result<IcsImport> {
        let parsed = ics_import::parse(bytes)?;
        let now = self.now();
        self.db.with_tx(|tx| {
            let plan = super::plans::live_plan(tx, plan_id)?;
            let mut report = IcsImport::default();
            for e in parsed {
                let zone_of = |z: &Option<String>| match z {
                    Some(z) if parse_zone("timezone", z).is_ok() => z.clone(),
                    _ => plan.timezone.clone(),
                };
                let input = EventInput {
                    plan_id: plan_id.to_owned(),
                    kind: EventKind::Other,
                    title: if e.summary.trim().is_empty() {
                        "(untitled)".to_owned()
                    } else {
                        e.summary.clone()
                    },
                    description: e.description.clone(),
                    location: e.location.clone(),
                    when: match &e.when {
                        IcsWhen::AllDay { start, end } => EventWhenInput::AllDay {
                            start: *start,
                            end: *end,
                        },
                        IcsWhen::Timed { start, end, zone } => EventWhenInput::Timed {
                            start_local: *start,
                            end_local: *end,
                            timezone: zone_of(zone),
                        },
                    },
                };
                let row = |err: Error| Error::ImportRow {
                    row: e.line,
                    column: format!("UID {}", e.uid),
                    reason: err.to_string(),
                };
                match events::find_by_external_uid(tx, plan_id, &e.uid)? {
                    Some(old) => {
                        let mut new =
                            super::events::build(&input, old.id.clone(), old.meta.clone())
                                .map_err(row)?;
                        if new == old {
                            report.unchanged += 1;
                        } else {
                            new.meta.updated_at = now;
                            new.meta.revision += 1;
                            events::upsert(tx, &new)?;
                            report.updated += 1;
                        }
                    }
                    None => {
                        let new = super::events::build(
                            &input,
                            super::new_id(),
                            super::objectives::meta(now),
                        )
                        .map_err(row)?;
                        events::upsert(tx, &new)?;
                        events::set_external_uid(tx, &new.id, &e.uid)?;
                        report.created += 1;
                    }
                }
            }
            Ok(report)
        })
    }
}
