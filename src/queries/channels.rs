//! SQL of the `channels` table.
use super::{get_enum, get_meta, instant_text, META_COLUMNS};
use crate::error::Result;
use crate::model::{Channel, Platform};
use rusqlite::{params, Connection, OptionalExtension, Row};

fn select() -> String {
    format!(
        "SELECT id, plan_id, platform, name, char_limit, weekly_target, color, {META_COLUMNS} FROM channels"
    )
}

fn from_row(row: &Row) -> rusqlite::Result<Channel> {
    Ok(Channel {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        platform: get_enum(row, 2, Platform::parse)?,
        name: row.get(3)?,
        char_limit: row.get(4)?,
        weekly_target: row.get(5)?,
        color: row.get(6)?,
        meta: get_meta(row, 7)?,
    })
}

/// Inserts a new row or replaces an existing one with the same id.
pub fn upsert(conn: &Connection, c: &Channel) -> Result<()> {
    conn.execute(
        "INSERT INTO channels (id, plan_id, platform, name, char_limit, weekly_target, color,
                               created_at, updated_at, revision, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT(id) DO UPDATE SET platform = excluded.platform, name = excluded.name,
            char_limit = excluded.char_limit, weekly_target = excluded.weekly_target, color = excluded.color,
            updated_at = excluded.updated_at, revision = excluded.revision, deleted_at = excluded.deleted_at",
        params![
            c.id,
            c.plan_id,
            c.platform.as_str(),
            c.name,
            c.char_limit,
            c.weekly_target,
            c.color,
            instant_text(c.meta.created_at),
            instant_text(c.meta.updated_at),
            c.meta.revision,
            c.meta.deleted_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Channel>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE id = ?1", select()))?
        .query_row([id], from_row)
        .optional()?)
}

/// The live channels of a plan, in creation order.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Channel>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY created_at, name",
        select()
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
