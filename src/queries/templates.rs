//! SQL of the `campaign_templates` table and its child `campaign_template_steps`.
use super::{get_enum, instant_text};
use crate::error::Result;
use crate::model::{CampaignTemplate, Platform, PostStatus, TemplateStep};
use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn steps(conn: &Connection, template_id: &str) -> Result<Vec<TemplateStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT offset_days, local_time, platform, title, status FROM campaign_template_steps
         WHERE template_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([template_id], |r| {
        let time: Option<String> = r.get(1)?;
        let platform: Option<String> = r.get(2)?;
        Ok(TemplateStep {
            offset_days: r.get(0)?,
            time: time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()),
            platform: platform.as_deref().and_then(Platform::parse),
            title: r.get(3)?,
            status: get_enum(r, 4, PostStatus::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn with_steps(
    conn: &Connection,
    (id, name, description): (String, String, String),
) -> Result<CampaignTemplate> {
    Ok(CampaignTemplate {
        steps: steps(conn, &id)?,
        id,
        name,
        description,
        builtin: false,
        language: String::new(),
    })
}

pub fn list(conn: &Connection) -> Result<Vec<CampaignTemplate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, description FROM campaign_templates ORDER BY name COLLATE NOCASE",
    )?;
    let heads = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    heads.into_iter().map(|h| with_steps(conn, h)).collect()
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<CampaignTemplate>> {
    let head = conn
        .prepare_cached("SELECT id, name, description FROM campaign_templates WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    head.map(|h| with_steps(conn, h)).transpose()
}

/// The id of the template with this name (case-insensitive), if any.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM campaign_templates WHERE name = ?1 COLLATE NOCASE")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// Inserts or replaces a template and all its steps.
pub fn upsert(conn: &Connection, t: &CampaignTemplate, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO campaign_templates (id, name, description, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?4, 0)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,
            updated_at = excluded.updated_at, revision = revision + 1",
    )?
    .execute(params![t.id, t.name, t.description, instant_text(now)])?;
    conn.prepare_cached("DELETE FROM campaign_template_steps WHERE template_id = ?1")?
        .execute([&t.id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO campaign_template_steps (template_id, position, offset_days, local_time, platform, title, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, s) in t.steps.iter().enumerate() {
        stmt.execute(params![
            t.id,
            i as i64,
            s.offset_days,
            s.time.map(time_text),
            s.platform.map(|p| p.as_str()),
            s.title,
            s.status.as_str()
        ])?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> Result<usize> {
    Ok(conn.execute("DELETE FROM campaign_templates WHERE id = ?1", [id])?)
}
