//! Reading events from an .ics file another calendar wrote, strictly: a file with broken line
//! folding, an event without UID, an absurd date or a recurrence without end is refused whole.
use crate::error::{Error, Result};
use crate::spreadsheet::cells::YEARS;
use chrono::{NaiveDate, NaiveDateTime};

/// The largest .ics file accepted.
pub const MAX_ICS_BYTES: usize = 20 * 1024 * 1024;
/// Events beyond this are refused.
pub const MAX_EVENTS: usize = 10_000;
/// The longest unfolded line accepted.
const MAX_LINE: usize = 200_000;

/// When an imported event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsWhen {
    /// Days, end inclusive.
    AllDay { start: NaiveDate, end: NaiveDate },
    /// Wall-clock times in `zone` (`UTC` for times ending in Z, `None` for floating times).
    Timed {
        start: NaiveDateTime,
        end: NaiveDateTime,
        zone: Option<String>,
    },
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Line of its BEGIN:VEVENT in the file.
    pub line: usize,
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub when: IcsWhen,
}

/// A property line: name (upper case), parameters, value.
type Property = (String, String, String);

fn bad(line: usize, reason: impl Into<String>) -> Error {
    Error::ImportRow {
        row: line,
        column: "ics".into(),
        reason: reason.into(),
    }
}

