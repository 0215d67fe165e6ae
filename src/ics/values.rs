//! Dates, instants, numbers and durations as iCalendar text, appended to a line by hand
//! (chrono's `format` parses its format string every time: too slow for 100,000 events).
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// "00" to "99".
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

fn push_pair(buf: &mut Vec<u8>, n: u32) {
    let i = (n % 100) as usize * 2;
    buf.extend_from_slice(&PAIRS[i..i + 2]);
}

/// `n` in decimal, with leading zeros up to `width` digits.
pub(crate) fn push_int(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    while n > 0 || digits.len() - i < width {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    buf.extend_from_slice(&digits[i..]);
}

/// `YYYYMMDD`.
pub(crate) fn push_date(buf: &mut Vec<u8>, d: NaiveDate) {
    let year = d.year().max(0) as u32;
    if year < 10_000 {
        push_pair(buf, year / 100);
        push_pair(buf, year);
    } else {
        push_int(buf, u64::from(year), 4);
    }
    push_pair(buf, d.month());
    push_pair(buf, d.day());
}

/// `YYYYMMDDTHHMMSSZ`: a UTC instant, the form every client reads the same way.
pub(crate) fn push_utc(buf: &mut Vec<u8>, t: DateTime<Utc>) {
    push_date(buf, t.date_naive());
    buf.push(b'T');
    push_pair(buf, t.hour());
    push_pair(buf, t.minute());
    push_pair(buf, t.second());
    buf.push(b'Z');
}

/// `-PT30M`, `-PT2H`, `-P1D`, `-PT1H30M`.
pub(crate) fn push_duration_before(buf: &mut Vec<u8>, minutes: u32) {
    buf.extend_from_slice(b"-P");
    let (days, rest) = (minutes / 1440, minutes % 1440);
    if days > 0 {
        push_int(buf, u64::from(days), 1);
        buf.push(b'D');
    }
    if rest > 0 || days == 0 {
        buf.push(b'T');
        let (h, m) = (rest / 60, rest % 60);
        if h > 0 {
            push_int(buf, u64::from(h), 1);
            buf.push(b'H');
        }
        if m > 0 || h == 0 {
            push_int(buf, u64::from(m), 1);
            buf.push(b'M');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut buf = Vec::new();
        f(&mut buf);
        String::from_utf8(buf).expect("ASCII")
    }

    #[test]
    fn formats() {
        let t = DateTime::parse_from_rfc3339("2026-03-29T01:05:09.123Z")
            .expect("time")
            .with_timezone(&Utc);
        assert_eq!(text(|b| push_utc(b, t)), "20260329T010509Z");
        for (d, s) in [
            ((2026, 12, 3), "20261203"),
            ((987, 1, 31), "09870131"),
            ((12026, 10, 9), "120261009"),
        ] {
            let d = NaiveDate::from_ymd_opt(d.0, d.1, d.2).expect("date");
            assert_eq!(text(|b| push_date(b, d)), s);
        }
        assert_eq!(text(|b| push_int(b, 0, 1)), "0");
        assert_eq!(text(|b| push_int(b, 1234567, 1)), "1234567");
        for (m, s) in [
            (0, "-PT0M"),
            (30, "-PT30M"),
            (60, "-PT1H"),
            (90, "-PT1H30M"),
            (1440, "-P1D"),
            (1500, "-P1DT1H"),
        ] {
            assert_eq!(text(|b| push_duration_before(b, m)), s);
        }
    }
}
