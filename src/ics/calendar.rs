//! A plan as one VCALENDAR: posts and one-off events become VEVENTs, streamed to a writer.
use super::labels::{css_color_name, event_icon, platform_icon, Labels};
use super::writer::{escape_into, ContentLines};
use super::{event_uid, post_uid};
use crate::error::{Error, Result};
use crate::model::{
    Channel, Event, EventWhen, ExportFilter, Objective, Plan, Planned, Post, PostStatus,
};
use crate::queries::{channels, events, objectives, plans, posts};
use crate::time::{parse_zone, start_of_day};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use rusqlite::Connection;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

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

/// Writes the plan of `filter` as an iCalendar object to `out` (through a `BufWriter`).
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
    let all_posts = posts::list_for_export(&tx, &plan.id, cutoff)?;
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
    let mut cal = Calendar {
        w: ContentLines::new(Counting {
            inner: BufWriter::with_capacity(256 * 1024, out),
            bytes: 0,
        }),
        labels: Labels::for_locale(&plan.locale),
        channels: channels.iter().map(|c| (c.id.as_str(), c)).collect(),
        objectives: objectives.iter().map(|o| (o.id.as_str(), o)).collect(),
        event_titles: all_events
            .iter()
            .map(|e| (e.id.as_str(), e.title.as_str()))
            .collect(),
        filter,
        cutoff,
        scratch: String::with_capacity(256),
        summary: ExportSummary::default(),
    };
    cal.header(&plan)?;
    for e in &all_events {
        if cal.wants_event(e, &range) {
            cal.event(e)?;
        }
    }
    for p in &all_posts {
        if cal.wants_post(p, &range) {
            cal.post(p)?;
        }
    }
    cal.w.end("VCALENDAR")?;
    let mut counting = cal.w.into_inner();
    counting.inner.flush()?;
    Ok(ExportSummary {
        bytes: counting.bytes,
        ..cal.summary
    })
}

/// Counts the octets that go through.
struct Counting<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

struct Range {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    from_at: Option<DateTime<Utc>>,
    to_at: Option<DateTime<Utc>>,
}

impl Range {
    fn has_day(&self, d: NaiveDate) -> bool {
        self.from.map_or(true, |f| d >= f) && self.to.map_or(true, |t| d <= t)
    }

    fn has_instant(&self, t: DateTime<Utc>) -> bool {
        self.from_at.map_or(true, |f| t >= f) && self.to_at.map_or(true, |e| t < e)
    }

    fn overlaps_days(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.from.map_or(true, |f| end >= f) && self.to.map_or(true, |t| start <= t)
    }

    fn overlaps_instants(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.from_at.map_or(true, |f| end >= f) && self.to_at.map_or(true, |t| start < t)
    }
}

struct Calendar<'a, W: Write> {
    w: ContentLines<Counting<BufWriter<W>>>,
    labels: &'static Labels,
    channels: HashMap<&'a str, &'a Channel>,
    objectives: HashMap<&'a str, &'a Objective>,
    event_titles: HashMap<&'a str, &'a str>,
    filter: &'a ExportFilter,
    cutoff: DateTime<Utc>,
    scratch: String,
    summary: ExportSummary,
}

