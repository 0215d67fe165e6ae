//! SQL of `ambassadors` and `post_relays`.
use super::{get_instant, get_opt_instant, instant_text};
use crate::error::Result;
use crate::model::{Ambassador, Relay};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

fn from_row(r: &Row) -> rusqlite::Result<Ambassador> {
    Ok(Ambassador {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        name: r.get(2)?,
        email: r.get(3)?,
        created_at: get_instant(r, 4)?,
    })
}

pub fn insert(conn: &Connection, a: &Ambassador) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO ambassadors (id, plan_id, name, email, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![a.id, a.plan_id, a.name, a.email, instant_text(a.created_at)])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Ambassador>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, plan_id, name, email, created_at FROM ambassadors WHERE id = ?1",
        )?
        .query_row([id], from_row)
        .optional()?)
}

/// A plan's ambassadors by name.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Ambassador>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, plan_id, name, email, created_at FROM ambassadors WHERE plan_id = ?1
             ORDER BY name COLLATE NOCASE",
        )?
        .query_map([plan_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Removes an ambassador and their relays.
pub fn delete(conn: &Connection, id: &str) -> Result<usize> {
    Ok(conn.execute("DELETE FROM ambassadors WHERE id = ?1", [id])?)
}

/// Who was asked to relay a post, by name.
pub fn relays_of_post(conn: &Connection, post_id: &str) -> Result<Vec<Relay>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.post_id, r.ambassador_id, a.name, r.done_at FROM post_relays r
               JOIN ambassadors a ON a.id = r.ambassador_id
              WHERE r.post_id = ?1 ORDER BY a.name COLLATE NOCASE",
        )?
        .query_map([post_id], |r| {
            Ok(Relay {
                post_id: r.get(0)?,
                ambassador_id: r.get(1)?,
                name: r.get(2)?,
                done_at: get_opt_instant(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Asks `ambassador_id` to relay `post_id` (no change if already asked).
pub fn ask(conn: &Connection, post_id: &str, ambassador_id: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO post_relays (post_id, ambassador_id, done_at) VALUES (?1, ?2, NULL)
         ON CONFLICT(post_id, ambassador_id) DO NOTHING",
    )?
    .execute([post_id, ambassador_id])?;
    Ok(())
}

/// Stops asking; returns whether they had been asked.
pub fn unask(conn: &Connection, post_id: &str, ambassador_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM post_relays WHERE post_id = ?1 AND ambassador_id = ?2")?
        .execute([post_id, ambassador_id])?
        > 0)
}

/// Marks a relay done (at `at`) or not done (`None`); returns whether they had been asked.
pub fn set_done(
    conn: &Connection,
    post_id: &str,
    ambassador_id: &str,
    at: Option<DateTime<Utc>>,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "UPDATE post_relays SET done_at = ?3 WHERE post_id = ?1 AND ambassador_id = ?2",
        )?
        .execute(params![post_id, ambassador_id, at.map(instant_text)])?
        > 0)
}

/// (ambassador id, post id, done) for the relays of the posts whose ids are in the JSON array.
pub fn relays_of_posts(conn: &Connection, post_ids_json: &str) -> Result<Vec<(String, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT ambassador_id, done_at IS NOT NULL FROM post_relays
              WHERE post_id IN (SELECT value FROM json_each(?1))",
        )?
        .query_map([post_ids_json], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
