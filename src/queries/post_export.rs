//! SQL of `posts` and their children for the calendar export, built for big plans.
//!
//! A 100,000-post export must take well under a second, so the rows are not materialised as
//! [`crate::model::Post`]s (a dozen `String`s and three `Vec`s each, a time zone conversion,
//! a `DateTime` parse per column): every text goes into one arena and a row is a few spans;
//! the arena is checked to be UTF-8 once, not text by text. CREATED and LAST-MODIFIED are
//! kept as the iCalendar text they become ([`Stamp`]), moved digit by digit out of the stored
//! instant. The reads are one scan of the plan's posts ([`read_posts`]) and one pass per child
//! table ([`read_children`]), with no `ORDER BY` for SQLite to sort (sorting 100,000 rows with
//! their texts spills to temporary files); the two may run at once on two connections that
//! see one snapshot (see `crate::ics`). Children are matched to their post by id, and rows
//! are put in export order here.
use super::instant_text;
use crate::error::{Error, Result};
use crate::model::PostStatus;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};
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

/// A UTC instant as iCalendar writes it, `YYYYMMDDTHHMMSSZ` (seconds, no fraction).
/// Its bytes sort like the instants they stand for (years 0 to 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp(pub [u8; 16]);

impl Stamp {
    pub fn of(t: DateTime<Utc>) -> Stamp {
        let mut b = *b"00000000T000000Z";
        let year = t.year().clamp(0, 9999) as u32;
        for (i, v) in [
            (0, year / 100),
            (2, year % 100),
            (4, t.month()),
            (6, t.day()),
            (9, t.hour()),
            (11, t.minute()),
            (13, t.second()),
        ] {
            b[i] = b'0' + (v / 10) as u8;
            b[i + 1] = b'0' + (v % 10) as u8;
        }
        Stamp(b)
    }

    /// The stored form `2026-12-03T09:00:00.000Z` rearranged, once its date and time are
    /// known to be valid; `None` for anything else.
    fn of_canonical(b: &[u8]) -> Option<Stamp> {
        // The checks of `canonical_instant`, without building a `DateTime`.
        if !canonical_shape(b) {
            return None;
        }
        let n = |from: usize, to: usize| digits(&b[from..to]);
        let (year, month, day) = (n(0, 4)?, n(5, 7)?, n(8, 10)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if day == 0 || day > days || n(11, 13)? > 23 || n(14, 16)? > 59 || n(17, 19)? > 59 {
            return None;
        }
        n(20, 23)?;
        let mut s = [0u8; 16];
        s[..4].copy_from_slice(&b[..4]);
        s[4..6].copy_from_slice(&b[5..7]);
        s[6..8].copy_from_slice(&b[8..10]);
        s[8] = b'T';
        s[9..11].copy_from_slice(&b[11..13]);
        s[11..13].copy_from_slice(&b[14..16]);
        s[13..15].copy_from_slice(&b[17..19]);
        s[15] = b'Z';
        Some(Stamp(s))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// RFC 3339, seconds precision: `2026-12-03T09:00:00Z`.
    pub fn rfc3339(&self) -> String {
        let b = &self.0;
        let s = |r: Range<usize>| String::from_utf8_lossy(&b[r]).into_owned();
        format!(
            "{}-{}-{}T{}:{}:{}Z",
            s(0..4),
            s(4..6),
            s(6..8),
            s(9..11),
            s(11..13),
            s(13..15)
        )
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
    pub created: Stamp,
    pub updated: Stamp,
    pub revision: i64,
    pub deleted: bool,
    /// Its channels, in the post's order, as positions in the channel list given to
    /// [`read_children`] (channels not in that list are left out).
    pub channels: &'a [u16],
    pub tags: Texts<'a>,
    pub links: Texts<'a>,
}

/// A list of texts of one post (its tags or links).
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
        arena
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }
}

/// Texts gathered as bytes, checked to be UTF-8 once at the end ([`Arena::finish`]).
#[derive(Default)]
struct Arena {
    bytes: Vec<u8>,
    starts: Vec<u32>,
}

impl Arena {
    fn push(&mut self, s: &[u8]) -> Result<Span> {
        let too_big = || Error::invalid("export", "more than 4 GiB of text in one export");
        let start = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let len = u32::try_from(s.len()).map_err(|_| too_big())?;
        start.checked_add(len).ok_or_else(too_big)?;
        self.bytes.extend_from_slice(s);
        self.starts.push(start);
        Ok(Span { start, len })
    }

