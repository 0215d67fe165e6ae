//! A plan as one VCALENDAR: posts and one-off events become VEVENTs, streamed to a writer.
use super::labels::{css_color_name, event_icon, platform_icon, Labels};
use super::values::{push_date, push_duration_before, push_int, push_utc};
use super::writer::{escape_bytes, ContentLines};
use crate::error::{Error, Result};
use crate::model::{Channel, Event, EventWhen, ExportFilter, Objective, Plan, PostStatus};
use crate::queries::post_export::{self, ExportPlanned, ExportPost, IdMap};
use crate::queries::{channels, events, objectives, plans};
use crate::time::{parse_zone, start_of_day};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::Connection;
use std::io::{self, Write};

/// How long a timed post lasts in a calendar when it has no duration of its own.
pub const DEFAULT_POST_MINUTES: i64 = 30;
/// How often subscribed clients should refresh (RFC 7986 REFRESH-INTERVAL, Outlook's X-PUBLISHED-TTL).
pub const REFRESH_INTERVAL: &str = "PT1H";

/// What one export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
    let tx = conn.unchecked_transaction()?;
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
    let all_posts = post_export::list_for_export(&tx, &plan.id, cutoff)?;
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
    let known = Known {
        labels: Labels::for_locale(&plan.locale),
        channels: shown_channels.iter().map(|c| (c.id, c)).collect(),
        objectives: shown_objectives.iter().map(|o| (o.id, o)).collect(),
        event_titles: all_events
            .iter()
            .map(|e| (e.id.as_str(), e.title.as_str()))
            .collect(),
        filter,
        cutoff,
        range,
    };
    let mut cal = Calendar::new(ContentLines::new(out), &known);
    cal.header(&plan)?;
    for e in &all_events {
        if cal.wants_event(e) {
            cal.event(e)?;
        }
    }
    // Big exports are written by two threads: this one streams the first half of the posts
    // to `out` while a second one writes the second half to memory, appended afterwards.
    let split = if all_posts.len() >= PARALLEL_FROM {
        all_posts.len() / 2
    } else {
        all_posts.len()
    };
    let second = std::thread::scope(|scope| -> Result<ExportSummary> {
        let known = &known;
        let all_posts = &all_posts;
        let second = (split < all_posts.len()).then(|| {
            scope.spawn(move || -> io::Result<(Vec<u8>, ExportSummary)> {
                let room = all_posts.len() - split;
                let mut cal =
                    Calendar::new(ContentLines::new(Vec::with_capacity(room * 1024)), known);
                cal.posts(all_posts.part(split..all_posts.len()))?;
                let summary = cal.summary;
                Ok((cal.w.into_inner()?, summary))
            })
        });
        cal.posts(all_posts.part(0..split))?;
        let Some(second) = second else {
            return Ok(ExportSummary::default());
        };
        let (bytes, summary) = second
            .join()
            .map_err(|_| Error::Io(io::Error::other("the export thread panicked")))??;
        cal.w.append(&bytes)?;
        Ok(summary)
    })?;
    cal.w.end("VCALENDAR")?;
    let bytes = cal.w.bytes();
    cal.w.into_inner()?.flush()?;
    Ok(ExportSummary {
        posts: cal.summary.posts + second.posts,
        events: cal.summary.events,
        cancelled: cal.summary.cancelled + second.cancelled,
        bytes,
    })
}

/// From how many posts an export is written by two threads.
const PARALLEL_FROM: usize = 4096;

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
    channels: IdMap<'a, &'a Shown<'a>>,
    objectives: IdMap<'a, &'a Shown<'a>>,
    event_titles: IdMap<'a, &'a str>,
    filter: &'a ExportFilter,
    cutoff: DateTime<Utc>,
    range: Range,
}

struct Calendar<'a, W: Write> {
    w: ContentLines<W>,
    known: &'a Known<'a>,
    /// The channels of the post being written (kept to reuse its allocation).
    shown: Vec<&'a Shown<'a>>,
    scratch: String,
    summary: ExportSummary,
}

