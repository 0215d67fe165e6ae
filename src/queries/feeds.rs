//! SQL of the `feeds` table.
use super::{get_instant, get_opt_instant, instant_text};
use crate::error::Result;
use crate::model::{ExportFilter, Feed};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str =
    "SELECT id, plan_id, name, token, filters, created_at, updated_at, revision, revoked_at
                      FROM feeds";

fn from_row(row: &Row) -> rusqlite::Result<Feed> {
    let plan_id: String = row.get(1)?;
    let filters: String = row.get(4)?;
    let mut filter: ExportFilter = serde_json::from_str(&filters)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(4, Type::Text, Box::new(e)))?;
    filter.plan_id.clone_from(&plan_id);
    Ok(Feed {
        id: row.get(0)?,
        plan_id,
        name: row.get(2)?,
        token: row.get(3)?,
        filter,
        created_at: get_instant(row, 5)?,
        updated_at: get_instant(row, 6)?,
        revision: row.get(7)?,
        revoked_at: get_opt_instant(row, 8)?,
    })
}

/// Inserts a new feed or replaces an existing one with the same id.
pub fn upsert(conn: &Connection, f: &Feed) -> Result<()> {
    let filters = serde_json::to_string(&f.filter).map_err(std::io::Error::other)?;
    conn.execute(
        "INSERT INTO feeds (id, plan_id, name, token, filters, created_at, updated_at, revision, revoked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, token = excluded.token, filters = excluded.filters,
            updated_at = excluded.updated_at, revision = excluded.revision, revoked_at = excluded.revoked_at",
        params![
            f.id,
            f.plan_id,
            f.name,
            f.token,
            filters,
            instant_text(f.created_at),
            instant_text(f.updated_at),
            f.revision,
            f.revoked_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Feed>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Every feed of a plan (revoked ones too), oldest first.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Feed>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE plan_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The feeds a server may answer for: not revoked, of a plan that is not in the trash.
pub fn list_servable(conn: &Connection) -> Result<Vec<Feed>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE revoked_at IS NULL
           AND plan_id IN (SELECT id FROM plans WHERE deleted_at IS NULL)
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