    /// The texts as one `String`. The whole is UTF-8 and every text starts on a character
    /// boundary (hence also ends on one) exactly when every text is UTF-8 by itself.
    fn finish(self) -> Result<String> {
        let text = String::from_utf8(self.bytes).map_err(|e| not_utf8(e.utf8_error()))?;
        if let Some(&bad) = self
            .starts
            .iter()
            .find(|&&s| !text.is_char_boundary(s as usize))
        {
            return Err(not_utf8(format!("a text at byte {bad}")));
        }
        Ok(text)
    }
}

fn not_utf8(e: impl std::fmt::Display) -> Error {
    Error::from(rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("stored text is not UTF-8: {e}").into(),
    ))
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
    created: Stamp,
    updated: Stamp,
    revision: i64,
    deleted: bool,
}

/// The plan's posts as [`read_posts`] found them (one range of rowids), in table order.
pub struct PostRows {
    text: String,
    rows: Vec<PostRow>,
}

/// The posts of one export, in export order (time, then id).
pub struct ExportPosts {
    blocks: Vec<PostRows>,
    children: Children,
    /// (block, row) in export order.
    order: Vec<(u32, u32)>,
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
        self.order[range].iter().map(|&(b, i)| {
            let block = &self.blocks[b as usize];
            self.post(&block.text, &block.rows[i as usize])
        })
    }

    fn post<'a>(&'a self, t: &'a str, r: &PostRow) -> ExportPost<'a> {
        let id = r.id.of(t);
        let c = &self.children;
        let slot = c.slots.get(id.as_bytes()).map(|s| s as usize);
        let range = |ranges: &[Range<u32>]| {
            slot.and_then(|s| ranges.get(s))
                .map_or(0..0, |r| r.start as usize..r.end as usize)
        };
        ExportPost {
            id,
            title: r.title.of(t),
            body: r.body.of(t),
            customer_value: r.customer_value.of(t),
            objective_id: r.objective_id.map(|s| s.of(t)),
            event_id: r.event_id.map(|s| s.of(t)),
            published_url: r.published_url.map(|s| s.of(t)),
            status: r.status,
            planned: r.planned,
            duration_minutes: r.duration_minutes,
            created: r.created,
            updated: r.updated,
            revision: r.revision,
            deleted: r.deleted,
            channels: &c.channel_items[range(&c.channels)],
            tags: Texts {
                arena: &c.text,
                spans: &c.spans[range(&c.tags)],
            },
            links: Texts {
                arena: &c.text,
                spans: &c.spans[range(&c.links)],
            },
        }
    }
}

/// What a calendar export holds: every planned post of a plan that is live, plus those put in
/// the trash at or after `deleted_since` (exported as cancelled), in time order, then by id.
/// Channels are given as positions in `channel_ids`. Reads on one connection; see
/// [`read_posts`] and [`read_children`] to read on two.
pub fn list_for_export(
    conn: &Connection,
    plan_id: &str,
    deleted_since: DateTime<Utc>,
    channel_ids: &[&str],
) -> Result<ExportPosts> {
    let posts = read_posts(conn, plan_id, deleted_since, i64::MIN..=i64::MAX)?;
    let children = read_children(conn, plan_id, channel_ids)?;
    Ok(in_export_order(vec![posts], children))
}

/// The posts of [`list_for_export`] whose rowid is in `rowids`, without their children, in
/// table order.
pub fn read_posts(
    conn: &Connection,
    plan_id: &str,
    deleted_since: DateTime<Utc>,
    rowids: std::ops::RangeInclusive<i64>,
) -> Result<PostRows> {
    let mut text = Arena::default();
    let mut rows = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, body, customer_value, objective_id, event_id, published_url, status,
                planned_at, planned_date, duration_minutes, created_at, updated_at, revision, deleted_at
         FROM posts WHERE plan_id = ?1 AND (planned_at IS NOT NULL OR planned_date IS NOT NULL)
           AND (deleted_at IS NULL OR deleted_at >= ?2) AND rowid BETWEEN ?3 AND ?4",
    )?;
    let mut cursor = stmt.query(params![
        plan_id,
        instant_text(deleted_since),
        rowids.start(),
        rowids.end()
    ])?;
    while let Some(r) = cursor.next()? {
        rows.push(post_row(r, &mut text)?);
    }
    Ok(PostRows {
        text: text.finish()?,
        rows,
    })
}

