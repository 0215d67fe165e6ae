//! A plan as one VCALENDAR: posts and one-off events become VEVENTs, streamed to a writer.
use super::labels::{css_color_name, event_icon, platform_icon, Labels};
use super::snapshot;
use super::values::{push_date, push_duration_before, push_int, push_utc};
use super::writer::{escape_bytes, ContentLines};
use crate::error::{Error, Result};
use crate::model::{Channel, Event, EventWhen, ExportFilter, Objective, Plan, PostStatus};
use crate::queries::post_export::{self, ExportPlanned, ExportPost, ExportPosts, IdMap, Stamp};
use crate::queries::{channels, events, objectives, plans};
use crate::time::{parse_zone, start_of_day};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::Connection;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// How long a timed post lasts in a calendar when it has no duration of its own.
pub const DEFAULT_POST_MINUTES: i64 = 30;
/// How often subscribed clients should refresh (RFC 7986 REFRESH-INTERVAL, Outlook's X-PUBLISHED-TTL).
pub const REFRESH_INTERVAL: &str = "PT1H";

/// What one export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    /// VEVENTs for posts (cancelled ones included).
    pub posts: usize,
    /// VEVENTs for one-off events (cancelled ones included).
    pub events: usize,
    /// Of those, how many are `STATUS:CANCELLED`.
    pub cancelled: usize,
    /// Octets written.
    pub bytes: u64,
}

impl ExportSummary {
    fn add(&mut self, other: ExportSummary) {
        self.posts += other.posts;
        self.events += other.events;
        self.cancelled += other.cancelled;
    }
}

/// The first instant whose tombstones (and cancellations) are still exported: midnight UTC,
/// `retention_days` before the day of `now`. Day-granular, so an export is the same all day.
pub fn retention_cutoff(now: DateTime<Utc>, retention_days: u32) -> DateTime<Utc> {
    (now.date_naive() - Duration::days(i64::from(retention_days)))
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// Writes the plan of `filter` as an iCalendar object to `out`, in blocks of
/// [`super::writer::BUFFER_BYTES`] (`out` needs no `BufWriter`).
/// `now` decides which cancelled and deleted posts are still inside the retention window.
/// Reads run in one snapshot; the filter is taken as it is (the service validates it).
pub fn write_calendar(
    conn: &Connection,
    filter: &ExportFilter,
    now: DateTime<Utc>,
    out: impl Write,
) -> Result<ExportSummary> {
    write_with(conn, None, filter, now, out, Sizes::DEFAULT)
}

/// [`write_calendar`], reading a big plan on `spare` too: another connection to the same
/// database, out of any transaction (an idle one of the pool); it is left out of any
/// transaction.
pub fn write_calendar_with_spare(
    conn: &Connection,
    spare: Option<&mut Connection>,
    filter: &ExportFilter,
    now: DateTime<Utc>,
    out: impl Write,
) -> Result<ExportSummary> {
    write_with(conn, spare, filter, now, out, Sizes::DEFAULT)
}

/// When and how an export uses two threads.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// From how many posts in the database (its largest rowid) an export reads on two
    /// connections.
    two_connections_from: i64,
    /// Rowids of posts read by one query, when two connections read.
    rowid_block: i64,
    /// From how many posts an export is written by two threads.
    parallel_from: usize,
    /// Posts formatted at a time by one thread.
    chunk_posts: usize,
}

impl Sizes {
    const DEFAULT: Sizes = Sizes {
        two_connections_from: 20_000,
        rowid_block: 2048,
        parallel_from: 4096,
        // About 1.4 MB of iCalendar.
        chunk_posts: 2048,
    };
}

