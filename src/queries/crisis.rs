//! SQL of the crisis plan (`crisis_contacts`, `crisis_steps`, `crisis_statements`), the switch's
//! log (`crisis_log`) and the held posts' previous statuses (`post_holds`).
use super::{date_text, get_instant, instant_text};
use crate::error::Result;
use crate::model::{CrisisAction, CrisisContact, CrisisLogEntry, CrisisPlan, HoldingStatement};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub fn plan(conn: &Connection, plan_id: &str) -> Result<CrisisPlan> {
    let contacts = conn
        .prepare_cached(
            "SELECT name, role, phone, email FROM crisis_contacts WHERE plan_id = ?1 ORDER BY position",
        )?
        .query_map([plan_id], |r| {
            Ok(CrisisContact {
                name: r.get(0)?,
                role: r.get(1)?,
                phone: r.get(2)?,
                email: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let steps = conn
        .prepare_cached("SELECT text FROM crisis_steps WHERE plan_id = ?1 ORDER BY position")?
        .query_map([plan_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let statements = conn
        .prepare_cached(
            "SELECT title, body FROM crisis_statements WHERE plan_id = ?1 ORDER BY position",
        )?
        .query_map([plan_id], |r| {
            Ok(HoldingStatement {
                title: r.get(0)?,
                body: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CrisisPlan {
        contacts,
        steps,
        statements,
    })
}

/// Replaces a plan's whole crisis plan.
pub fn replace_plan(conn: &Connection, plan_id: &str, p: &CrisisPlan) -> Result<()> {
    for table in ["crisis_contacts", "crisis_steps", "crisis_statements"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE plan_id = ?1"))?
            .execute([plan_id])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO crisis_contacts (plan_id, position, name, role, phone, email) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, c) in p.contacts.iter().enumerate() {
        stmt.execute(params![plan_id, i as i64, c.name, c.role, c.phone, c.email])?;
    }
    let mut stmt = conn
        .prepare_cached("INSERT INTO crisis_steps (plan_id, position, text) VALUES (?1, ?2, ?3)")?;
    for (i, s) in p.steps.iter().enumerate() {
        stmt.execute(params![plan_id, i as i64, s])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO crisis_statements (plan_id, position, title, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, s) in p.statements.iter().enumerate() {
        stmt.execute(params![plan_id, i as i64, s.title, s.body])?;
    }
    Ok(())
}

fn entry_from_row(r: &Row) -> rusqlite::Result<CrisisLogEntry> {
    let action: String = r.get(2)?;
    Ok(CrisisLogEntry {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        action: CrisisAction::parse(&action).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                Type::Text,
                format!("unknown action {action}").into(),
            )
        })?,
        reason: r.get(3)?,
        at: get_instant(r, 4)?,
        posts: r.get(5)?,
        kept: r.get(6)?,
    })
}

const LOG_COLUMNS: &str = "id, plan_id, action, reason, at, posts, kept";

pub fn insert_log(conn: &Connection, e: &CrisisLogEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO crisis_log (id, plan_id, action, reason, at, posts, kept) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        e.id,
        e.plan_id,
        e.action.as_str(),
        e.reason,
        instant_text(e.at),
        e.posts,
        e.kept
    ])?;
    Ok(())
}

/// The plan's last use of the switch.
pub fn last_log(conn: &Connection, plan_id: &str) -> Result<Option<CrisisLogEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LOG_COLUMNS} FROM crisis_log WHERE plan_id = ?1 ORDER BY at DESC, rowid DESC LIMIT 1"
        ))?
        .query_row([plan_id], entry_from_row)
        .optional()?)
}

/// Every use of the switch, newest first.
pub fn log(conn: &Connection, plan_id: &str) -> Result<Vec<CrisisLogEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LOG_COLUMNS} FROM crisis_log WHERE plan_id = ?1 ORDER BY at DESC, rowid DESC"
        ))?
        .query_map([plan_id], entry_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Puts on hold the plan's live approved or scheduled posts planned at or after `now`
/// (timed) or on `today` or later (date-only), remembering each one's status under `crisis_id`.
/// Each held post's revision goes up so calendar subscribers see the change. Returns how many.
pub fn hold_posts(
    conn: &Connection,
    plan_id: &str,
    crisis_id: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize> {
    conn.prepare_cached(
        "INSERT INTO post_holds (post_id, crisis_id, previous_status)
         SELECT id, ?2, status FROM posts
          WHERE plan_id = ?1 AND planned_at >= ?3 AND deleted_at IS NULL AND status IN ('approved', 'scheduled')
         UNION ALL
         SELECT id, ?2, status FROM posts
          WHERE plan_id = ?1 AND planned_date >= ?4 AND deleted_at IS NULL AND status IN ('approved', 'scheduled')",
    )?
    .execute(params![plan_id, crisis_id, instant_text(now), date_text(today)])?;
    Ok(conn
        .prepare_cached(
            "UPDATE posts SET status = 'held', revision = revision + 1, updated_at = ?2
              WHERE id IN (SELECT post_id FROM post_holds WHERE crisis_id = ?1)",
        )?
        .execute(params![crisis_id, instant_text(now)])?)
}

/// Gives every held post of the plan its previous status back (raising its revision), except
/// posts whose status someone changed by hand while held: those stay as set. Forgets the holds.
/// Returns (restored, kept).
pub fn resume_posts(
    conn: &Connection,
    plan_id: &str,
    now: DateTime<Utc>,
) -> Result<(usize, usize)> {
    let holds: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM post_holds h JOIN crisis_log c ON c.id = h.crisis_id WHERE c.plan_id = ?1",
        )?
        .query_row([plan_id], |r| r.get(0))?;
    let restored = conn
        .prepare_cached(
            "UPDATE posts SET status = h.previous_status, revision = posts.revision + 1, updated_at = ?2
               FROM post_holds h JOIN crisis_log c ON c.id = h.crisis_id
              WHERE h.post_id = posts.id AND c.plan_id = ?1 AND posts.status = 'held'",
        )?
        .execute(params![plan_id, instant_text(now)])?;
    conn.prepare_cached(
        "DELETE FROM post_holds WHERE crisis_id IN (SELECT id FROM crisis_log WHERE plan_id = ?1)",
    )?
    .execute([plan_id])?;
    Ok((restored, (holds as usize).saturating_sub(restored)))
}

/// Posts of a plan in the `held` status.
pub fn held_count(conn: &Connection, plan_id: &str) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM posts WHERE plan_id = ?1 AND status = 'held' AND deleted_at IS NULL",
        )?
        .query_row([plan_id], |r| r.get(0))?)
}
