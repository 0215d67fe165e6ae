//! SQL of the `slots` table and of `plan_holiday_regions`.
use super::{date_text, get_instant, get_opt_date, instant_text};
use crate::error::Result;
use crate::model::{HolidayRegion, Slot};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str =
    "SELECT s.id, s.plan_id, s.channel_id, s.rule, s.local_time, s.start_date, s.until_date,
        s.skipped, s.label, s.created_at, s.updated_at FROM slots s";

fn from_row(row: &Row) -> rusqlite::Result<Slot> {
    let time: String = row.get(4)?;
    let skipped: String = row.get(7)?;
    let skipped: Vec<NaiveDate> = serde_json::from_str(&skipped)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(7, Type::Text, Box::new(e)))?;
    Ok(Slot {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        channel_id: row.get(2)?,
        rule: row.get(3)?,
        time: NaiveTime::parse_from_str(&time, "%H:%M")
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(4, Type::Text, Box::new(e)))?,
        start: get_opt_date(row, 5)?.unwrap_or_default(),
        until: get_opt_date(row, 6)?,
        skipped,
        label: row.get(8)?,
        created_at: get_instant(row, 9)?,
        updated_at: get_instant(row, 10)?,
    })
}

pub fn upsert(conn: &Connection, s: &Slot) -> Result<()> {
    let skipped = serde_json::to_string(&s.skipped).map_err(std::io::Error::other)?;
    conn.prepare_cached(
        "INSERT INTO slots (id, plan_id, channel_id, rule, local_time, start_date, until_date, skipped, label,
                            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT(id) DO UPDATE SET channel_id = excluded.channel_id, rule = excluded.rule,
            local_time = excluded.local_time, start_date = excluded.start_date, until_date = excluded.until_date,
            skipped = excluded.skipped, label = excluded.label, updated_at = excluded.updated_at",
    )?
    .execute(params![
        s.id,
        s.plan_id,
        s.channel_id,
        s.rule,
        s.time.format("%H:%M").to_string(),
        date_text(s.start),
        s.until.map(date_text),
        skipped,
        s.label,
        instant_text(s.created_at),
        instant_text(s.updated_at)
    ])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Slot>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE s.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Slots of a plan whose channel is live, by channel then time.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Slot>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} JOIN channels c ON c.id = s.channel_id
         WHERE s.plan_id = ?1 AND c.deleted_at IS NULL ORDER BY s.channel_id, s.local_time, s.id"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn delete(conn: &Connection, id: &str) -> Result<usize> {
    Ok(conn.execute("DELETE FROM slots WHERE id = ?1", [id])?)
}

pub fn holiday_region(conn: &Connection, plan_id: &str) -> Result<Option<HolidayRegion>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT region FROM plan_holiday_regions WHERE plan_id = ?1")?
        .query_row([plan_id], |r| r.get(0))
        .optional()?;
    Ok(text.as_deref().and_then(HolidayRegion::parse))
}

pub fn set_holiday_region(conn: &Connection, plan_id: &str, region: HolidayRegion) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO plan_holiday_regions (plan_id, region) VALUES (?1, ?2)
         ON CONFLICT(plan_id) DO UPDATE SET region = excluded.region",
    )?
    .execute([plan_id, region.as_str()])?;
    Ok(())
}
