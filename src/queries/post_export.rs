//! SQL of `posts` and their children for the calendar export, built for big plans.
//!
//! A 100,000-post export must take well under a second, so the rows are not materialised as
//! [`crate::model::Post`]s (a dozen `String`s and three `Vec`s each, a time zone conversion,
//! a `DateTime` parse per column): every text goes into one arena and a row is a few spans.
//! The reads are one scan of the plan's posts and one pass per child table, with no
//! `ORDER BY` for SQLite to sort (sorting 100,000 rows with their texts spills to temporary
//! files); children are matched to their post by id, and rows are put in export order here.
use super::instant_text;
use crate::error::{Error, Result};
use crate::model::PostStatus;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, Row};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// When an exported post goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportPlanned {
    At(DateTime<Utc>),
    Day(NaiveDate),
}

impl ExportPlanned {
    /// The export's order: timed posts by instant, date-only posts at the start of their day (UTC).
    pub fn sort_key(self) -> DateTime<Utc> {
        match self {
            ExportPlanned::At(at) => at,
            ExportPlanned::Day(d) => d.and_time(NaiveTime::MIN).and_utc(),
        }
    }
}

/// One exported post, borrowed from [`ExportPosts`].
#[derive(Debug, Clone, Copy)]
pub struct ExportPost<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub customer_value: &'a str,
    pub objective_id: Option<&'a str>,
    pub event_id: Option<&'a str>,
    pub published_url: Option<&'a str>,
    pub status: PostStatus,
    pub planned: ExportPlanned,
    pub duration_minutes: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub revision: i64,
    pub deleted: bool,
    /// Channel ids, in the post's order.
    pub channel_ids: Texts<'a>,
    pub tags: Texts<'a>,
    pub links: Texts<'a>,
}

/// A list of texts of one post (its channel ids, tags or links).
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    arena: &'a str,
    spans: &'a [Span],
}

impl<'a> Texts<'a> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let arena = self.arena;
        self.spans.iter().map(move |s| s.of(arena))
    }
}

/// Where a text sits in an arena.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn of(self, arena: &str) -> &str {
        let start = self.start as usize;
        &arena[start..start + self.len as usize]
    }
}

struct PostRow {
    id: Span,
    title: Span,
    body: Span,
    customer_value: Span,
    objective_id: Option<Span>,
    event_id: Option<Span>,
    published_url: Option<Span>,
    status: PostStatus,
    planned: ExportPlanned,
    duration_minutes: Option<i64>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    revision: i64,
    deleted: bool,
    channels: Range<u32>,
    tags: Range<u32>,
    links: Range<u32>,
}

/// The posts of one export, in export order (time, then id).
pub struct ExportPosts {
    /// The posts' texts.
    text: String,
    /// The children's texts (a second arena: the first is borrowed while children are read).
    child_text: String,
    rows: Vec<PostRow>,
    children: Vec<Span>,
    order: Vec<u32>,
}

impl ExportPosts {
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The posts in export order.
    pub fn iter(&self) -> impl Iterator<Item = ExportPost<'_>> + '_ {
        self.part(0..self.len())
    }

    /// The posts `range` of the export order.
    pub fn part(&self, range: Range<usize>) -> impl Iterator<Item = ExportPost<'_>> + '_ {
        self.order[range]
            .iter()
            .map(|&i| self.post(&self.rows[i as usize]))
    }

    fn post<'a>(&'a self, r: &PostRow) -> ExportPost<'a> {
        let t = self.text.as_str();
        let texts = |range: &Range<u32>| Texts {
            arena: &self.child_text,
            spans: &self.children[range.start as usize..range.end as usize],
        };
        ExportPost {
            id: r.id.of(t),
            title: r.title.of(t),
            body: r.body.of(t),
            customer_value: r.customer_value.of(t),
            objective_id: r.objective_id.map(|s| s.of(t)),
            event_id: r.event_id.map(|s| s.of(t)),
            published_url: r.published_url.map(|s| s.of(t)),
            status: r.status,
            planned: r.planned,
            duration_minutes: r.duration_minutes,
            created_at: r.created_at,
            updated_at: r.updated_at,
            revision: r.revision,
            deleted: r.deleted,
            channel_ids: texts(&r.channels),
            tags: texts(&r.tags),
            links: texts(&r.links),
        }
    }
}

