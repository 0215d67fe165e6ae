//! SQL of the `plans` table.
use super::{get_meta, instant_text, META_COLUMNS};
use crate::error::Result;
use crate::model::Plan;
use rusqlite::{params, Connection, OptionalExtension, Row};

fn select() -> String {
    format!("SELECT id, name, timezone, locale, {META_COLUMNS} FROM plans")
}

fn from_row(row: &Row) -> rusqlite::Result<Plan> {
    Ok(Plan {
        id: row.get(0)?,
        name: row.get(1)?,
        timezone: row.get(2)?,
        locale: row.get(3)?,
        meta: get_meta(row, 4)?,
    })
}

pub fn insert(conn: &Connection, p: &Plan) -> Result<()> {
    conn.execute(
        "INSERT INTO plans (id, name, timezone, locale, created_at, updated_at, revision, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            p.id,
            p.name,
            p.timezone,
            p.locale,
            instant_text(p.meta.created_at),
            instant_text(p.meta.updated_at),
            p.meta.revision,
            p.meta.deleted_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn update(conn: &Connection, p: &Plan) -> Result<()> {
    conn.execute(
        "UPDATE plans SET name = ?2, timezone = ?3, locale = ?4, updated_at = ?5, revision = ?6, deleted_at = ?7
         WHERE id = ?1",
        params![
            p.id,
            p.name,
            p.timezone,
            p.locale,
            instant_text(p.meta.updated_at),
            p.meta.revision,
            p.meta.deleted_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Plan>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE id = ?1", select()))?
        .query_row([id], from_row)
        .optional()?)
}

/// The live plan with this name, ignoring case in any script ("épis" finds "Épis").
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Plan>> {
    let wanted = name.trim().to_lowercase();
    Ok(list(conn)?
        .into_iter()
        .find(|p| p.name.to_lowercase() == wanted))
}

pub fn list(conn: &Connection) -> Result<Vec<Plan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE",
        select()
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count_live(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM plans WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Plans in the trash, most recently deleted first.
pub fn list_deleted(conn: &Connection) -> Result<Vec<Plan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC",
        select()
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes for good the plans put in the trash before `cutoff`, with everything they hold.
/// Returns how many.
pub fn purge_deleted_before(
    conn: &Connection,
    cutoff: chrono::DateTime<chrono::Utc>,
) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM plans WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
        [instant_text(cutoff)],
    )?)
}