fn write_with(
    conn: &Connection,
    spare: Option<&mut Connection>,
    filter: &ExportFilter,
    now: DateTime<Utc>,
    out: impl Write,
    sizes: Sizes,
) -> Result<ExportSummary> {
    // A big database is read on two connections at once (posts on this one, their children
    // on a twin that sees the same snapshot); the twin must be made before the first read.
    let max_rowid: i64 = conn
        .prepare_cached("SELECT ifnull(max(rowid), 0) FROM posts")?
        .query_row([], |r| r.get(0))?;
    let tx = conn.unchecked_transaction()?;
    let twin = if max_rowid >= sizes.two_connections_from {
        snapshot::twin(&tx, spare)
    } else {
        None
    };
    let plan = plans::get(&tx, &filter.plan_id)?
        .filter(|p| p.meta.deleted_at.is_none())
        .ok_or_else(|| Error::NotFound {
            entity: "plan",
            id: filter.plan_id.clone(),
        })?;
    let tz = parse_zone("timezone", &plan.timezone)?;
    let cutoff = retention_cutoff(now, filter.retention_days());
    let channels = channels::list_for_plan(&tx, &plan.id)?;
    let objectives = objectives::list_for_plan(&tx, &plan.id)?;
    let all_events = events::list_for_export(&tx, &plan.id, cutoff)?;
    let channel_ids: Vec<&str> = channels.iter().map(|c| c.id.as_str()).collect();
    let all_posts = match twin {
        Some(twin) => read_on_two(&tx, twin, &plan.id, cutoff, &channel_ids, max_rowid, sizes)?,
        None => post_export::list_for_export(&tx, &plan.id, cutoff, &channel_ids)?,
    };
    drop(tx);

    let range = Range {
        from: filter.from,
        to: filter.to,
        from_at: filter.from.map(|d| start_of_day(d, tz)),
        to_at: filter
            .to
            .and_then(|d| d.succ_opt())
            .map(|d| start_of_day(d, tz)),
    };
    let shown_channels: Vec<Shown> = channels.iter().map(Shown::of_channel).collect();
    let shown_objectives: Vec<Shown> = objectives.iter().map(Shown::of_objective).collect();
    let labels = Labels::for_locale(&plan.locale);
    let known = Known {
        labels,
        facts: Facts::new(labels),
        filter_channels: filter
            .channel_ids
            .iter()
            .filter_map(|id| channel_ids.iter().position(|c| c == id))
            .filter_map(|i| u16::try_from(i).ok())
            .collect(),
        channels: &shown_channels,
        objectives: shown_objectives.iter().map(|o| (o.id, o)).collect(),
        event_titles: all_events
            .iter()
            .map(|e| (e.id.as_str(), e.title.as_str()))
            .collect(),
        filter,
        cutoff: Stamp::of(cutoff),
        range,
    };
    let mut cal = Calendar::new(ContentLines::new(out), &known);
    cal.header(&plan)?;
    for e in &all_events {
        if cal.wants_event(e) {
            cal.event(e)?;
        }
    }
    if all_posts.len() >= sizes.parallel_from {
        let posts = write_in_parallel(&mut cal.w, &known, &all_posts, sizes.chunk_posts)?;
        cal.summary.add(posts);
    } else {
        cal.posts(all_posts.iter())?;
    }
    cal.w.end("VCALENDAR")?;
    let bytes = cal.w.bytes();
    cal.w.into_inner()?.flush()?;
    Ok(ExportSummary {
        bytes,
        ..cal.summary
    })
}

/// Reads the posts and their children on `conn` and `twin` (same snapshot) at once: the twin
/// reads the children, then both read blocks of posts by rowid until none is left.
fn read_on_two(
    conn: &Connection,
    twin: snapshot::Twin<'_>,
    plan_id: &str,
    cutoff: DateTime<Utc>,
    channel_ids: &[&str],
    max_rowid: i64,
    sizes: Sizes,
) -> Result<ExportPosts> {
    let block = sizes.rowid_block.max(1);
    let next = std::sync::atomic::AtomicI64::new(0);
    let blocks = |c: &Connection| -> Result<Vec<post_export::PostRows>> {
        let mut out = Vec::new();
        loop {
            let start = next.fetch_add(block, Ordering::SeqCst);
            if start > max_rowid {
                return Ok(out);
            }
            // Rowids start at 1; the first block also takes any below (there are none).
            let from = if start == 0 { i64::MIN } else { start };
            let to = if start + block > max_rowid {
                i64::MAX
            } else {
                start + block - 1
            };
            out.push(post_export::read_posts(c, plan_id, cutoff, from..=to)?);
        }
    };
    let blocks = &blocks;
    std::thread::scope(|scope| -> Result<ExportPosts> {
        let helper = scope.spawn(move || -> Result<_> {
            let children = post_export::read_children(&twin, plan_id, channel_ids)?;
            Ok((children, blocks(&twin)?))
        });
        let mine = blocks(conn);
        let (children, theirs) = helper.join().map_err(|_| panicked())??;
        let mut all = mine?;
        all.extend(theirs);
        Ok(post_export::in_export_order(all, children))
    })
}

