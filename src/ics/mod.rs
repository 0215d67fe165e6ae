//! iCalendar (RFC 5545, RFC 7986) export of a plan, for Outlook, Google Calendar, Apple
//! Calendar and Thunderbird.
//!
//! Choices that make re-imports and subscriptions behave:
//! - UIDs come from the row's UUID and never change: `<uuid>@cadence` for posts,
//!   `event-<uuid>@cadence` for one-off events. SEQUENCE is the row's revision, DTSTAMP and
//!   LAST-MODIFIED its `updated_at`, CREATED its `created_at`, all in UTC. An export is
//!   therefore a pure function of the stored rows and the day: feeds can cache it.
//! - Timed posts are written as UTC instants (`DTSTART:20261203T090000Z`), which every
//!   client places correctly in any zone and on either side of a DST change; date-only posts
//!   and all-day events are `VALUE=DATE` with an exclusive DTEND.
//! - Cancelled and deleted posts (and deleted events) stay in the export as
//!   `STATUS:CANCELLED` for the retention window, so subscribed clients remove them.
//! - Lines are written by [`writer::ContentLines`], which escapes, folds and streams
//!   (see there why the `ics` crate is not used).
mod calendar;
mod labels;
mod snapshot;
mod values;
pub mod writer;

pub use calendar::{
    retention_cutoff, write_calendar, write_calendar_with_spare, ExportSummary,
    DEFAULT_POST_MINUTES, REFRESH_INTERVAL,
};
pub use labels::css_color_name;

use crate::error::{Error, Result};

/// The UID of a post in every export, forever.
pub fn post_uid(post_id: &str) -> String {
    format!("{post_id}@cadence")
}

/// The UID of a one-off event in every export, forever.
pub fn event_uid(event_id: &str) -> String {
    format!("event-{event_id}@cadence")
}

/// The longest reminder accepted: one week before.
pub const MAX_ALARM_MINUTES: u32 = 7 * 24 * 60;

/// Parses a reminder like `30m`, `2h`, `1d`, `1h30m` or `45` (minutes) into minutes.
pub fn parse_alarm(text: &str) -> Result<u32> {
    let bad = || {
        Error::invalid(
            "alarm",
            format!("\"{text}\" is not a delay like 30m, 2h or 1d"),
        )
    };
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: u64 = number.parse().map_err(|_| bad())?;
        number.clear();
        total += n * match c {
            'm' => 1,
            'h' => 60,
            'd' => 1440,
            _ => return Err(bad()),
        };
    }
    if !number.is_empty() {
        total += number.parse::<u64>().map_err(|_| bad())?;
    }
    if total > u64::from(MAX_ALARM_MINUTES) {
        return Err(Error::invalid(
            "alarm",
            "a reminder is at most 7 days before",
        ));
    }
    Ok(total as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alarms() {
        assert_eq!(parse_alarm("30m").expect("ok"), 30);
        assert_eq!(parse_alarm("2h").expect("ok"), 120);
        assert_eq!(parse_alarm("1h30m").expect("ok"), 90);
        assert_eq!(parse_alarm("1D").expect("ok"), 1440);
        assert_eq!(parse_alarm("45").expect("ok"), 45);
        for bad in ["", "m", "30x", "demain", "8d", "-5m"] {
            assert_eq!(
                parse_alarm(bad).expect_err("refused").code(),
                "invalid",
                "{bad}"
            );
        }
    }
}
