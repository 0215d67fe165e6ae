//! Calendar exports: the filter is checked, then the plan streams out as iCalendar.
use super::plans::live_plan;
use super::validate::{self, limits};
use super::Cadence;
use crate::error::{Error, Result};
use crate::ics::{self, ExportSummary, MAX_ALARM_MINUTES};
use crate::model::ExportFilter;
use crate::queries::{channels, events, objectives};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `path` through `write` into a hidden temporary file of the same folder, synced, then
/// renamed over `path`. On error the temporary file is removed and `path` is left as it was.
pub(crate) fn write_file_atomically<T>(
    path: &Path,
    write: impl FnOnce(&std::fs::File) -> Result<T>,
) -> Result<T> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::invalid("path", "a file name is needed"))?;
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let tmp = dir.join(format!(".{name}.{}.partial", uuid::Uuid::new_v4().simple()));
    let file = std::fs::File::create(&tmp)?;
    let result = write(&file).and_then(|v| {
        file.sync_all()?;
        Ok(v)
    });
    drop(file);
    let result = result.and_then(|v| {
        std::fs::rename(&tmp, path)?;
        Ok(v)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The longest retention window accepted for cancelled and deleted posts (ten years).
pub const MAX_RETENTION_DAYS: u32 = 3650;

impl Cadence {
    /// Writes the plan of `filter` as an `.ics` calendar to `out` (buffered inside).
    /// A bad filter is refused before anything is written.
    pub fn export_ics(&self, filter: &ExportFilter, out: impl Write) -> Result<ExportSummary> {
        self.export_ics_at(filter, self.now(), out)
    }

    /// [`Cadence::export_ics`] as if it were `now` (which decides what the retention keeps).
    pub fn export_ics_at(
        &self,
        filter: &ExportFilter,
        now: DateTime<Utc>,
        out: impl Write,
    ) -> Result<ExportSummary> {
        // A big plan is read on two connections: the second is an idle one of the pool
        // when there is one (see `ics::write_calendar_with_spare`).
        self.db.read_with_spare(|c, spare| {
            let filter = check_filter(c, filter)?;
            ics::write_calendar_with_spare(c, spare, &filter, now, out)
        })
    }

    /// [`Cadence::export_ics`] into the file `path`, written beside it under a temporary name
    /// and renamed over it once complete: a failed export leaves no half-written calendar, and
    /// an existing file is replaced whole or not at all.
    pub fn export_ics_file(&self, filter: &ExportFilter, path: &Path) -> Result<ExportSummary> {
        write_file_atomically(path, |file| self.export_ics(filter, file))
    }

    /// The filter as it would be stored or used: checked against the plan, duplicates removed.
    pub fn check_export_filter(&self, filter: &ExportFilter) -> Result<ExportFilter> {
        self.db.read(|c| check_filter(c, filter))
    }
}

pub(crate) fn check_filter(conn: &Connection, f: &ExportFilter) -> Result<ExportFilter> {
    let plan = live_plan(conn, &f.plan_id)?;
    let mut out = ExportFilter {
        plan_id: plan.id.clone(),
        ..f.clone()
    };
    out.channel_ids = ids_of_plan(conn, &plan.id, &f.channel_ids, "channel")?;
    out.objective_ids = ids_of_plan(conn, &plan.id, &f.objective_ids, "objective")?;
    out.event_ids = ids_of_plan(conn, &plan.id, &f.event_ids, "event")?;
    out.statuses.dedup();
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if to < from {
            return Err(Error::EndBeforeStart { field: "to" });
        }
    }
    if let Some(m) = f.alarm_minutes {
        validate::at_most("alarmMinutes", m, MAX_ALARM_MINUTES)?;
    }
    if let Some(d) = f.retention_days {
        validate::at_most("retentionDays", d, MAX_RETENTION_DAYS)?;
    }
    out.calendar_name = match f.calendar_name.as_deref() {
        Some(n) if !n.trim().is_empty() => {
            Some(validate::optional("calendarName", n, limits::NAME)?)
        }
        _ => None,
    };
    Ok(out)
}

/// Each id must name a live row of that kind in the plan. Returns them without duplicates.
fn ids_of_plan(
    conn: &Connection,
    plan_id: &str,
    ids: &[String],
    entity: &'static str,
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let found = match entity {
            "channel" => channels::get(conn, id)?.map(|c| (c.plan_id, c.meta.deleted_at)),
            "objective" => objectives::get(conn, id)?.map(|o| (o.plan_id, o.meta.deleted_at)),
            _ => events::get(conn, id)?.map(|e| (e.plan_id, e.meta.deleted_at)),
        };
        let field = match entity {
            "channel" => "channelIds",
            "objective" => "objectiveIds",
            _ => "eventIds",
        };
        match found {
            Some((p, None)) if p == plan_id => {}
            Some((p, None)) if p != plan_id => {
                return Err(Error::ForeignPlan {
                    field,
                    entity,
                    id: id.clone(),
                })
            }
            _ => {
                return Err(Error::NotFound {
                    entity,
                    id: id.clone(),
                })
            }
        }
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    Ok(out)
}