fn panicked() -> Error {
    Error::Io(io::Error::other("an export thread panicked"))
}

/// A chunk's iCalendar text and what it holds.
type Formatted = (Vec<u8>, ExportSummary);

/// What the two threads of [`write_in_parallel`] share.
struct Chunks {
    /// The next chunk nobody formats yet.
    next: AtomicUsize,
    /// Formatted chunks not written yet, by chunk number.
    done: Mutex<Vec<Option<Formatted>>>,
    /// Signalled when a chunk is done or the helper stops.
    ready: Condvar,
    /// Buffers written out, to format again into.
    spare: Mutex<Vec<Vec<u8>>>,
    /// Set when the writer gives up (the helper then stops).
    stop: AtomicBool,
    /// Set when the helper has stopped (done, or panicked).
    helper_gone: AtomicBool,
}

impl Chunks {
    fn done(&self) -> MutexGuard<'_, Vec<Option<Formatted>>> {
        self.done.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn spare(&self) -> Vec<u8> {
        let mut spare = self.spare.lock().unwrap_or_else(|e| e.into_inner());
        spare.pop().unwrap_or_default()
    }
}

/// Tells the writer that the helper is gone, however it ends (a panic included).
struct HelperGone<'a>(&'a Chunks);

impl Drop for HelperGone<'_> {
    fn drop(&mut self) {
        let _done = self.0.done();
        self.0.helper_gone.store(true, Ordering::SeqCst);
        self.0.ready.notify_all();
    }
}

/// Writes `posts` to `w` in export order, formatted by two threads: chunks of
/// `chunk` posts are claimed in order by whichever thread is free; this thread also
/// writes the chunks out, in order, as soon as each is ready (so it formats less).
fn write_in_parallel<W: Write>(
    w: &mut ContentLines<W>,
    known: &Known,
    posts: &ExportPosts,
    chunk: usize,
) -> Result<ExportSummary> {
    let n = posts.len();
    let chunk = chunk.max(1);
    let count = n.div_ceil(chunk);
    let chunks = Chunks {
        next: AtomicUsize::new(0),
        done: Mutex::new((0..count).map(|_| None).collect()),
        ready: Condvar::new(),
        spare: Mutex::new(Vec::new()),
        stop: AtomicBool::new(false),
        helper_gone: AtomicBool::new(false),
    };
    let range = |i: usize| i * chunk..((i + 1) * chunk).min(n);
    let claim = |chunks: &Chunks| {
        let i = chunks.next.fetch_add(1, Ordering::SeqCst);
        (i < count).then_some(i)
    };
    let format = |cal: &mut Calendar<io::Sink>, i: usize, buf: Vec<u8>| {
        drop(cal.w.take(buf));
        cal.summary = ExportSummary::default();
        // Writing to memory cannot fail.
        let result = cal.posts(posts.part(range(i)));
        (cal.w.take(Vec::new()), cal.summary, result)
    };
    std::thread::scope(|scope| -> Result<ExportSummary> {
        let chunks = &chunks;
        scope.spawn(move || {
            let _gone = HelperGone(chunks);
            let mut cal = Calendar::new(ContentLines::in_memory(io::sink(), 0), known);
            while !chunks.stop.load(Ordering::SeqCst) {
                let Some(i) = claim(chunks) else { break };
                let (bytes, summary, result) = format(&mut cal, i, chunks.spare());
                if result.is_err() {
                    break;
                }
                chunks.done()[i] = Some((bytes, summary));
                chunks.ready.notify_all();
            }
        });
        let mut write = || -> Result<ExportSummary> {
            let mut cal = Calendar::new(ContentLines::in_memory(io::sink(), 0), known);
            let mut total = ExportSummary::default();
            let mut next_out = 0;
            while next_out < count {
                let ready = chunks.done()[next_out].take();
                if let Some((bytes, summary)) = ready {
                    w.append(&bytes)?;
                    total.add(summary);
                    chunks
                        .spare
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(bytes);
                    next_out += 1;
                    continue;
                }
                if let Some(i) = claim(chunks) {
                    let (bytes, summary, result) = format(&mut cal, i, chunks.spare());
                    result?;
                    chunks.done()[i] = Some((bytes, summary));
                    continue;
                }
                let mut done = chunks.done();
                while done[next_out].is_none() {
                    if chunks.helper_gone.load(Ordering::SeqCst) {
                        return Err(panicked());
                    }
                    done = chunks.ready.wait(done).unwrap_or_else(|e| e.into_inner());
                }
            }
            Ok(total)
        };
        let result = write();
        chunks.stop.store(true, Ordering::SeqCst);
        result
    })
}

