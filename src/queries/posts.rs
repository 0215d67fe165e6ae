//! SQL of the `posts` table and its children (`post_channels`, `post_tags`, `post_links`).
use super::{
    date_text, get_enum, get_meta, get_opt_date, get_opt_instant, instant_text, META_COLUMNS,
};
use crate::error::Result;
use crate::model::{Planned, Post, PostChannel, PostStatus, Results};
use crate::time::local_of;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

fn select() -> String {
    format!(
        "SELECT id, plan_id, title, body, objective_id, customer_value, status, planned_at, planned_date, timezone,
                duration_minutes, event_id, assignee, notes, published_url, likes, comments, shares, {META_COLUMNS}
         FROM posts"
    )
}

fn from_row(row: &Row) -> rusqlite::Result<Post> {
    let planned = match (get_opt_instant(row, 7)?, get_opt_date(row, 8)?) {
        (Some(at), _) => {
            let timezone: String = row.get(9)?;
            Some(Planned::At {
                local: local_of(at, &timezone),
                at,
                timezone,
            })
        }
        (None, Some(date)) => Some(Planned::Day { date }),
        (None, None) => None,
    };
    Ok(Post {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
        channels: Vec::new(),
        objective_id: row.get(4)?,
        customer_value: row.get(5)?,
        status: get_enum(row, 6, PostStatus::parse)?,
        planned,
        duration_minutes: row.get(10)?,
        event_id: row.get(11)?,
        assignee: row.get(12)?,
        tags: Vec::new(),
        links: Vec::new(),
        notes: row.get(13)?,
        results: Results {
            url: row.get(14)?,
            likes: row.get(15)?,
            comments: row.get(16)?,
            shares: row.get(17)?,
        },
        meta: get_meta(row, 18)?,
    })
}

/// Inserts a new post or replaces an existing one (children included).
pub fn upsert(conn: &Connection, p: &Post) -> Result<()> {
    let (planned_at, planned_date, tz) = match &p.planned {
        Some(Planned::At { at, timezone, .. }) => {
            (Some(instant_text(*at)), None, Some(timezone.as_str()))
        }
        Some(Planned::Day { date }) => (None, Some(date_text(*date)), None),
        None => (None, None, None),
    };
    conn.prepare_cached(
        "INSERT INTO posts (id, plan_id, title, body, objective_id, customer_value, status, planned_at, planned_date,
                            timezone, duration_minutes, event_id, assignee, notes, published_url, likes, comments,
                            shares, created_at, updated_at, revision, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body,
            objective_id = excluded.objective_id, customer_value = excluded.customer_value, status = excluded.status,
            planned_at = excluded.planned_at, planned_date = excluded.planned_date, timezone = excluded.timezone,
            duration_minutes = excluded.duration_minutes, event_id = excluded.event_id, assignee = excluded.assignee,
            notes = excluded.notes, published_url = excluded.published_url, likes = excluded.likes,
            comments = excluded.comments, shares = excluded.shares, updated_at = excluded.updated_at,
            revision = excluded.revision, deleted_at = excluded.deleted_at",
    )?
    .execute(params![
        p.id,
        p.plan_id,
        p.title,
        p.body,
        p.objective_id,
        p.customer_value,
        p.status.as_str(),
        planned_at,
        planned_date,
        tz,
        p.duration_minutes,
        p.event_id,
        p.assignee,
        p.notes,
        p.results.url,
        p.results.likes,
        p.results.comments,
        p.results.shares,
        instant_text(p.meta.created_at),
        instant_text(p.meta.updated_at),
        p.meta.revision,
        p.meta.deleted_at.map(instant_text)
    ])?;
    replace_children(conn, p)
}

fn replace_children(conn: &Connection, p: &Post) -> Result<()> {
    for table in ["post_channels", "post_tags", "post_links"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE post_id = ?1"))?
            .execute([&p.id])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO post_channels (post_id, channel_id, position, variant) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, c) in p.channels.iter().enumerate() {
        stmt.execute(params![p.id, c.channel_id, i as i64, c.variant])?;
    }
    let mut stmt =
        conn.prepare_cached("INSERT INTO post_tags (post_id, position, tag) VALUES (?1, ?2, ?3)")?;
    for (i, t) in p.tags.iter().enumerate() {
        stmt.execute(params![p.id, i as i64, t])?;
    }
    let mut stmt =
        conn.prepare_cached("INSERT INTO post_links (post_id, position, url) VALUES (?1, ?2, ?3)")?;
    for (i, u) in p.links.iter().enumerate() {
        stmt.execute(params![p.id, i as i64, u])?;
    }
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Post>> {
    let post = conn
        .prepare_cached(&format!("{} WHERE id = ?1", select()))?
        .query_row([id], from_row)
        .optional()?;
    Ok(match post {
        Some(p) => with_children(conn, vec![p])?.pop(),
        None => None,
    })
}

/// The stored status of a post (trashed or not), if the post exists.
pub fn status_of(conn: &Connection, id: &str) -> Result<Option<PostStatus>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT status FROM posts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(text.as_deref().and_then(PostStatus::parse))
}