impl<W: Write> Calendar<'_, W> {
    fn header(&mut self, plan: &Plan) -> io::Result<()> {
        let name = self
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
        if let [only] = self.filter.channel_ids.as_slice() {
            if let Some(c) = self.channels.get(only.as_str()) {
                self.w.raw("X-APPLE-CALENDAR-COLOR", &c.color)?;
            }
        }
        Ok(())
    }

    fn wants_event(&self, e: &Event, range: &Range) -> bool {
        if !self.filter.event_ids.is_empty() && !self.filter.event_ids.contains(&e.id) {
            return false;
        }
        match &e.when {
            EventWhen::AllDay { start, end } => range.overlaps_days(*start, *end),
            EventWhen::Timed { start, end, .. } => range.overlaps_instants(*start, *end),
        }
    }

    fn wants_post(&self, p: &Post, range: &Range) -> bool {
        let f = self.filter;
        let status_ok = if p.status == PostStatus::Cancelled {
            p.meta.deleted_at.is_some() || p.meta.updated_at >= self.cutoff
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
                .any(|c| f.channel_ids.contains(&c.channel_id))
        {
            return false;
        }
        if !f.objective_ids.is_empty()
            && !p
                .objective_id
                .as_ref()
                .is_some_and(|o| f.objective_ids.contains(o))
        {
            return false;
        }
        if !f.event_ids.is_empty() && !p.event_id.as_ref().is_some_and(|e| f.event_ids.contains(e))
        {
            return false;
        }
        match &p.planned {
            Some(Planned::At { at, .. }) => range.has_instant(*at),
            Some(Planned::Day { date }) => range.has_day(*date),
            None => false,
        }
    }

    /// UID, SEQUENCE, DTSTAMP, CREATED, LAST-MODIFIED: what lets a client update in place.
    fn identity(&mut self, uid: &str, meta: &crate::model::RowMeta) -> io::Result<()> {
        self.w.raw("UID", uid)?;
        self.scratch.clear();
        push_int(&mut self.scratch, meta.revision.max(0) as u64, 1);
        let seq = std::mem::take(&mut self.scratch);
        self.w.raw("SEQUENCE", &seq)?;
        self.scratch = seq;
        self.stamp("DTSTAMP", meta.updated_at)?;
        self.stamp("CREATED", meta.created_at)?;
        self.stamp("LAST-MODIFIED", meta.updated_at)
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
        self.identity(&event_uid(&e.id), &e.meta)?;
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
        let kind = self.labels.event_kind(e.kind);
        let line = self.w.start_line("SUMMARY");
        line.push_str(event_icon(e.kind));
        line.push(' ');
        escape_into(line, &e.title);
        self.w.finish_line()?;
        let line = self.w.start_line("DESCRIPTION");
        escape_into(line, kind);
        if !e.description.trim().is_empty() {
            line.push_str("\\n\\n");
            escape_into(line, &e.description);
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

    fn post(&mut self, p: &Post) -> io::Result<()> {
        let cancelled = p.meta.deleted_at.is_some() || p.status == PostStatus::Cancelled;
        let channels: Vec<&Channel> = p
            .channels
            .iter()
            .filter_map(|c| self.channels.get(c.channel_id.as_str()).copied())
            .collect();
        let objective = p
            .objective_id
            .as_deref()
            .and_then(|id| self.objectives.get(id).copied());
        let l = self.labels;

        self.w.begin("VEVENT")?;
        self.identity(&post_uid(&p.id), &p.meta)?;
        match &p.planned {
            Some(Planned::At { at, .. }) => {
                self.stamp("DTSTART", *at)?;
                let minutes = p.duration_minutes.map_or(DEFAULT_POST_MINUTES, i64::from);
                self.stamp("DTEND", *at + Duration::minutes(minutes))?;
            }
            Some(Planned::Day { date }) => {
                self.day("DTSTART;VALUE=DATE", *date)?;
                self.day("DTEND;VALUE=DATE", date.succ_opt().unwrap_or(*date))?;
            }
            None => {}
        }

        // SUMMARY: the channels' icons, the channel's name when there is one, the title.
        let line = self.w.start_line("SUMMARY");
        for c in &channels {
            line.push_str(platform_icon(c.platform));
        }
        if let [only] = channels.as_slice() {
            line.push(' ');
            escape_into(line, &only.name);
            line.push_str(" · ");
        } else if !channels.is_empty() {
            line.push(' ');
        }
        escape_into(line, &p.title);
        self.w.finish_line()?;

        // DESCRIPTION: the text, then one "label: value" line per fact.
        let line = self.w.start_line("DESCRIPTION");
        let mut first = true;
        let mut fact = |line: &mut String, label: &str, value: &str| {
            if value.trim().is_empty() {
                return;
            }
            if !first {
                line.push_str("\\n");
            }
            first = false;
            escape_into(line, label);
            escape_into(line, l.separator);
            escape_into(line, value);
        };
        if !p.body.trim().is_empty() {
            escape_into(line, &p.body);
            line.push_str("\\n\\n");
        }
        if let Some(o) = objective {
            fact(line, l.objective, &o.title);
        }
        fact(line, l.customer_value, &p.customer_value);
        let status = if cancelled {
            PostStatus::Cancelled
        } else {
            p.status
        };
        fact(line, l.status, l.status(status));
        if !channels.is_empty() {
            let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
            fact(line, l.channels, &names.join(", "));
        }
        if let Some(title) = p
            .event_id
            .as_deref()
            .and_then(|id| self.event_titles.get(id))
        {
            fact(line, l.event, title);
        }
        if !p.tags.is_empty() {
            let tags: Vec<String> = p.tags.iter().map(|t| format!("#{t}")).collect();
            fact(line, l.tags, &tags.join(" "));
        }
        if let Some(url) = published_url(p) {
            fact(line, l.published, url);
        }
        if !p.links.is_empty() {
            fact(line, l.links, &p.links.join("\n"));
        }
        self.w.finish_line()?;

        let categories = channels
            .iter()
            .map(|c| c.name.as_str())
            .chain(objective.map(|o| o.title.as_str()));
        self.w.text_list("CATEGORIES", categories)?;
        self.w.raw(
            "STATUS",
            match status {
                PostStatus::Cancelled => "CANCELLED",
                PostStatus::Idea | PostStatus::Draft | PostStatus::InReview => "TENTATIVE",
                PostStatus::Approved | PostStatus::Scheduled | PostStatus::Published => "CONFIRMED",
            },
        )?;
        self.w.raw("TRANSP", "TRANSPARENT")?;
        if let Some(url) = published_url(p) {
            self.w.raw("URL", url)?;
        }
        let color = objective
            .map(|o| o.color.as_str())
            .or(channels.first().map(|c| c.color.as_str()))
            .and_then(css_color_name);
        if let Some(name) = color {
            self.w.raw("COLOR", name)?;
        }
        if let (Some(minutes), false) = (self.filter.alarm_minutes, cancelled) {
            self.w.begin("VALARM")?;
            self.w.raw("ACTION", "DISPLAY")?;
            self.w.text("DESCRIPTION", &p.title)?;
            let line = self.w.start_line("TRIGGER");
            push_duration_before(line, minutes);
            self.w.finish_line()?;
            self.w.end("VALARM")?;
        }
        self.w.end("VEVENT")?;
        self.summary.posts += 1;
        self.summary.cancelled += usize::from(cancelled);
        Ok(())
    }
}

/// The address of a published post, once it is published.
fn published_url(p: &Post) -> Option<&str> {
    (p.status == PostStatus::Published && p.meta.deleted_at.is_none())
        .then_some(p.results.url.as_deref())
        .flatten()
        .filter(|u| !u.is_empty())
}

fn push_int(buf: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    while n > 0 || digits.len() - i < width {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    // The digits are ASCII.
    buf.extend(digits[i..].iter().map(|&b| b as char));
}

/// `YYYYMMDD`.
pub(crate) fn push_date(buf: &mut String, d: NaiveDate) {
    push_int(buf, d.year().max(0) as u64, 4);
    push_int(buf, u64::from(d.month()), 2);
    push_int(buf, u64::from(d.day()), 2);
}

/// `YYYYMMDDTHHMMSSZ`: a UTC instant, the form every client reads the same way.
pub(crate) fn push_utc(buf: &mut String, t: DateTime<Utc>) {
    push_date(buf, t.date_naive());
    buf.push('T');
    push_int(buf, u64::from(t.hour()), 2);
    push_int(buf, u64::from(t.minute()), 2);
    push_int(buf, u64::from(t.second()), 2);
    buf.push('Z');
}

/// `-PT30M`, `-PT2H`, `-P1D`, `-PT1H30M`.
fn push_duration_before(buf: &mut String, minutes: u32) {
    buf.push('-');
    let (days, rest) = (minutes / 1440, minutes % 1440);
    buf.push('P');
    if days > 0 {
        push_int(buf, u64::from(days), 1);
        buf.push('D');
    }
    if rest > 0 || days == 0 {
        buf.push('T');
        let (h, m) = (rest / 60, rest % 60);
        if h > 0 {
            push_int(buf, u64::from(h), 1);
            buf.push('H');
        }
        if m > 0 || h == 0 {
            push_int(buf, u64::from(m), 1);
            buf.push('M');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let mut s = String::new();
        let t = DateTime::parse_from_rfc3339("2026-03-29T01:05:09.123Z")
            .expect("time")
            .with_timezone(&Utc);
        push_utc(&mut s, t);
        assert_eq!(s, "20260329T010509Z");
        for (m, text) in [
            (0, "-PT0M"),
            (30, "-PT30M"),
            (60, "-PT1H"),
            (90, "-PT1H30M"),
            (1440, "-P1D"),
            (1500, "-P1DT1H"),
        ] {
            let mut s = String::new();
            push_duration_before(&mut s, m);
            assert_eq!(s, text);
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