/// A channel or an objective as posts show it, worked out once per export.
struct Shown<'a> {
    id: &'a str,
    name: &'a str,
    /// The name, escaped as TEXT.
    escaped: Vec<u8>,
    /// Its colour, `#rrggbb`.
    hex: &'a str,
    /// The SUMMARY icon (channels only).
    icon: &'static str,
    /// The RFC 7986 colour name of its `#rrggbb` colour.
    color: Option<&'static str>,
}

impl<'a> Shown<'a> {
    fn new(id: &'a str, name: &'a str, icon: &'static str, color: &'a str) -> Self {
        let mut escaped = Vec::with_capacity(name.len());
        escape_bytes(&mut escaped, name);
        Shown {
            id,
            name,
            escaped,
            icon,
            hex: color,
            color: css_color_name(color),
        }
    }

    fn of_channel(c: &'a Channel) -> Self {
        Shown::new(&c.id, &c.name, platform_icon(c.platform), &c.color)
    }

    fn of_objective(o: &'a Objective) -> Self {
        Shown::new(&o.id, &o.title, "", &o.color)
    }
}

/// Whose UID to write (the same text as [`super::post_uid`] and [`super::event_uid`], without allocating).
enum Uid<'a> {
    Post(&'a str),
    Event(&'a str),
}

struct Range {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    from_at: Option<DateTime<Utc>>,
    to_at: Option<DateTime<Utc>>,
}

impl Range {
    fn has_day(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    fn has_instant(&self, t: DateTime<Utc>) -> bool {
        self.from_at.is_none_or(|f| t >= f) && self.to_at.is_none_or(|e| t < e)
    }

    fn overlaps_days(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start <= t)
    }

    fn overlaps_instants(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.from_at.is_none_or(|f| end >= f) && self.to_at.is_none_or(|t| start < t)
    }
}

/// What every VEVENT of one export is written with, worked out once.
struct Known<'a> {
    labels: &'static Labels,
    facts: Facts,
    /// The plan's channels, in the order [`post_export::read_children`] numbers them.
    channels: &'a [Shown<'a>],
    /// The filter's channels, as positions in `channels`.
    filter_channels: Vec<u16>,
    objectives: IdMap<'a, &'a Shown<'a>>,
    event_titles: IdMap<'a, &'a str>,
    filter: &'a ExportFilter,
    cutoff: Stamp,
    range: Range,
}

/// The DESCRIPTION labels, escaped once per export with their separator (`Statut : `), and
/// the statuses' names, escaped.
struct Facts {
    objective: Vec<u8>,
    customer_value: Vec<u8>,
    status: Vec<u8>,
    channels: Vec<u8>,
    event: Vec<u8>,
    tags: Vec<u8>,
    published: Vec<u8>,
    links: Vec<u8>,
    statuses: Vec<Vec<u8>>,
}

impl Facts {
    fn new(l: &Labels) -> Facts {
        let label = |name: &str| {
            let mut out = Vec::new();
            escape_bytes(&mut out, name);
            escape_bytes(&mut out, l.separator);
            out
        };
        Facts {
            objective: label(l.objective),
            customer_value: label(l.customer_value),
            status: label(l.status),
            channels: label(l.channels),
            event: label(l.event),
            tags: label(l.tags),
            published: label(l.published),
            links: label(l.links),
            statuses: PostStatus::ALL
                .iter()
                .map(|s| {
                    let mut out = Vec::new();
                    escape_bytes(&mut out, l.status(*s));
                    out
                })
                .collect(),
        }
    }
}