/// What a calendar export holds: every planned post of a plan that is live, plus those put in
/// the trash at or after `deleted_since` (exported as cancelled), in time order, then by id.
pub fn list_for_export(
    conn: &Connection,
    plan_id: &str,
    deleted_since: DateTime<Utc>,
) -> Result<ExportPosts> {
    let mut text = String::new();
    let mut rows = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, body, customer_value, objective_id, event_id, published_url, status,
                planned_at, planned_date, duration_minutes, created_at, updated_at, revision, deleted_at
         FROM posts WHERE plan_id = ?1 AND (planned_at IS NOT NULL OR planned_date IS NOT NULL)
           AND (deleted_at IS NULL OR deleted_at >= ?2)",
    )?;
    let mut cursor = stmt.query(params![plan_id, instant_text(deleted_since)])?;
    while let Some(r) = cursor.next()? {
        rows.push(post_row(r, &mut text)?);
    }
    drop(cursor);

    let mut order: Vec<(DateTime<Utc>, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.planned.sort_key(), i as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| {
            let (x, y) = (&rows[a.1 as usize], &rows[b.1 as usize]);
            x.id.of(&text).cmp(y.id.of(&text))
        })
    });

    let mut child_text = String::new();
    let mut children = Vec::new();
    {
        let index: IdMap<u32> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.of(&text), i as u32))
            .collect();
        // A plan holding most posts is read fastest by scanning the child tables whole; a
        // small one by looking its posts' children up.
        let max_rowid: i64 = conn
            .prepare_cached("SELECT ifnull(max(rowid), 0) FROM posts")?
            .query_row([], |r| r.get(0))?;
        let whole = rows.len() as i64 * 2 >= max_rowid;
        let mut read = |table: &str, value: &str| -> Result<Vec<Range<u32>>> {
            let sql = if whole {
                format!("SELECT post_id, position, {value} FROM {table}")
            } else {
                format!(
                    "SELECT c.post_id, c.position, c.{value} FROM posts p
                     JOIN {table} c ON c.post_id = p.id WHERE p.plan_id = ?1"
                )
            };
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut cursor = if whole {
                stmt.query([])?
            } else {
                stmt.query([plan_id])?
            };
            let mut found: Vec<(u32, i64, Span)> = Vec::new();
            let mut last: Option<(Span, u32)> = None;
            while let Some(r) = cursor.next()? {
                let post_id = text_at(r, 0)?;
                // A post's children come together: look the id up only when it changes.
                let post = match last {
                    Some((id, i)) if id.of(&text) == post_id => Some(i),
                    _ => index.get(post_id).copied(),
                };
                let Some(post) = post else { continue };
                last = Some((rows[post as usize].id, post));
                let position: i64 = r.get(1)?;
                found.push((post, position, push(&mut child_text, text_at(r, 2)?)?));
            }
            Ok(group(rows.len(), found, &mut children))
        };
        let channels = read("post_channels", "channel_id")?;
        let tags = read("post_tags", "tag")?;
        let links = read("post_links", "url")?;
        for (((row, c), t), l) in rows.iter_mut().zip(channels).zip(tags).zip(links) {
            row.channels = c;
            row.tags = t;
            row.links = l;
        }
    }
    Ok(ExportPosts {
        text,
        child_text,
        rows,
        children,
        order: order.into_iter().map(|(_, i)| i).collect(),
    })
}

/// Puts each post's children together (a counting sort by post), each post's in `position`
/// order; returns every post's range in `children`.
fn group(posts: usize, found: Vec<(u32, i64, Span)>, children: &mut Vec<Span>) -> Vec<Range<u32>> {
    let mut start = vec![0u32; posts + 1];
    for (post, _, _) in &found {
        start[*post as usize + 1] += 1;
    }
    for i in 0..posts {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut placed = vec![(0i64, Span::default()); found.len()];
    for (post, position, span) in found {
        let slot = &mut next[post as usize];
        placed[*slot as usize] = (position, span);
        *slot += 1;
    }
    for w in start.windows(2) {
        let mine = &mut placed[w[0] as usize..w[1] as usize];
        if mine.windows(2).any(|p| p[0].0 > p[1].0) {
            // Stable: equal positions keep the table's order.
            mine.sort_by_key(|(position, _)| *position);
        }
    }
    let base = children.len() as u32;
    children.extend(placed.into_iter().map(|(_, span)| span));
    start.windows(2).map(|w| base + w[0]..base + w[1]).collect()
}

fn push(arena: &mut String, s: &str) -> Result<Span> {
    let too_big = || Error::invalid("export", "more than 4 GiB of text in one export");
    let start = u32::try_from(arena.len()).map_err(|_| too_big())?;
    let len = u32::try_from(s.len()).map_err(|_| too_big())?;
    start.checked_add(len).ok_or_else(too_big)?;
    arena.push_str(s);
    Ok(Span { start, len })
}

fn text_at<'r>(r: &'r Row, idx: usize) -> Result<&'r str> {
    Ok(r.get_ref(idx)?.as_str().map_err(rusqlite::Error::from)?)
}