impl<'a, W: Write> Calendar<'a, W> {
    fn new(w: ContentLines<W>, known: &'a Known<'a>) -> Self {
        Calendar {
            w,
            known,
            shown: Vec::with_capacity(8),
            scratch: String::with_capacity(256),
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
            if let Some(c) = self.known.channels.get(only.as_str()) {
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
            p.deleted || p.updated_at >= self.known.cutoff
        } else {
            f.wants_status(p.status)
        };
        if !status_ok {
            return false;
        }
        if !f.channel_ids.is_empty()
            && !p
                .channel_ids
                .iter()
                .any(|c| f.channel_ids.iter().any(|w| w == c))
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
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
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
        self.stamp("DTSTAMP", updated_at)?;
        self.stamp("CREATED", created_at)?;
        self.stamp("LAST-MODIFIED", updated_at)
    }

    fn stamp(&mut self, name: &str, t: DateTime<Utc>) -> io::Result<()> {
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
            e.meta.created_at,
            e.meta.updated_at,
        )?;
        match &e.when {
            EventWhen::AllDay { start, end } => {
                self.day("DTSTART;VALUE=DATE", *start)?;
                // DTEND of an all-day event is the day after the last one (exclusive).
                self.day("DTEND;VALUE=DATE", end.succ_opt().unwrap_or(*end))?;
            }
            EventWhen::Timed { start, end, .. } => {
                self.stamp("DTSTART", *start)?;
                if end > start {
                    self.stamp("DTEND", *end)?;
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
        let mut shown = std::mem::take(&mut self.shown);
        shown.clear();
        shown.extend(
            p.channel_ids
                .iter()
                .filter_map(|id| self.known.channels.get(id).copied()),
        );
        let objective = p
            .objective_id
            .and_then(|id| self.known.objectives.get(id).copied());
        let l = self.known.labels;

        self.w.begin("VEVENT")?;
        self.identity(Uid::Post(p.id), p.revision, p.created_at, p.updated_at)?;
        match p.planned {
            ExportPlanned::At(at) => {
                self.stamp("DTSTART", at)?;
                let minutes = p.duration_minutes.unwrap_or(DEFAULT_POST_MINUTES);
                self.stamp("DTEND", at + Duration::minutes(minutes))?;
            }
            ExportPlanned::Day(date) => {
                self.day("DTSTART;VALUE=DATE", date)?;
                self.day("DTEND;VALUE=DATE", date.succ_opt().unwrap_or(date))?;
            }
        }

        // SUMMARY: the channels' icons, the channel's name when there is one, the title.
        let line = self.w.start_line("SUMMARY");
        if p.status == PostStatus::Held && !cancelled {
            line.extend_from_slice(l.held_prefix.as_bytes());
        }
        for c in &shown {
            line.extend_from_slice(c.icon.as_bytes());
        }
        if let [only] = shown.as_slice() {
            line.push(b' ');
            line.extend_from_slice(&only.escaped);
            line.extend_from_slice(" · ".as_bytes());
        } else if !shown.is_empty() {
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
        let line = self.w.start_line("DESCRIPTION");
        let mut first = true;
        let mut fact = |line: &mut Vec<u8>, label: &str, value: Fact| {
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
            escape_bytes(line, label);
            escape_bytes(line, l.separator);
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
            fact(line, l.objective, Fact::Escaped(&o.escaped, o.name));
        }
        fact(line, l.customer_value, Fact::Text(p.customer_value));
        fact(line, l.status, Fact::Text(l.status(status)));
        if let [only] = shown.as_slice() {
            fact(line, l.channels, Fact::Escaped(&only.escaped, only.name));
        } else if !shown.is_empty() {
            scratch.clear();
            for (i, c) in shown.iter().enumerate() {
                if i > 0 {
                    scratch.push_str(", ");
                }
                scratch.push_str(c.name);
            }
            fact(line, l.channels, Fact::Text(scratch));
        }
        if let Some(title) = p.event_id.and_then(|id| self.known.event_titles.get(id)) {
            fact(line, l.event, Fact::Text(title));
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
            fact(line, l.tags, Fact::Text(scratch));
        }
        let url = published_url(p);
        if let Some(url) = url {
            fact(line, l.published, Fact::Text(url));
        }
        if !p.links.is_empty() {
            scratch.clear();
            for (i, link) in p.links.iter().enumerate() {
                if i > 0 {
                    scratch.push('\n');
                }
                scratch.push_str(link);
            }
            fact(line, l.links, Fact::Text(scratch));
        }
        self.w.finish_line()?;

        // CATEGORIES: the channels' names, then the objective's title (escaped once per export).
        let line = self.w.start_line("CATEGORIES");
        let header = line.len();
        for c in shown.iter().copied().chain(objective) {
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
            .or(shown.first().map(|c| c.color))
            .flatten();
        if let Some(name) = color {
            self.w.raw("COLOR", name)?;
        }
        if let (Some(minutes), false) = (self.known.filter.alarm_minutes, cancelled) {
            self.w.begin("VALARM")?;
            self.w.raw("ACTION", "DISPLAY")?;
            self.w.text("DESCRIPTION", p.title)?;
            push_duration_before(self.w.start_line("TRIGGER"), minutes);
            self.w.finish_line()?;
            self.w.end("VALARM")?;
        }
        self.w.end("VEVENT")?;
        self.shown = shown;
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