struct Calendar<'a, W: Write> {
    w: ContentLines<W>,
    known: &'a Known<'a>,
    scratch: String,
    /// Escaped channel names joined, for DESCRIPTION.
    joined: Vec<u8>,
    summary: ExportSummary,
}

impl<'a, W: Write> Calendar<'a, W> {
    fn new(w: ContentLines<W>, known: &'a Known<'a>) -> Self {
        Calendar {
            w,
            known,
            scratch: String::with_capacity(256),
            joined: Vec::with_capacity(256),
            summary: ExportSummary::default(),
        }
    }

    fn posts<'p>(&mut self, posts: impl Iterator<Item = ExportPost<'p>>) -> io::Result<()> {
        for p in posts {
            if self.wants_post(&p) {
                self.post(&p)?;
            }
        }
        Ok(())
    }

    fn header(&mut self, plan: &Plan) -> io::Result<()> {
        let name = self
            .known
            .filter
            .calendar_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&plan.name);
        self.w.begin("VCALENDAR")?;
        self.w.raw("VERSION", "2.0")?;
        self.w.raw(
            "PRODID",
            concat!("-//Cadence//Cadence ", env!("CARGO_PKG_VERSION"), "//EN"),
        )?;
        self.w.raw("CALSCALE", "GREGORIAN")?;
        self.w.raw("METHOD", "PUBLISH")?;
        // VALUE=TEXT is NAME's default type, said explicitly: parsers that predate RFC 7986
        // (ical.js, Python's icalendar) then decode its escapes instead of reading it raw.
        self.w.text("NAME;VALUE=TEXT", name)?;
        self.w.text("X-WR-CALNAME", name)?;
        self.w
            .raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH_INTERVAL)?;
        self.w.raw("X-PUBLISHED-TTL", REFRESH_INTERVAL)?;
        // A calendar showing one channel takes that channel's colour in Apple Calendar.
        if let [only] = self.known.filter.channel_ids.as_slice() {
            if let Some(c) = self.known.channels.iter().find(|c| c.id == only) {
                self.w.raw("X-APPLE-CALENDAR-COLOR", c.hex)?;
            }
        }
        Ok(())
    }

    fn wants_event(&self, e: &Event) -> bool {
        let range = &self.known.range;
        if !self.known.filter.event_ids.is_empty() && !self.known.filter.event_ids.contains(&e.id) {
            return false;
        }
        match &e.when {
            EventWhen::AllDay { start, end } => range.overlaps_days(*start, *end),
            EventWhen::Timed { start, end, .. } => range.overlaps_instants(*start, *end),
        }
    }

    fn wants_post(&self, p: &ExportPost) -> bool {
        let range = &self.known.range;
        let f = self.known.filter;
        let status_ok = if p.status == PostStatus::Cancelled {
            // Stamps drop the fraction of a second; the cutoff, a midnight, has none.
            p.deleted || p.updated >= self.known.cutoff
        } else {
            f.wants_status(p.status)
        };
        if !status_ok {
            return false;
        }
        if !f.channel_ids.is_empty()
            && !p
                .channels
                .iter()
                .any(|c| self.known.filter_channels.contains(c))
        {
            return false;
        }
        if !f.objective_ids.is_empty()
            && !p
                .objective_id
                .is_some_and(|o| f.objective_ids.iter().any(|w| w == o))
        {
            return false;
        }
        if !f.event_ids.is_empty()
            && !p
                .event_id
                .is_some_and(|e| f.event_ids.iter().any(|w| w == e))
        {
            return false;
        }
        match p.planned {
            ExportPlanned::At(at) => range.has_instant(at),
            ExportPlanned::Day(date) => range.has_day(date),
        }
    }

    /// UID, SEQUENCE, DTSTAMP, CREATED, LAST-MODIFIED: what lets a client update in place.
    fn identity(
        &mut self,
        uid: Uid,
        revision: i64,
        created: Stamp,
        updated: Stamp,
    ) -> io::Result<()> {
        let line = self.w.start_line("UID");
        match uid {
            Uid::Post(id) => line.extend_from_slice(id.as_bytes()),
            Uid::Event(id) => {
                line.extend_from_slice(b"event-");
                line.extend_from_slice(id.as_bytes());
            }
        }
        line.extend_from_slice(b"@cadence");
        self.w.finish_line()?;
        push_int(self.w.start_line("SEQUENCE"), revision.max(0) as u64, 1);
        self.w.finish_line()?;
        self.stamp("DTSTAMP", updated)?;
        self.stamp("CREATED", created)?;
        self.stamp("LAST-MODIFIED", updated)
    }

    fn stamp(&mut self, name: &str, t: Stamp) -> io::Result<()> {
        self.w.start_line(name).extend_from_slice(t.as_bytes());
        self.w.finish_line()
    }

    fn instant(&mut self, name: &str, t: DateTime<Utc>) -> io::Result<()> {
        push_utc(self.w.start_line(name), t);
        self.w.finish_line()
    }

    fn day(&mut self, name: &str, d: NaiveDate) -> io::Result<()> {
        push_date(self.w.start_line(name), d);
        self.w.finish_line()
    }

    fn event(&mut self, e: &Event) -> io::Result<()> {
        let cancelled = e.meta.deleted_at.is_some();
        self.w.begin("VEVENT")?;
        self.identity(
            Uid::Event(&e.id),
            e.meta.revision,
            Stamp::of(e.meta.created_at),
            Stamp::of(e.meta.updated_at),
        )?;
        match &e.when {
            EventWhen::AllDay { start, end } => {
                self.day("DTSTART;VALUE=DATE", *start)?;
                // DTEND of an all-day event is the day after the last one (exclusive).
                self.day("DTEND;VALUE=DATE", end.succ_opt().unwrap_or(*end))?;
            }
            EventWhen::Timed { start, end, .. } => {
                self.instant("DTSTART", *start)?;
                if end > start {
                    self.instant("DTEND", *end)?;
                }
            }
        }
        let kind = self.known.labels.event_kind(e.kind);
        let line = self.w.start_line("SUMMARY");
        line.extend_from_slice(event_icon(e.kind).as_bytes());
        line.push(b' ');
        escape_bytes(line, &e.title);
        self.w.finish_line()?;
        let line = self.w.start_line("DESCRIPTION");
        escape_bytes(line, kind);
        if !e.description.trim().is_empty() {
            line.extend_from_slice(b"\\n\\n");
            escape_bytes(line, &e.description);
        }
        self.w.finish_line()?;
        self.w.text("LOCATION", &e.location)?;
        self.w.text_list("CATEGORIES", [kind])?;
        self.w
            .raw("STATUS", if cancelled { "CANCELLED" } else { "CONFIRMED" })?;
        self.w.raw("TRANSP", "TRANSPARENT")?;
        self.w.end("VEVENT")?;
        self.summary.events += 1;
        self.summary.cancelled += usize::from(cancelled);
        Ok(())
    }

    fn post(&mut self, p: &ExportPost) -> io::Result<()> {
        let cancelled = p.deleted || p.status == PostStatus::Cancelled;
        let known = self.known;
        let channels = known.channels;
        let shown = || {
            p.channels
                .iter()
                .filter_map(|&c| channels.get(usize::from(c)))
        };
        let only = match p.channels {
            [c] => channels.get(usize::from(*c)),
            _ => None,
        };
        let several = only.is_none() && shown().next().is_some();
        let objective = p
            .objective_id
            .and_then(|id| known.objectives.get(id).copied());
        let facts = &known.facts;

        self.w.begin("VEVENT")?;
        self.identity(Uid::Post(p.id), p.revision, p.created, p.updated)?;
        match p.planned {
            ExportPlanned::At(at) => {
                self.instant("DTSTART", at)?;
                let minutes = p.duration_minutes.unwrap_or(DEFAULT_POST_MINUTES);
                self.instant("DTEND", at + Duration::minutes(minutes))?;
            }
            ExportPlanned::Day(date) => {
                self.day("DTSTART;VALUE=DATE", date)?;
                self.day("DTEND;VALUE=DATE", date.succ_opt().unwrap_or(date))?;
            }
        }

        // SUMMARY: the channels' icons, the channel's name when there is one, the title.
        let line = self.w.start_line("SUMMARY");
        if p.status == PostStatus::Held && !cancelled {
            line.extend_from_slice(known.labels.held_prefix.as_bytes());
        }
        for c in shown() {
            line.extend_from_slice(c.icon.as_bytes());
        }
        if let Some(only) = only {
            line.push(b' ');
            line.extend_from_slice(&only.escaped);
            line.extend_from_slice(" · ".as_bytes());
        } else if several {
            line.push(b' ');
        }
        escape_bytes(line, p.title);
        self.w.finish_line()?;

        // DESCRIPTION: the text, then one "label: value" line per fact.
        let status = if cancelled {
            PostStatus::Cancelled
        } else {
            p.status
        };
        let scratch = &mut self.scratch;
        let joined = &mut self.joined;
        let line = self.w.start_line("DESCRIPTION");
        let mut first = true;
        let mut fact = |line: &mut Vec<u8>, label: &[u8], value: Fact| {
            let blank = match value {
                Fact::Text(v) => v.trim().is_empty(),
                Fact::Escaped(_, v) => v.trim().is_empty(),
            };
            if blank {
                return;
            }
            if !first {
                line.extend_from_slice(b"\\n");
            }
            first = false;
            line.extend_from_slice(label);
            match value {
                Fact::Text(v) => escape_bytes(line, v),
                Fact::Escaped(escaped, _) => line.extend_from_slice(escaped),
            }
        };
        if !p.body.trim().is_empty() {
            escape_bytes(line, p.body);
            line.extend_from_slice(b"\\n\\n");
        }
        if let Some(o) = objective {
            fact(line, &facts.objective, Fact::Escaped(&o.escaped, o.name));
        }
        fact(line, &facts.customer_value, Fact::Text(p.customer_value));
        let status_index = PostStatus::ALL
            .iter()
            .position(|s| *s == status)
            .unwrap_or(0);
        let status_name = known.labels.status(status);
        fact(
            line,
            &facts.status,
            Fact::Escaped(&facts.statuses[status_index], status_name),
        );
        if let Some(only) = only {
            fact(
                line,
                &facts.channels,
                Fact::Escaped(&only.escaped, only.name),
            );
        } else if several {
            // The names joined by ", ": escaping each name and the ", " gives the same text
            // as escaping the joined names (no line break can straddle a ", ").
            joined.clear();
            for (i, c) in shown().enumerate() {
                if i > 0 {
                    joined.extend_from_slice(b"\\, ");
                }
                joined.extend_from_slice(&c.escaped);
            }
            // Never blank: it holds a ", ".
            fact(line, &facts.channels, Fact::Escaped(joined, ","));
        }
        if let Some(title) = p.event_id.and_then(|id| known.event_titles.get(id)) {
            fact(line, &facts.event, Fact::Text(title));
        }
        if !p.tags.is_empty() {
            scratch.clear();
            for t in p.tags.iter() {
                if !scratch.is_empty() {
                    scratch.push(' ');
                }
                scratch.push('#');
                scratch.push_str(t);
            }
            fact(line, &facts.tags, Fact::Text(scratch));
        }
        let url = published_url(p);
        if let Some(url) = url {
            fact(line, &facts.published, Fact::Text(url));
        }
        if !p.links.is_empty() {
            scratch.clear();
            for (i, link) in p.links.iter().enumerate() {
                if i > 0 {
                    scratch.push('\n');
                }
                scratch.push_str(link);
            }
            fact(line, &facts.links, Fact::Text(scratch));
        }
        self.w.finish_line()?;

        // CATEGORIES: the channels' names, then the objective's title (escaped once per export).
        let line = self.w.start_line("CATEGORIES");
        let header = line.len();
        for c in shown().chain(objective) {
            if c.name.trim().is_empty() {
                continue;
            }
            if line.len() > header {
                line.push(b',');
            }
            line.extend_from_slice(&c.escaped);
        }
        if line.len() > header {
            self.w.finish_line()?;
        } else {
            self.w.cancel_line();
        }
        self.w.raw(
            "STATUS",
            match status {
                PostStatus::Cancelled => "CANCELLED",
                PostStatus::Idea | PostStatus::Draft | PostStatus::InReview | PostStatus::Held => {
                    "TENTATIVE"
                }
                PostStatus::Approved | PostStatus::Scheduled | PostStatus::Published => "CONFIRMED",
            },
        )?;
        self.w.raw("TRANSP", "TRANSPARENT")?;
        if let Some(url) = url {
            self.w.raw("URL", url)?;
        }
        let color = objective
            .map(|o| o.color)
            .or(shown().next().map(|c| c.color))
            .flatten();
        if let Some(name) = color {
            self.w.raw("COLOR", name)?;
        }
        if let (Some(minutes), false) = (known.filter.alarm_minutes, cancelled) {
            self.w.begin("VALARM")?;
            self.w.raw("ACTION", "DISPLAY")?;
            self.w.text("DESCRIPTION", p.title)?;
            push_duration_before(self.w.start_line("TRIGGER"), minutes);
            self.w.finish_line()?;
            self.w.end("VALARM")?;
        }
        self.w.end("VEVENT")?;
        self.summary.posts += 1;
        self.summary.cancelled += usize::from(cancelled);
        Ok(())
    }
}