/// Puts the posts of `blocks` in export order: by instant, then by id.
pub fn in_export_order(blocks: Vec<PostRows>, children: Children) -> ExportPosts {
    let mut at: Vec<(u32, u32)> = Vec::new();
    let mut keys: Vec<(i64, u32)> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        for (i, r) in block.rows.iter().enumerate() {
            let t = r.planned.sort_key();
            keys.push((t.timestamp(), t.timestamp_subsec_nanos()));
            at.push((b as u32, i as u32));
        }
    }
    // One integer per post, (seconds, nanoseconds) packed, with its index: sorting those is
    // several times faster than comparing `DateTime`s. Seconds are counted from the earliest
    // post; 34 bits of them (five centuries) leave 30 for the nanoseconds.
    let first = keys.iter().map(|k| k.0).min().unwrap_or(0);
    let packed: Option<Vec<(u64, u32)>> = keys
        .iter()
        .enumerate()
        .map(|(i, &(secs, nanos))| {
            let secs = u64::try_from(secs - first).ok().filter(|s| *s < 1 << 34)?;
            // A leap second's nanoseconds go past 10⁹: those take the slow way.
            let nanos = Some(u64::from(nanos)).filter(|n| *n < 1 << 30)?;
            Some((secs << 30 | nanos, i as u32))
        })
        .collect();
    let mut order: Vec<u32> = match packed {
        Some(mut packed) => {
            packed.sort_unstable();
            packed.into_iter().map(|(_, i)| i).collect()
        }
        None => {
            let mut all: Vec<u32> = (0..keys.len() as u32).collect();
            all.sort_unstable_by_key(|&i| keys[i as usize]);
            all
        }
    };
    // Posts at the same instant go by id.
    let id = |i: u32| {
        let (b, i) = at[i as usize];
        let block = &blocks[b as usize];
        block.rows[i as usize].id.of(&block.text)
    };
    let mut start = 0;
    while start < order.len() {
        let k = keys[order[start] as usize];
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&o| keys[o as usize] == k)
                .count();
        if end - start > 1 {
            order[start..end].sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
        }
        start = end;
    }
    ExportPosts {
        order: order.into_iter().map(|i| at[i as usize]).collect(),
        blocks,
        children,
    }
}

/// The channels, tags and links of posts, grouped by post id.
pub struct Children {
    /// Post id → slot in `channels`, `tags` and `links`.
    slots: IdTable,
    channels: Vec<Range<u32>>,
    tags: Vec<Range<u32>>,
    links: Vec<Range<u32>>,
    channel_items: Vec<u16>,
    spans: Vec<Span>,
    text: String,
}

/// Posts looked at to choose how to read the children.
const SAMPLES: i64 = 32;