/// Parses every VEVENT of `bytes` (UTF-8).
pub fn parse(bytes: &[u8]) -> Result<Vec<IcsEvent>> {
    if bytes.len() > MAX_ICS_BYTES {
        return Err(Error::FileTooLarge {
            bytes: bytes.len() as u64,
            max: MAX_ICS_BYTES as u64,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Unfold (RFC 5545 §3.1): a line starting with a space or tab continues the previous one.
    // Folding is undone on bytes, before UTF-8 is checked: a writer may fold in the middle
    // of a character, and the RFC asks readers to put the character back together.
    let mut folded: Vec<(usize, Vec<u8>)> = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if let Some((&(b' ' | b'\t'), rest)) = raw.split_first() {
            let Some((_, last)) = folded.last_mut() else {
                return Err(bad(i + 1, "a folded line continues nothing"));
            };
            if last.len() + rest.len() > MAX_LINE {
                return Err(bad(i + 1, "a line longer than 200,000 bytes"));
            }
            last.extend_from_slice(rest);
        } else if !raw.is_empty() {
            folded.push((i + 1, raw.to_vec()));
        }
    }
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(folded.len());
    for (n, line) in folded {
        let line = String::from_utf8(line).map_err(|e| Error::UnsupportedFile {
            reason: format!(
                "an .ics file is UTF-8; line {n} is not (byte {})",
                e.utf8_error().valid_up_to() + 1
            ),
        })?;
        lines.push((n, line));
    }
    // Checked once unfolded (a writer may fold before the colon), after UTF-8.
    if let Some((n, _)) = lines.iter().find(|(_, l)| !l.contains(':')) {
        return Err(bad(*n, "a line without \":\" (broken folding?)"));
    }
    if lines.first().map(|(_, l)| l.as_str()) != Some("BEGIN:VCALENDAR") {
        return Err(Error::UnsupportedFile {
            reason: "not an iCalendar file (no BEGIN:VCALENDAR)".into(),
        });
    }
    let mut events = Vec::new();
    let mut current: Option<(usize, Vec<Property>)> = None;
    let mut depth = 0usize;
    for (n, line) in &lines {
        let (head, value) = line.split_once(':').unwrap_or((line, ""));
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        let name = name.to_ascii_uppercase();
        match (name.as_str(), value) {
            ("BEGIN", "VEVENT") if current.is_none() => current = Some((*n, Vec::new())),
            ("END", "VEVENT") if depth == 0 => {
                let (start, props) = current
                    .take()
                    .ok_or_else(|| bad(*n, "END:VEVENT without BEGIN"))?;
                events.push(event(start, &props)?);
                if events.len() > MAX_EVENTS {
                    return Err(bad(*n, format!("more than {MAX_EVENTS} events")));
                }
            }
            ("BEGIN", _) if current.is_some() => depth += 1,
            ("END", _) if current.is_some() => depth = depth.saturating_sub(1),
            _ => {
                if let Some((_, props)) = current.as_mut() {
                    if depth == 0 {
                        props.push((name, params.to_owned(), value.to_owned()));
                    }
                }
            }
        }
    }
    if let Some((n, _)) = current {
        return Err(bad(n, "a VEVENT that never ends"));
    }
    Ok(events)
}

fn event(line: usize, props: &[Property]) -> Result<IcsEvent> {
    let get = |k: &str| props.iter().find(|(n, _, _)| n == k);
    let text = |k: &str| get(k).map(|(_, _, v)| unescape(v)).unwrap_or_default();
    let uid = text("UID");
    if uid.trim().is_empty() {
        return Err(bad(line, "an event without UID"));
    }
    if let Some((_, _, rule)) = get("RRULE") {
        // COUNT or UNTIL as a part of the rule (not inside another name, like X-COUNT).
        let bounded = rule.split(';').any(|part| {
            part.split_once('=').is_some_and(|(key, _)| {
                let key = key.trim();
                key.eq_ignore_ascii_case("COUNT") || key.eq_ignore_ascii_case("UNTIL")
            })
        });
        if !bounded {
            return Err(bad(
                line,
                format!("event {uid} repeats forever (RRULE without COUNT or UNTIL)"),
            ));
        }
    }
    let (_, sp, sv) =
        get("DTSTART").ok_or_else(|| bad(line, format!("event {uid} has no DTSTART")))?;
    let start = when(line, sp, sv)?;
    let end = match get("DTEND") {
        Some((_, ep, ev)) => Some(when(line, ep, ev)?),
        None => None,
    };
    let when = match (start, end) {
        (Value::Date(s), Some(Value::Date(e))) => IcsWhen::AllDay {
            start: s,
            // DTEND of an all-day event is exclusive.
            end: e.pred_opt().filter(|e| *e >= s).unwrap_or(s),
        },
        (Value::Date(s), None) => IcsWhen::AllDay { start: s, end: s },
        (Value::Time(s, zone), Some(Value::Time(e, _))) => IcsWhen::Timed {
            start: s,
            end: e,
            zone,
        },
        (Value::Time(s, zone), None) => IcsWhen::Timed {
            start: s,
            end: s,
            zone,
        },
        _ => {
            return Err(bad(
                line,
                format!("event {uid}: DTSTART and DTEND of different kinds"),
            ))
        }
    };
    Ok(IcsEvent {
        line,
        uid,
        summary: text("SUMMARY"),
        description: text("DESCRIPTION"),
        location: text("LOCATION"),
        when,
    })
}

enum Value {
    Date(NaiveDate),
    Time(NaiveDateTime, Option<String>),
}

fn when(line: usize, params: &str, value: &str) -> Result<Value> {
    let v = value.trim();
    let check = |d: NaiveDate| {
        if YEARS.contains(&chrono::Datelike::year(&d)) {
            Ok(d)
        } else {
            Err(bad(line, format!("date {v} is out of range")))
        }
    };
    if v.len() == 8 {
        let d = NaiveDate::parse_from_str(v, "%Y%m%d")
            .map_err(|_| bad(line, format!("\"{v}\" is not a date")))?;
        return Ok(Value::Date(check(d)?));
    }
    let (t, utc) = match v.strip_suffix('Z') {
        Some(t) => (t, true),
        None => (v, false),
    };
    let t = NaiveDateTime::parse_from_str(t, "%Y%m%dT%H%M%S")
        .map_err(|_| bad(line, format!("\"{v}\" is not a date-time")))?;
    check(t.date())?;
    let zone = if utc {
        Some("UTC".to_owned())
    } else {
        params
            .split(';')
            .find_map(|p| p.strip_prefix("TZID="))
            .map(|z| z.trim_matches('"').to_owned())
    };
    Ok(Value::Time(t, zone))
}

fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}
