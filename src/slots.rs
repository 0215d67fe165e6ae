//! Recurrence of publication slots: a checked subset of RFC 5545 RRULE, expanded over whole days
//! with the `rrule` crate and bounded so that no rule expands forever.
//!
//! Supported: `FREQ` (DAILY, WEEKLY, MONTHLY, YEARLY), `INTERVAL`, `COUNT`, `BYDAY` (with ordinals
//! for monthly and yearly rules: `1MO`, `-1FR`), `BYMONTHDAY`, `BYMONTH`, `BYSETPOS`, `WKST`.
//! The time of day, the end date and skipped days are the slot's own fields, so `UNTIL`,
//! `BYHOUR`, `BYMINUTE`, `BYSECOND`, `DTSTART` and finer frequencies are refused.
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Longest rule text accepted.
pub const MAX_RULE_LEN: usize = 300;
/// Most occurrences looked at by one expansion (from the slot's start), whatever the range.
pub const MAX_SCAN: usize = 20_000;
/// Largest `INTERVAL` and `COUNT` accepted.
pub const MAX_INTERVAL: u32 = 1_000;
pub const MAX_COUNT: u32 = 10_000;

const KEYS: &[&str] = &[
    "FREQ",
    "INTERVAL",
    "COUNT",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
];

/// A rule checked against the subset, ready to expand.
#[derive(Debug, Clone)]
pub struct Recurrence {
    rule: rrule::RRule<rrule::Unvalidated>,
    /// The rule as stored: upper case, without `RRULE:`.
    text: String,
}

fn bad(reason: impl Into<String>) -> Error {
    Error::invalid("rule", reason)
}