/// Reads the channels (as positions in `channel_ids`), tags and links of the posts of the
/// plan, each post's in `position` order.
pub fn read_children(conn: &Connection, plan_id: &str, channel_ids: &[&str]) -> Result<Children> {
    // A plan holding most posts is read fastest by scanning the child tables whole; a small
    // one by looking its posts' children up.
    // Which it is, a few posts spread over the table tell (counting them would cost more).
    let max_rowid: i64 = conn
        .prepare_cached("SELECT ifnull(max(rowid), 0) FROM posts")?
        .query_row([], |r| r.get(0))?;
    let mut sample = conn.prepare_cached(
        "SELECT plan_id = ?1 FROM posts WHERE rowid >= ?2 ORDER BY rowid LIMIT 1",
    )?;
    let (mut mine, mut seen) = (0, 0);
    for i in 0..SAMPLES {
        let at = 1 + max_rowid * i / SAMPLES;
        if let Some(is_mine) = sample
            .query_row(params![plan_id, at], |r| r.get::<_, bool>(0))
            .optional()?
        {
            seen += 1;
            mine += i64::from(is_mine);
        }
    }
    let whole = mine * 2 >= seen;

    let mut slots = IdTable::default();
    let mut text = Arena::default();
    let mut read = |table: &str, value: &str, each: &mut ItemOf| -> Result<Vec<(u32, i64, Item)>> {
        let sql = if whole {
            // In the table's order (its key starts with `post_id`): a post's children come
            // together, and ids are looked up once per post. Without `ORDER BY`, SQLite may
            // prefer scanning an index on the value (`post_tags_tag`), which brings them in
            // the order of the values, a post at a time, from all over the id table.
            format!("SELECT post_id, position, {value} FROM {table} ORDER BY post_id")
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
        let mut found = Vec::new();
        let mut last: Option<u32> = None;
        while let Some(r) = cursor.next()? {
            let post_id = bytes_at(r, 0)?;
            // A post's children come together: look the id up only when it changes.
            let slot = match last {
                Some(slot) if slots.id(slot) == post_id => slot,
                _ => {
                    let slot = slots.insert(post_id)?;
                    last = Some(slot);
                    slot
                }
            };
            let Some(item) = each(bytes_at(r, 2)?, &mut text)? else {
                continue;
            };
            found.push((slot, r.get::<_, i64>(1)?, item));
        }
        Ok(found)
    };
    let mut last_channel: Option<u16> = None;
    let channels = read(
        "post_channels",
        "channel_id",
        &mut |id: &[u8], _: &mut Arena| {
            let known = match last_channel {
                Some(n) if channel_ids[usize::from(n)].as_bytes() == id => Some(n),
                _ => channel_ids
                    .iter()
                    .position(|c| c.as_bytes() == id)
                    .and_then(|i| u16::try_from(i).ok()),
            };
            if known.is_some() {
                last_channel = known;
            }
            Ok(known.map(Item::Channel))
        },
    )?;
    let tags = read("post_tags", "tag", &mut text_item)?;
    let links = read("post_links", "url", &mut text_item)?;

    let n = slots.len();
    let mut channel_items = Vec::new();
    let mut spans = Vec::new();
    let channels = group(n, channels, |item| {
        if let Item::Channel(c) = item {
            channel_items.push(c);
        }
    });
    let tags = group(n, tags, |item| {
        if let Item::Text(s) = item {
            spans.push(s);
        }
    });
    let base = spans.len() as u32;
    let links = group(n, links, |item| {
        if let Item::Text(s) = item {
            spans.push(s);
        }
    })
    .into_iter()
    .map(|r| r.start + base..r.end + base)
    .collect();
    slots.finish()?;
    Ok(Children {
        slots,
        channels,
        tags,
        links,
        channel_items,
        spans,
        text: text.finish()?,
    })
}

/// What a child row's value becomes (`None`: left out).
type ItemOf<'f> = dyn FnMut(&[u8], &mut Arena) -> Result<Option<Item>> + 'f;

fn text_item(s: &[u8], arena: &mut Arena) -> Result<Option<Item>> {
    Ok(Some(Item::Text(arena.push(s)?)))
}

/// Post ids → slots 0, 1, 2… in the order first seen: an open-addressing table over one
/// arena of ids (no allocation per id, unlike a `HashMap<String, _>`).
#[derive(Default)]
struct IdTable {
    ids: Arena,
    spans: Vec<Span>,
    /// Slot + 1 of the id hashed there, 0 when free; a power of two long, at most half full.
    table: Vec<u32>,
}

impl IdTable {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn id(&self, slot: u32) -> &[u8] {
        let s = self.spans[slot as usize];
        &self.ids.bytes[s.start as usize..(s.start + s.len) as usize]
    }

    fn hash(id: &[u8]) -> usize {
        let mut h = IdHasher::default();
        h.write(id);
        h.finish() as usize
    }

    /// The slot of `id` (where it is, or where it would go).
    fn find(&self, id: &[u8]) -> (usize, Option<u32>) {
        let mask = self.table.len() - 1;
        let mut at = Self::hash(id) & mask;
        loop {
            match self.table[at] {
                0 => return (at, None),
                n if self.id(n - 1) == id => return (at, Some(n - 1)),
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn get(&self, id: &[u8]) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        self.find(id).1
    }

    fn insert(&mut self, id: &[u8]) -> Result<u32> {
        if (self.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        let (at, found) = self.find(id);
        if let Some(slot) = found {
            return Ok(slot);
        }
        let slot = self.len() as u32;
        self.spans.push(self.ids.push(id)?);
        self.table[at] = slot + 1;
        Ok(slot)
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(1024);
        self.table = vec![0; size];
        for slot in 0..self.len() as u32 {
            let mut at = Self::hash(self.id(slot)) & (size - 1);
            while self.table[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            self.table[at] = slot + 1;
        }
    }

    /// Checks that the ids are UTF-8 (their lookups compare bytes; this keeps refusing what
    /// rusqlite refused).
    fn finish(&self) -> Result<()> {
        std::str::from_utf8(&self.ids.bytes).map_err(not_utf8)?;
        Ok(())
    }
}

/// A child row's value: a channel's position, or a text.
#[derive(Clone, Copy)]
enum Item {
    Channel(u16),
    Text(Span),
}

/// Puts each slot's children together (a counting sort by slot), each slot's in `position`
/// order, handing them to `out` in that order; returns every slot's range in what `out` got.
fn group(slots: usize, found: Vec<(u32, i64, Item)>, mut out: impl FnMut(Item)) -> Vec<Range<u32>> {
    let mut start = vec![0u32; slots + 1];
    for (slot, _, _) in &found {
        start[*slot as usize + 1] += 1;
    }
    for i in 0..slots {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut placed = vec![(0i64, Item::Channel(0)); found.len()];
    for (slot, position, item) in found {
        let at = &mut next[slot as usize];
        placed[*at as usize] = (position, item);
        *at += 1;
    }
    for w in start.windows(2) {
        let mine = &mut placed[w[0] as usize..w[1] as usize];
        if mine.windows(2).any(|p| p[0].0 > p[1].0) {
            // Stable: equal positions keep the table's order.
            mine.sort_by_key(|(position, _)| *position);
        }
    }
    for (_, item) in placed {
        out(item);
    }
    start.windows(2).map(|w| w[0]..w[1]).collect()
}

fn bytes_at<'r>(r: &'r Row, idx: usize) -> Result<&'r [u8]> {
    match r.get_ref(idx)? {
        ValueRef::Text(b) => Ok(b),
        other => Err(Error::from(rusqlite::Error::InvalidColumnType(
            idx,
            r.as_ref().column_name(idx).unwrap_or("?").to_owned(),
            other.data_type(),
        ))),
    }
}

fn opt_bytes_at<'r>(r: &'r Row, idx: usize) -> Result<Option<&'r [u8]>> {
    match r.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        _ => bytes_at(r, idx).map(Some),
    }
}

fn post_row(r: &Row, text: &mut Arena) -> Result<PostRow> {
    let opt = |i: usize, text: &mut Arena| -> Result<Option<Span>> {
        opt_bytes_at(r, i)?.map(|s| text.push(s)).transpose()
    };
    let planned = match (opt_bytes_at(r, 8)?, r.get_ref(9)?) {
        (Some(at), _) => ExportPlanned::At(instant(r, 8, at)?),
        (None, ValueRef::Null) => {
            return Err(conversion(r, 8, "a post without a time in the export"))
        }
        (None, _) => ExportPlanned::Day(date(r, 9, bytes_at(r, 9)?)?),
    };
    let status_text = bytes_at(r, 7)?;
    let status = match PostStatus::ALL
        .iter()
        .copied()
        .find(|s| s.as_str().as_bytes() == status_text)
    {
        Some(s) => s,
        None => {
            let s = String::from_utf8_lossy(status_text);
            PostStatus::parse(&s).ok_or_else(|| conversion(r, 7, format!("unknown value {s}")))?
        }
    };
    let stamp = |idx: usize| -> Result<Stamp> {
        let b = bytes_at(r, idx)?;
        match Stamp::of_canonical(b) {
            Some(s) => Ok(s),
            None => Ok(Stamp::of(instant(r, idx, b)?)),
        }
    };
    Ok(PostRow {
        id: text.push(bytes_at(r, 0)?)?,
        title: text.push(bytes_at(r, 1)?)?,
        body: text.push(bytes_at(r, 2)?)?,
        customer_value: text.push(bytes_at(r, 3)?)?,
        objective_id: opt(4, text)?,
        event_id: opt(5, text)?,
        published_url: opt(6, text)?,
        status,
        planned,
        duration_minutes: r.get(10)?,
        created: stamp(11)?,
        updated: stamp(12)?,
        revision: r.get(13)?,
        deleted: !matches!(r.get_ref(14)?, ValueRef::Null),
    })
}

/// Reads a stored instant. The stored form (`2026-12-03T09:00:00.000Z`) is read by hand,
/// anything else by chrono's RFC 3339 parser.
fn instant(r: &Row, idx: usize, b: &[u8]) -> Result<DateTime<Utc>> {
    if let Some(t) = canonical_instant(b) {
        return Ok(t);
    }
    let s = std::str::from_utf8(b).map_err(|e| conversion(r, idx, e))?;
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conversion(r, idx, e))
}