/// Live posts of a plan planned on the days `[from, to)` (date-only posts) or at the
/// instants `[from_at, to_at)` (timed posts), in time order. Uses the two partial indexes.
pub fn list_in_range(
    conn: &Connection,
    plan_id: &str,
    (from, to): (NaiveDate, NaiveDate),
    (from_at, to_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<Post>> {
    let sql = format!(
        "{s} WHERE plan_id = ?1 AND planned_at >= ?4 AND planned_at < ?5 AND deleted_at IS NULL
         UNION ALL
         {s} WHERE plan_id = ?1 AND planned_date >= ?2 AND planned_date < ?3 AND deleted_at IS NULL",
        s = select()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            plan_id,
            date_text(from),
            date_text(to),
            instant_text(from_at),
            instant_text(to_at)
        ],
        from_row,
    )?;
    let mut posts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // Sorting a week in memory is cheaper than SQLite's sorter over a UNION.
    posts.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    with_children(conn, posts)
}

/// Date-only posts first on their day, then timed posts by instant.
fn sort_key(p: &Post) -> (Option<NaiveDate>, Option<DateTime<Utc>>, &str) {
    match &p.planned {
        Some(Planned::Day { date }) => (Some(*date), None, &p.id),
        Some(Planned::At { at, local, .. }) => (Some(local.date()), Some(*at), &p.id),
        None => (None, None, &p.id),
    }
}

/// Every live post of a plan, planned ones first in time order, then unscheduled ones.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NULL
         ORDER BY coalesce(planned_at, planned_date) IS NULL, coalesce(planned_at, planned_date), created_at",
        select()
    ))?;
    let posts = stmt
        .query_map([plan_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_children(conn, posts)
}

/// Posts of a plan in the trash, most recently deleted first.
pub fn list_deleted(conn: &Connection, plan_id: &str) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan_id = ?1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC",
        select()
    ))?;
    let posts = stmt
        .query_map([plan_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_children(conn, posts)
}

/// Fills channels, tags and links of `posts` with one query per child table. The ids go in as
/// one JSON array (`json_each`), so each query's text is constant and stays prepared.
fn with_children(conn: &Connection, mut posts: Vec<Post>) -> Result<Vec<Post>> {
    if posts.is_empty() {
        return Ok(posts);
    }
    let index: HashMap<String, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let ids = serde_json::to_string(&posts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>())
        .map_err(std::io::Error::other)?;
    let mut stmt = conn.prepare_cached(
        "SELECT post_id, channel_id, variant, position FROM post_channels
         WHERE post_id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut rows = stmt.query([&ids])?;
    let mut positions: Vec<Vec<i64>> = vec![Vec::new(); posts.len()];
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if let Some(&i) = index.get(&id) {
            posts[i].channels.push(PostChannel {
                channel_id: r.get(1)?,
                variant: r.get(2)?,
            });
            positions[i].push(r.get(3)?);
        }
    }
    // Rows come in primary-key order; put each post's channels back in the order given.
    for (post, pos) in posts.iter_mut().zip(&positions) {
        if pos.windows(2).any(|w| w[0] > w[1]) {
            let mut pairs: Vec<_> = pos.iter().copied().zip(post.channels.drain(..)).collect();
            pairs.sort_by_key(|(p, _)| *p);
            post.channels = pairs.into_iter().map(|(_, c)| c).collect();
        }
    }
    // Tags and links: primary keys (post_id, position) already give each post's order.
    for (sql, list) in [
        (
            "SELECT post_id, tag FROM post_tags WHERE post_id IN (SELECT value FROM json_each(?1))",
            (|p: &mut Post| &mut p.tags) as fn(&mut Post) -> &mut Vec<String>,
        ),
        (
            "SELECT post_id, url FROM post_links WHERE post_id IN (SELECT value FROM json_each(?1))",
            |p: &mut Post| &mut p.links,
        ),
    ] {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([&ids])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            if let Some(&i) = index.get(&id) {
                list(&mut posts[i]).push(r.get(1)?);
            }
        }
    }
    Ok(posts)
}

/// Removes for good the posts of `plan_id` put in the trash before `cutoff` (their channels, tags and links
/// go with them). Returns how many.
pub fn purge_deleted_of_plan_before(
    conn: &Connection,
    plan_id: &str,
    cutoff: DateTime<Utc>,
) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM posts WHERE plan_id = ?1 AND deleted_at IS NOT NULL AND deleted_at < ?2",
        params![plan_id, instant_text(cutoff)],
    )?)
}

/// Live posts linked to an event, in time order.
pub fn list_for_event(conn: &Connection, event_id: &str) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE event_id = ?1 AND deleted_at IS NULL
         ORDER BY coalesce(planned_at, planned_date) IS NULL, coalesce(planned_at, planned_date), created_at",
        select()
    ))?;
    let posts = stmt
        .query_map([event_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_children(conn, posts)
}