impl Recurrence {
    /// Parses and checks a rule such as `FREQ=WEEKLY;BYDAY=TU,TH` (an `RRULE:` prefix is allowed).
    pub fn parse(text: &str) -> Result<Recurrence> {
        let trimmed = text.trim();
        if trimmed.len() > MAX_RULE_LEN {
            return Err(bad(format!("a rule is at most {MAX_RULE_LEN} characters")));
        }
        if !trimmed.is_ascii() || trimmed.chars().any(|c| c.is_ascii_control()) {
            return Err(bad(
                "a rule is plain ASCII text like FREQ=WEEKLY;BYDAY=TU,TH",
            ));
        }
        let upper = trimmed.to_ascii_uppercase();
        let body = upper.strip_prefix("RRULE:").unwrap_or(&upper).trim();
        if body.is_empty() {
            return Err(Error::Empty { field: "rule" });
        }
        let mut freq = None;
        let mut parts = Vec::new();
        for part in body.split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| bad(format!("\"{part}\" is not KEY=VALUE")))?;
            let key = key.trim();
            let value = value.trim();
            if !KEYS.contains(&key) {
                return Err(bad(format!(
                    "{key} is not supported (use the slot's time, end date and skipped days)"
                )));
            }
            if parts.iter().any(|(k, _): &(&str, &str)| *k == key) {
                return Err(bad(format!("{key} is given twice")));
            }
            if value.is_empty() {
                return Err(bad(format!("{key} has no value")));
            }
            match key {
                "FREQ" => {
                    if !["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].contains(&value) {
                        return Err(bad(format!(
                            "FREQ={value}: use DAILY, WEEKLY, MONTHLY or YEARLY"
                        )));
                    }
                    freq = Some(value);
                }
                "INTERVAL" | "COUNT" => {
                    let max = if key == "COUNT" {
                        MAX_COUNT
                    } else {
                        MAX_INTERVAL
                    };
                    match value.parse::<u32>() {
                        Ok(n) if (1..=max).contains(&n) => {}
                        _ => return Err(bad(format!("{key} is a number from 1 to {max}"))),
                    }
                }
                _ => {
                    if value.split(',').count() > 64 {
                        return Err(bad(format!("{key} has too many values")));
                    }
                }
            }
            parts.push((key, value));
        }
        if freq.is_none() {
            return Err(bad("FREQ is missing (DAILY, WEEKLY, MONTHLY or YEARLY)"));
        }
        let normalized = parts
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";");
        let rule: rrule::RRule<rrule::Unvalidated> = normalized
            .parse()
            .map_err(|e: rrule::RRuleError| bad(e.to_string()))?;
        let r = Recurrence {
            rule,
            text: normalized,
        };
        // The crate's own checks need a start; any day will do to check the values.
        r.validated(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default())?;
        Ok(r)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn validated(&self, start: NaiveDate) -> Result<rrule::RRuleSet> {
        let dt_start = rrule::Tz::UTC.from_utc_datetime(&start.and_time(NaiveTime::MIN));
        let rule = self
            .rule
            .clone()
            .validate(dt_start)
            .map_err(|e| bad(e.to_string()))?;
        Ok(rrule::RRuleSet::new(dt_start).rrule(rule).limit())
    }

    /// A later start that yields the same days from `from` on: daily and weekly rules without
    /// `COUNT` repeat every `INTERVAL` days or weeks, so whole periods before `from` can be
    /// skipped (this keeps long-running slots cheap to expand far from their start).
    fn fast_forward(&self, start: NaiveDate, from: NaiveDate) -> NaiveDate {
        use rrule::Frequency;
        if self.rule.get_count().is_some() {
            return start;
        }
        let interval = i64::from(self.rule.get_interval().max(1));
        let step = match self.rule.get_freq() {
            Frequency::Daily => interval,
            Frequency::Weekly => 7 * interval,
            _ => return start,
        };
        let gap = (from - start).num_days() - 7;
        if gap <= step {
            return start;
        }
        start + Duration::days(gap / step * step)
    }

    /// The days of the rule counted from `start`, up to `until` (inclusive), that fall in
    /// `[from, to)`, without the `skipped` days. At most `MAX_SCAN` occurrences are looked at.
    pub fn days(
        &self,
        start: NaiveDate,
        until: Option<NaiveDate>,
        skipped: &[NaiveDate],
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Vec<NaiveDate>> {
        let mut out = Vec::new();
        let end = match until {
            Some(u) => to.min(u + Duration::days(1)),
            None => to,
        };
        if end <= from || end <= start {
            return Ok(out);
        }
        let set = self.validated(self.fast_forward(start, from))?;
        for (n, t) in set.into_iter().enumerate() {
            if n >= MAX_SCAN {
                break;
            }
            let day = t.date_naive();
            if day >= end {
                break;
            }
            if day >= from && !skipped.contains(&day) {
                out.push(day);
            }
        }
        Ok(out)
    }
}

/// The instant of `time` on `day` in `tz`, and the wall-clock time it shows. A time skipped by
/// a DST jump moves forward by the gap (RFC 5545: the offset before the gap applies); a time
/// that happens twice is the first.
pub fn local_instant(
    day: NaiveDate,
    time: NaiveTime,
    tz: Tz,
) -> (DateTime<Utc>, NaiveDateTime, bool) {
    let local = day.and_time(time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
            (t.with_timezone(&Utc), local, false)
        }
        LocalResult::None => {
            // The offset in force just before the gap, applied to the wall-clock time.
            let before = (1..=48)
                .map(|q| local - Duration::minutes(15 * q))
                .find_map(|l| match tz.from_local_datetime(&l) {
                    LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t),
                    LocalResult::None => None,
                });
            match before {
                Some(b) => {
                    let offset = b.naive_local() - b.naive_utc();
                    let at = Utc.from_utc_datetime(&(local - offset));
                    (at, at.with_timezone(&tz).naive_local(), true)
                }
                None => {
                    let at = Utc.from_utc_datetime(&local);
                    (at, local, true)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_moves_forward_by_the_gap() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
        let t = NaiveTime::from_hms_opt(2, 30, 0).expect("time");
        let (at, local, shifted) = local_instant(day, t, chrono_tz::Europe::Paris);
        assert!(shifted);
        assert_eq!(at.to_rfc3339(), "2026-03-29T01:30:00+00:00");
        assert_eq!(local.format("%H:%M").to_string(), "03:30");
    }
}
