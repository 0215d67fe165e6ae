//! SQL of the `events` table.
use super::{
    date_text, get_enum, get_meta, get_opt_date, get_opt_instant, instant_text, META_COLUMNS,
};
use crate::error::Result;
use crate::model::{Event, EventKind, EventWhen};
use crate::time::local_of;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

fn select() -> String {
    format!(
        "SELECT id, plan_id, kind, title, description, location, start_date, end_date, start_at, end_at, timezone,
                {META_COLUMNS} FROM events"
    )
}

fn from_row(row: &Row) -> rusqlite::Result<Event> {
    let when = match (get_opt_date(row, 6)?, get_opt_date(row, 7)?) {
        (Some(start), Some(end)) => EventWhen::AllDay { start, end },
        _ => {
            let start = get_opt_instant(row, 8)?;
            let end = get_opt_instant(row, 9)?;
            let timezone: Option<String> = row.get(10)?;
            let (Some(start), Some(end), Some(timezone)) = (start, end, timezone) else {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    8,
                    Type::Null,
                    "event has neither dates nor times".into(),
                ));
            };
            EventWhen::Timed {
                start_local: local_of(start, &timezone),
                end_local: local_of(end, &timezone),
                start,
                end,
                timezone,
            }
        }
    };
    Ok(Event {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        kind: get_enum(row, 2, EventKind::parse)?,
        title: row.get(3)?,
        description: row.get(4)?,
        location: row.get(5)?,
        when,
        meta: get_meta(row, 11)?,
    })
}

/// Inserts a new row or replaces an existing one with the same id.
pub fn upsert(conn: &Connection, e: &Event) -> Result<()> {
    let (start_date, end_date, start_at, end_at, tz) = match &e.when {
        EventWhen::AllDay { start, end } => (
            Some(date_text(*start)),
            Some(date_text(*end)),
            None,
            None,
            None,
        ),
        EventWhen::Timed {
            start,
            end,
            timezone,
            ..
        } => (
            None,
            None,
            Some(instant_text(*start)),
            Some(instant_text(*end)),
            Some(timezone.clone()),
        ),
    };
    conn.execute(
        "INSERT INTO events (id, plan_id, kind, title, description, location, start_date, end_date, start_at, end_at,
                             timezone, created_at, updated_at, revision, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title,
            description = excluded.description, location = excluded.location, start_date = excluded.start_date,
            end_date = excluded.end_date, start_at = excluded.start_at, end_at = excluded.end_at,
            timezone = excluded.timezone, updated_at = excluded.updated_at, revision = excluded.revision,
            deleted_at = excluded.deleted_at",
        params![
            e.id,
            e.plan_id,
            e.kind.as_str(),
            e.title,
            e.description,
            e.location,
            start_date,
            end_date,
            start_at,
            end_at,
            tz,
            instant_text(e.meta.created_at),
            instant_text(e.meta.updated_at),
            e.meta.revision,
            e.meta.deleted_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Event>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE id = ?1", select()))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY coalesce(start_date, start_at)",
        select()
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Live events overlapping the days `[from, to)` (all-day) or the instants `[from_at, to_at)` (timed).
pub fn list_in_range(
    conn: &Connection,
    plan_id: &str,
    (from, to): (NaiveDate, NaiveDate),
    (from_at, to_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NULL AND (
              (start_date IS NOT NULL AND start_date < ?3 AND end_date >= ?2)
           OR (start_at IS NOT NULL AND start_at < ?5 AND end_at > ?4)
           OR (start_at IS NOT NULL AND start_at = end_at AND start_at >= ?4 AND start_at < ?5))
         ORDER BY coalesce(start_date, start_at)",
        select()
    ))?;
    let rows = stmt.query_map(
        params![
            plan_id,
            date_text(from),
            date_text(to),
            instant_text(from_at),
            instant_text(to_at)
        ],
        from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a calendar export holds: every live event of a plan, plus those put in the trash at or
/// after `deleted_since` (exported as cancelled), in time order.
pub fn list_for_export(
    conn: &Connection,
    plan_id: &str,
    deleted_since: DateTime<Utc>,
) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND (deleted_at IS NULL OR deleted_at >= ?2)
         ORDER BY coalesce(start_date, start_at), id",
        select()
    ))?;
    let rows = stmt.query_map(params![plan_id, instant_text(deleted_since)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Events of a plan in the trash, most recently deleted first.
pub fn list_deleted(conn: &Connection, plan_id: &str) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC",
        select()
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes for good the events of `plan_id` put in the trash before `cutoff` (posts that referred to one
/// keep existing without it). Returns how many.
pub fn purge_deleted_of_plan_before(
    conn: &Connection,
    plan_id: &str,
    cutoff: DateTime<Utc>,
) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM events WHERE plan_id = ?1 AND deleted_at IS NOT NULL AND deleted_at < ?2",
        params![plan_id, instant_text(cutoff)],
    )?)
}

/// The event of a plan imported with this iCalendar UID (in the trash or not).
pub fn find_by_external_uid(conn: &Connection, plan_id: &str, uid: &str) -> Result<Option<Event>> {
    Ok(conn
        .prepare_cached(&format!(
            "{} WHERE plan_id = ?1 AND external_uid = ?2",
            select()
        ))?
        .query_row([plan_id, uid], from_row)
        .optional()?)
}

pub fn set_external_uid(conn: &Connection, id: &str, uid: &str) -> Result<()> {
    conn.execute(
        "UPDATE events SET external_uid = ?2 WHERE id = ?1",
        [id, uid],
    )?;
    Ok(())
}
