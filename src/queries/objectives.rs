//! SQL of the `objectives` table.
use super::{date_text, get_enum, get_meta, get_opt_date, instant_text, META_COLUMNS};
use crate::error::Result;
use crate::model::{Objective, ObjectiveKind};
use rusqlite::{params, Connection, OptionalExtension, Row};

fn select() -> String {
    format!(
        "SELECT id, plan_id, kind, title, target, start_date, end_date, color, target_share, {META_COLUMNS} FROM objectives"
    )
}

fn from_row(row: &Row) -> rusqlite::Result<Objective> {
    Ok(Objective {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        kind: get_enum(row, 2, ObjectiveKind::parse)?,
        title: row.get(3)?,
        target: row.get(4)?,
        start_date: get_opt_date(row, 5)?,
        end_date: get_opt_date(row, 6)?,
        color: row.get(7)?,
        target_share: row.get(8)?,
        meta: get_meta(row, 9)?,
    })
}

/// Inserts a new row or replaces an existing one with the same id.
pub fn upsert(conn: &Connection, o: &Objective) -> Result<()> {
    conn.execute(
        "INSERT INTO objectives (id, plan_id, kind, title, target, start_date, end_date, color, target_share,
                                 created_at, updated_at, revision, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, target = excluded.target,
            start_date = excluded.start_date, end_date = excluded.end_date, color = excluded.color,
            target_share = excluded.target_share, updated_at = excluded.updated_at,
            revision = excluded.revision, deleted_at = excluded.deleted_at",
        params![
            o.id,
            o.plan_id,
            o.kind.as_str(),
            o.title,
            o.target,
            o.start_date.map(date_text),
            o.end_date.map(date_text),
            o.color,
            o.target_share,
            instant_text(o.meta.created_at),
            instant_text(o.meta.updated_at),
            o.meta.revision,
            o.meta.deleted_at.map(instant_text)
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Objective>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE id = ?1", select()))?
        .query_row([id], from_row)
        .optional()?)
}

/// The live objectives of a plan, in creation order.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Objective>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY created_at, title",
        select()
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
