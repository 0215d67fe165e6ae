//! Narrow reads for the dashboard: one row per (post, channel) over a range of weeks.
use super::{date_text, get_opt_date, get_opt_instant, instant_text};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};

/// When a post goes out, as stored: an instant or a day.
pub enum When {
    At(DateTime<Utc>),
    Day(NaiveDate),
}

/// (when, channel id) of every channel of every live, not cancelled post of a plan planned on
/// the days `[from, to)` or at the instants `[from_at, to_at)`. Uses the two partial indexes.
pub fn post_channels_in_range(
    conn: &Connection,
    plan_id: &str,
    (from, to): (NaiveDate, NaiveDate),
    (from_at, to_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<(When, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.planned_at, NULL, pc.channel_id FROM posts p JOIN post_channels pc ON pc.post_id = p.id
          WHERE p.plan_id = ?1 AND p.planned_at >= ?4 AND p.planned_at < ?5
            AND p.deleted_at IS NULL AND p.status <> 'cancelled'
         UNION ALL
         SELECT NULL, p.planned_date, pc.channel_id FROM posts p JOIN post_channels pc ON pc.post_id = p.id
          WHERE p.plan_id = ?1 AND p.planned_date >= ?2 AND p.planned_date < ?3
            AND p.deleted_at IS NULL AND p.status <> 'cancelled'",
    )?;
    let rows = stmt.query_map(
        params![
            plan_id,
            date_text(from),
            date_text(to),
            instant_text(from_at),
            instant_text(to_at)
        ],
        |r| {
            let when = match (get_opt_instant(r, 0)?, get_opt_date(r, 1)?) {
                (Some(at), _) => When::At(at),
                (None, Some(day)) => When::Day(day),
                (None, None) => When::Day(NaiveDate::MIN),
            };
            Ok((when, r.get(2)?))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