/// Reads a stored date: `2026-12-03` by hand, anything else by chrono's parser.
fn date(r: &Row, idx: usize, b: &[u8]) -> Result<NaiveDate> {
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(date);
            }
        }
    }
    let s = std::str::from_utf8(b).map_err(|e| conversion(r, idx, e))?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| conversion(r, idx, e))
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
    })
}

/// `2026-12-03T09:00:00.000Z`: separators where they belong (digits are checked apart).
fn canonical_shape(b: &[u8]) -> bool {
    b.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
}

fn canonical_instant(b: &[u8]) -> Option<DateTime<Utc>> {
    if !canonical_shape(b) {
        return None;
    }
    let n = |from: usize, to: usize| digits(&b[from..to]);
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
            "0987-01-01T00:00:00.001Z",
            "2000-02-29T12:00:00.000Z",
            "0000-12-31T23:59:59.999Z",
        ] {
            let by_hand = canonical_instant(s.as_bytes()).expect(s);
            let chrono = DateTime::parse_from_rfc3339(s).expect(s);
            assert_eq!(by_hand, chrono, "{s}");
            assert_eq!(
                Stamp::of_canonical(s.as_bytes()).expect(s),
                Stamp::of(by_hand),
                "{s}"
            );
        }
        for s in [
            "2026-02-30T09:00:00.000Z",
            "2026-12-03T09:00:00Z",
            "2026-12-03T09:00:00.000+01:00",
            "2026-12-03T25:00:00.000Z",
            "2026-12-03T09:00:0x.000Z",
            "2100-02-29T09:00:00.000Z",
            "2026-04-31T09:00:00.000Z",
            "2026-00-10T09:00:00.000Z",
            "2026-12-00T09:00:00.000Z",
            "2026-12-03T09:60:00.000Z",
            "2026-12-03T09:00:60.000Z",
            "2026-12-03T09:00:00.0x0Z",
        ] {
            assert_eq!(canonical_instant(s.as_bytes()), None, "{s}");
            assert_eq!(Stamp::of_canonical(s.as_bytes()), None, "{s}");
        }
        let t = canonical_instant(b"2026-12-03T09:05:07.250Z").expect("time");
        assert_eq!(Stamp::of(t).as_bytes(), b"20261203T090507Z");
        assert_eq!(Stamp::of(t).rfc3339(), "2026-12-03T09:05:07Z");
    }

    #[test]
    fn children_are_grouped_by_post_in_position_order() {
        let s = |start| Item::Text(Span { start, len: 1 });
        let mut got = Vec::new();
        let ranges = group(
            3,
            vec![(2, 1, s(0)), (0, 5, s(1)), (2, 0, s(2)), (0, 7, s(3))],
            |item| {
                if let Item::Text(span) = item {
                    got.push(span.start);
                }
            },
        );
        assert_eq!(ranges, vec![0..2, 2..2, 2..4]);
        assert_eq!(got, vec![1, 3, 2, 0]);
    }

    #[test]
    fn the_arena_refuses_texts_that_are_not_utf8_even_when_their_sum_is() {
        let mut a = Arena::default();
        a.push("é".as_bytes()[..1].as_ref()).expect("push");
        a.push("é".as_bytes()[1..].as_ref()).expect("push");
        assert!(a.finish().is_err());
        let mut a = Arena::default();
        let s = a.push("crème".as_bytes()).expect("push");
        assert_eq!(s.of(&a.finish().expect("utf-8")), "crème");
    }
}
