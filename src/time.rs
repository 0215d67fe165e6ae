//! Zones, wall-clock times and weeks. Instants are UTC; what a person sees is local.
use crate::error::{Error, Result};
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;

/// An IANA zone name, checked.
pub fn parse_zone(field: &'static str, name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| Error::UnknownZone {
        field,
        zone: name.to_owned(),
    })
}

/// The wall-clock time of `at` in `zone` (UTC if the zone name is unknown, which validation prevents).
pub fn local_of(at: DateTime<Utc>, zone: &str) -> NaiveDateTime {
    match zone.parse::<Tz>() {
        Ok(tz) => at.with_timezone(&tz).naive_local(),
        Err(_) => at.naive_utc(),
    }
}

/// The instant a wall-clock time denotes in `zone`. A time skipped by a DST jump is refused;
/// a time that happens twice (clocks going back) is the first of the two.
pub fn to_utc(field: &'static str, local: NaiveDateTime, zone: &str) -> Result<DateTime<Utc>> {
    let tz = parse_zone(field, zone)?;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Error::NonexistentLocalTime {
            field,
            local: local.format("%Y-%m-%d %H:%M").to_string(),
            zone: zone.to_owned(),
        }),
    }
}

/// The first instant of `day` in `tz` (midnight, or the first minute that exists that day).
pub fn start_of_day(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut t = day.and_time(NaiveTime::MIN);
    for _ in 0..(26 * 4) {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(x) | LocalResult::Ambiguous(x, _) => return x.with_timezone(&Utc),
            LocalResult::None => t += Duration::minutes(15),
        }
    }
    Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// Parses an ISO week like `2026-W49` into its Monday.
pub fn parse_iso_week(text: &str) -> Result<NaiveDate> {
    let bad = || {
        Error::invalid(
            "week",
            format!("\"{text}\" is not an ISO week like 2026-W49"),
        )
    };
    let (year, week) = text.trim().split_once(['-', ' ']).ok_or_else(bad)?;
    let week = week.trim_start_matches(['W', 'w']);
    let year: i32 = year.parse().map_err(|_| bad())?;
    let week: u32 = week.parse().map_err(|_| bad())?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)
}

/// The ISO week label of a day, e.g. `2026-W49`.
pub fn iso_week_label(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Monday of the week containing `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test date")
    }

    #[test]
    fn paris_ten_o_clock_across_dst() {
        let winter = to_utc("t", dt("2026-03-27 10:00"), "Europe/Paris").expect("valid");
        let summer = to_utc("t", dt("2026-03-30 10:00"), "Europe/Paris").expect("valid");
        assert_eq!(winter.to_rfc3339(), "2026-03-27T09:00:00+00:00");
        assert_eq!(summer.to_rfc3339(), "2026-03-30T08:00:00+00:00");
        assert_eq!(local_of(summer, "America/Toronto"), dt("2026-03-30 04:00"));
    }

    #[test]
    fn skipped_time_is_refused_and_repeated_time_takes_the_first() {
        let err = to_utc("planned", dt("2026-03-29 02:30"), "Europe/Paris").expect_err("gap");
        assert_eq!(err.code(), "nonexistent_local_time");
        let t = to_utc("t", dt("2026-10-25 02:30"), "Europe/Paris").expect("valid");
        assert_eq!(t.to_rfc3339(), "2026-10-25T00:30:00+00:00");
        assert_eq!(
            parse_zone("timezone", "Mars/Olympus")
                .expect_err("unknown")
                .code(),
            "unknown_zone"
        );
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(
            parse_iso_week("2026-W49").expect("valid"),
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
        );
        assert_eq!(
            parse_iso_week("2027-W01").expect("valid"),
            NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
        );
        assert!(parse_iso_week("2026-W54").is_err());
        assert!(parse_iso_week("next week").is_err());
        assert_eq!(
            iso_week_label(NaiveDate::from_ymd_opt(2026, 12, 31).expect("date")),
            "2026-W53"
        );
    }
}