fn post_row(r: &Row, text: &mut String) -> Result<PostRow> {
    let opt = |i: usize, text: &mut String| -> Result<Option<Span>> {
        match r
            .get_ref(i)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?
        {
            Some(s) => Ok(Some(push(text, s)?)),
            None => Ok(None),
        }
    };
    let planned = match (
        r.get_ref(8)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?,
        r.get_ref(9)?,
    ) {
        (Some(at), _) => ExportPlanned::At(instant(r, 8, at)?),
        (None, ValueRef::Null) => {
            return Err(conversion(r, 8, "a post without a time in the export"))
        }
        (None, date) => {
            let s = date.as_str().map_err(rusqlite::Error::from)?;
            ExportPlanned::Day(
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| conversion(r, 9, e))?,
            )
        }
    };
    let status_text = text_at(r, 7)?;
    let status = PostStatus::ALL
        .iter()
        .copied()
        .find(|s| s.as_str() == status_text)
        .or_else(|| PostStatus::parse(status_text))
        .ok_or_else(|| conversion(r, 7, format!("unknown value {status_text}")))?;
    Ok(PostRow {
        id: push(text, text_at(r, 0)?)?,
        title: push(text, text_at(r, 1)?)?,
        body: push(text, text_at(r, 2)?)?,
        customer_value: push(text, text_at(r, 3)?)?,
        objective_id: opt(4, text)?,
        event_id: opt(5, text)?,
        published_url: opt(6, text)?,
        status,
        planned,
        duration_minutes: r.get(10)?,
        created_at: instant(r, 11, text_at(r, 11)?)?,
        updated_at: instant(r, 12, text_at(r, 12)?)?,
        revision: r.get(13)?,
        deleted: !matches!(r.get_ref(14)?, ValueRef::Null),
        channels: 0..0,
        tags: 0..0,
        links: 0..0,
    })
}

/// Reads a stored instant. The stored form (`2026-12-03T09:00:00.000Z`) is read by hand,
/// anything else by chrono's RFC 3339 parser.
fn instant(r: &Row, idx: usize, s: &str) -> Result<DateTime<Utc>> {
    if let Some(t) = canonical_instant(s.as_bytes()) {
        return Ok(t);
    }
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conversion(r, idx, e))
}

fn canonical_instant(b: &[u8]) -> Option<DateTime<Utc>> {
    if b.len() != 24 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    if b[16] != b':' || b[19] != b'.' || b[23] != b'Z' {
        return None;
    }
    let n = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(5, 7)?, n(8, 10)?)?;
    let time = NaiveTime::from_hms_milli_opt(n(11, 13)?, n(14, 16)?, n(17, 19)?, n(20, 23)?)?;
    Some(date.and_time(time).and_utc())
}

fn conversion(r: &Row, idx: usize, e: impl std::fmt::Display) -> Error {
    let column = r.as_ref().column_name(idx).unwrap_or("?").to_owned();
    Error::from(rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        format!("{column}: {e}").into(),
    ))
}

/// A fast hash for row ids (UUID text): they are not chosen by an attacker, and SipHash
/// would cost more than the lookups it serves.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

/// A `HashMap` keyed by row ids, hashed with [`IdHasher`].
pub(crate) type IdMap<'k, V> = HashMap<&'k str, V, BuildHasherDefault<IdHasher>>;

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        // MurmurHash3's finaliser: the table picks buckets from the low bits, which a
        // multiply alone leaves poorly mixed.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_instants_are_read_by_hand_like_chrono() {
        for s in [
            "2026-12-03T09:00:00.000Z",
            "2024-02-29T23:59:59.999Z",
            "1999-01-01T00:00:00.001Z",
        ] {
            let by_hand = canonical_instant(s.as_bytes()).expect(s);
            let chrono = DateTime::parse_from_rfc3339(s).expect(s);
            assert_eq!(by_hand, chrono, "{s}");
        }
        for s in [
            "2026-02-30T09:00:00.000Z",
            "2026-12-03T09:00:00Z",
            "2026-12-03T09:00:00.000+01:00",
            "2026-12-03T25:00:00.000Z",
            "2026-12-03T09:00:0x.000Z",
        ] {
            assert_eq!(canonical_instant(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn children_are_grouped_by_post_in_position_order() {
        let s = |start| Span { start, len: 1 };
        let mut children = Vec::new();
        let ranges = group(
            3,
            vec![(2, 1, s(0)), (0, 5, s(1)), (2, 0, s(2)), (0, 7, s(3))],
            &mut children,
        );
        assert_eq!(ranges, vec![0..2, 2..2, 2..4]);
        let starts: Vec<u32> = children.iter().map(|c| c.start).collect();
        assert_eq!(starts, vec![1, 3, 2, 0]);
    }
}