/// A fact's value in DESCRIPTION: text to escape, or text escaped once per export.
#[derive(Clone, Copy)]
enum Fact<'v> {
    Text(&'v str),
    Escaped(&'v [u8], &'v str),
}

/// The address of a published post, once it is published.
fn published_url<'p>(p: &ExportPost<'p>) -> Option<&'p str> {
    (p.status == PostStatus::Published && !p.deleted)
        .then_some(p.published_url)
        .flatten()
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-connection read and the two-thread write give the bytes one thread gives, with
    /// blocks and chunks small enough that every path runs many times.
    #[test]
    fn two_threads_write_the_bytes_one_thread_writes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cadence = crate::service::Cadence::open(dir.path().join("c.db")).expect("open");
        // Two plans, so that rows of another plan are skipped too.
        let plans = crate::bench::generate(&cadence, 2, 700, 2).expect("generate");
        let now = DateTime::parse_from_rfc3339("2026-12-03T17:45:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let serial = Sizes {
            two_connections_from: i64::MAX,
            parallel_from: usize::MAX,
            ..Sizes::DEFAULT
        };
        let parallel = Sizes {
            two_connections_from: 0,
            rowid_block: 37,
            parallel_from: 0,
            chunk_posts: 11,
        };
        for plan in &plans {
            for filter in [
                ExportFilter {
                    include_drafts: true,
                    ..ExportFilter::for_plan(plan)
                },
                ExportFilter {
                    alarm_minutes: Some(90),
                    retention_days: Some(0),
                    ..ExportFilter::for_plan(plan)
                },
            ] {
                let export = |sizes: Sizes, pooled_twin: bool| {
                    cadence
                        .db()
                        .read_with_spare(|c, spare| {
                            let spare = spare.filter(|_| pooled_twin);
                            assert_eq!(spare.is_some(), pooled_twin, "an idle connection");
                            let mut out = Vec::new();
                            let summary = match spare {
                                Some(spare) => {
                                    let summary = write_with(
                                        c,
                                        Some(&mut *spare),
                                        &filter,
                                        now,
                                        &mut out,
                                        sizes,
                                    )?;
                                    // Given back out of its read transaction.
                                    assert!(spare.is_autocommit());
                                    summary
                                }
                                None => write_with(c, None, &filter, now, &mut out, sizes)?,
                            };
                            Ok((out, summary))
                        })
                        .expect("export")
                };
                let (one, one_summary) = export(serial, false);
                assert!(one_summary.posts > 100, "{one_summary:?}");
                for pooled_twin in [false, true] {
                    let (two, two_summary) = export(parallel, pooled_twin);
                    assert_eq!(one_summary, two_summary);
                    assert!(
                        one == two,
                        "the exports differ (pooled twin: {pooled_twin})"
                    );
                }
            }
        }
    }

    #[test]
    fn retention_is_counted_in_whole_days() {
        let now = DateTime::parse_from_rfc3339("2026-12-03T17:45:00Z")
            .expect("time")
            .with_timezone(&Utc);
        assert_eq!(
            retention_cutoff(now, 60).to_rfc3339(),
            "2026-10-04T00:00:00+00:00"
        );
    }
}
