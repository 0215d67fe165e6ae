//! `cadence trash` and `cadence restore-item`.
use super::output;
use crate::error::Result;
use crate::service::{Cadence, Restored, TRASH_DAYS};
use chrono::{DateTime, Duration, Utc};
use std::io::Write;

pub fn list(
    cadence: &Cadence,
    plan: Option<&str>,
    purge: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if purge {
        let purged = cadence.purge_trash(Utc::now())?;
        if json {
            return output::json(out, &purged);
        }
        writeln!(
            out,
            "removed for good {} plans, {} posts and {} events deleted more than {TRASH_DAYS} days ago",
            purged.plans, purged.posts, purged.events
        )?;
        return Ok(());
    }
    let mut rows: Vec<(&str, String, DateTime<Utc>, String)> = Vec::new();
    match plan {
        Some(name) => {
            let plan = cadence.plan_named(name)?;
            let trash = cadence.trash_of_plan(&plan.id)?;
            if json {
                return output::json(out, &trash);
            }
            for p in trash.posts {
                rows.extend(p.meta.deleted_at.map(|d| ("post", p.id, d, p.title)));
            }
            for e in trash.events {
                rows.extend(e.meta.deleted_at.map(|d| ("event", e.id, d, e.title)));
            }
        }
        None => {
            let plans = cadence.trashed_plans()?;
            if json {
                return output::json(out, &plans);
            }
            for p in plans {
                rows.extend(p.meta.deleted_at.map(|d| ("plan", p.id, d, p.name)));
            }
        }
    }
    if rows.is_empty() {
        writeln!(out, "the trash is empty")?;
        return Ok(());
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.2));
    writeln!(
        out,
        "{:<36}  {:<5}  {:<16}  {:<10}  TITLE",
        "ID", "KIND", "DELETED (UTC)", "PURGED ON"
    )?;
    for (kind, id, deleted, title) in rows {
        writeln!(
            out,
            "{id:<36}  {kind:<5}  {:<16}  {:<10}  {title}",
            deleted.format("%Y-%m-%d %H:%M"),
            (deleted + Duration::days(TRASH_DAYS)).format("%Y-%m-%d"),
        )?;
    }
    writeln!(out, "restore one with `cadence restore-item ID`")?;
    Ok(())
}

pub fn restore_item(cadence: &Cadence, id: &str, json: bool, out: &mut dyn Write) -> Result<()> {
    let restored = cadence.restore_item(id)?;
    if json {
        return output::json(out, &restored);
    }
    let (kind, title) = match &restored {
        Restored::Plan(p) => ("plan", p.name.as_str()),
        Restored::Post(v) => ("post", v.post.title.as_str()),
        Restored::Event(e) => ("event", e.title.as_str()),
    };
    writeln!(out, "restored {kind} {id} \"{title}\"")?;
    Ok(())
}
