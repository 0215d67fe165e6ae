//! Rendered feeds, kept until something they show changes.
//!
//! The server owns one SQLite connection of its own. `PRAGMA data_version` on it changes
//! only when *another* connection (the app, the CLI) commits, so the common case — nothing
//! changed — costs one pragma and no query. When it changed, a small fingerprint query per
//! feed (count, latest `updated_at` and sum of revisions of the plan's rows) says whether the
//! feed must be rendered again. The ETag is a hash of the body itself, so it only changes
//! when the bytes do, and stays the same across server restarts.
use crate::error::{Error, Result};
use crate::ics::{retention_cutoff, write_calendar};
use crate::model::Feed;
use crate::queries::{feeds, get_instant};
use axum::body::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use subtle::ConstantTimeEq;

/// One feed as served: the body, its gzip (made on first demand) and its validators.
#[derive(Debug)]
pub struct Rendered {
    key: String,
    pub etag: String,
    pub etag_gzip: String,
    /// The latest change among the rows the feed is made of, in whole seconds.
    pub last_modified: DateTime<Utc>,
    pub body: Bytes,
    gzip: OnceLock<Bytes>,
}

impl Rendered {
    pub fn gzip(&self) -> Bytes {
        self.gzip
            .get_or_init(|| {
                let mut enc = flate2::write::GzEncoder::new(
                    Vec::with_capacity(self.body.len() / 6),
                    flate2::Compression::default(),
                );
                // Writing to a Vec cannot fail.
                let _ = enc.write_all(&self.body);
                Bytes::from(enc.finish().unwrap_or_default())
            })
            .clone()
    }
}

pub(crate) struct FeedCache {
    inner: Mutex<Inner>,
}

struct Inner {
    conn: Connection,
    data_version: Option<i64>,
    day: Option<NaiveDate>,
    /// Feeds that may be served, as of `data_version`.
    feeds: Vec<Feed>,
    rendered: HashMap<String, Arc<Rendered>>,
    /// Feeds whose rendering is known current for `data_version` and `day`.
    fresh: HashSet<String>,
}

impl FeedCache {
    pub fn open(db_path: &Path) -> Result<FeedCache> {
        let conn = Connection::open_with_flags(
            db_path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(10))?;
        Ok(FeedCache {
            inner: Mutex::new(Inner {
                conn,
                data_version: None,
                day: None,
                feeds: Vec::new(),
                rendered: HashMap::new(),
                fresh: HashSet::new(),
            }),
        })
    }

    /// The current rendering of the feed whose token is `token`, or `None` when no servable
    /// feed has it (unknown, revoked, or its plan deleted).
    pub fn lookup(&self, token: &str) -> Result<Option<Arc<Rendered>>> {
        let mut guard = self
            .inner
            .lock()
            .map_err(|_| Error::invalid("feed", "the feed cache was poisoned by a panic"))?;
        let inner = &mut *guard;
        let now = Utc::now();
        let dv: i64 = inner
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        if inner.data_version != Some(dv) || inner.day != Some(now.date_naive()) {
            inner.feeds = feeds::list_servable(&inner.conn)?;
            inner.fresh.clear();
            inner.data_version = Some(dv);
            inner.day = Some(now.date_naive());
            let live: HashSet<&str> = inner.feeds.iter().map(|f| f.id.as_str()).collect();
            inner.rendered.retain(|id, _| live.contains(id.as_str()));
        }
        let Some(feed) = find_by_token(&inner.feeds, token) else {
            return Ok(None);
        };
        if inner.fresh.contains(&feed.id) {
            return Ok(inner.rendered.get(&feed.id).cloned());
        }
        let cutoff = retention_cutoff(now, feed.filter.retention_days());
        let (key, last_modified) = fingerprint(&inner.conn, feed, cutoff)?;
        let current = inner.rendered.get(&feed.id).filter(|r| r.key == key);
        let rendered = match current {
            Some(r) => r.clone(),
            None => {
                let mut body = Vec::with_capacity(1 << 20);
                write_calendar(&inner.conn, &feed.filter, now, &mut body)?;
                let hash = fnv1a(&body);
                let r = Arc::new(Rendered {
                    key,
                    etag: format!("\"{hash:016x}-{:x}\"", body.len()),
                    etag_gzip: format!("\"{hash:016x}-{:x}-gzip\"", body.len()),
                    last_modified,
                    body: Bytes::from(body),
                    gzip: OnceLock::new(),
                });
                inner.rendered.insert(feed.id.clone(), r.clone());
                r
            }
        };
        let id = feed.id.clone();
        inner.fresh.insert(id);
        Ok(Some(rendered))
    }
}

/// Compares `token` with every feed's token in constant time (no early exit on a match,
/// nor on the first differing byte), so response times say nothing of the secrets.
fn find_by_token<'a>(feeds: &'a [Feed], token: &str) -> Option<&'a Feed> {
    let mut found = None;
    for f in feeds {
        if bool::from(f.token.as_bytes().ct_eq(token.as_bytes())) {
            found = Some(f);
        }
    }
    found
}

/// What a feed's body depends on, as one string, and the latest change among those rows.
fn fingerprint(
    conn: &Connection,
    feed: &Feed,
    cutoff: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*), max(updated_at), total(revision) FROM posts WHERE plan_id = ?1
         UNION ALL SELECT count(*), max(updated_at), total(revision) FROM events WHERE plan_id = ?1
         UNION ALL SELECT count(*), max(updated_at), total(revision) FROM channels WHERE plan_id = ?1
         UNION ALL SELECT count(*), max(updated_at), total(revision) FROM objectives WHERE plan_id = ?1
         UNION ALL SELECT count(*), max(updated_at), total(revision) FROM plans WHERE id = ?1",
    )?;
    let mut key = format!(
        "{}/{}/{}/{}",
        feed.id,
        feed.revision,
        feed.updated_at.timestamp_millis(),
        cutoff.timestamp()
    );
    let mut latest = feed.updated_at;
    let mut rows = stmt.query([&feed.plan_id])?;
    while let Some(r) = rows.next()? {
        let count: i64 = r.get(0)?;
        let total: f64 = r.get(2)?;
        key.push_str(&format!("|{count}/{total}"));
        if r.get::<_, Option<String>>(1)?.is_some() {
            let t = get_instant(r, 1)?;
            key.push_str(&format!("/{}", t.timestamp_millis()));
            latest = latest.max(t);
        }
    }
    let latest = DateTime::from_timestamp(latest.timestamp(), 0).unwrap_or(latest);
    Ok((key, latest))
}

/// FNV-1a, 64 bits: a stable hash for ETags (not a security measure).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
