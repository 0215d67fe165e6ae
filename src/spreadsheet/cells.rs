//! Reading and writing one cell.
use crate::model::PostStatus;
use chrono::{NaiveDate, NaiveTime};

/// Lower case, accents removed, punctuation turned to single spaces: how headers and labels
/// are compared.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// The years a date may fall in; anything else is a typo (year 0, 9999…).
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2199;

/// A date in ISO (`2026-12-03`) or French (`03/12/2026`, `3-12-2026`, `03.12.26`) form.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).map(str::trim).collect();
    let nums: Vec<i64> = parts
        .iter()
        .map(|p| p.parse::<i64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("\"{t}\" is not a date like 03/12/2026 or 2026-12-03"))?;
    let (y, m, d) = match (parts.as_slice(), nums.as_slice()) {
        ([y, ..], [yy, mm, dd]) if y.len() == 4 => (*yy, *mm, *dd),
        ([_, _, y], [dd, mm, yy]) if y.len() == 4 => (*yy, *mm, *dd),
        ([_, _, y], [dd, mm, yy]) if y.len() == 2 => (2000 + *yy, *mm, *dd),
        _ => {
            return Err(format!(
                "\"{t}\" is not a date like 03/12/2026 or 2026-12-03"
            ))
        }
    };
    if !(i64::from(*YEARS.start())..=i64::from(*YEARS.end())).contains(&y) {
        return Err(format!(
            "year {y} is out of range ({}–{})",
            YEARS.start(),
            YEARS.end()
        ));
    }
    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
        .ok_or_else(|| format!("\"{t}\" is not a day of the calendar"))
}

/// A time like `10:00`, `10:00:00`, `10h`, `10h30` or `10 h 30`.
pub fn time(text: &str) -> Result<NaiveTime, String> {
    let t = text.trim().to_lowercase().replace(' ', "");
    let bad = || format!("\"{}\" is not a time like 10:30 or 10h30", text.trim());
    let (h, rest) = t.split_once([':', 'h']).unwrap_or((&t, ""));
    let mut rest = rest.splitn(2, ':');
    let m = rest.next().filter(|m| !m.is_empty()).unwrap_or("0");
    let s = rest.next().unwrap_or("0");
    let parse = |x: &str| x.parse::<u32>().map_err(|_| bad());
    NaiveTime::from_hms_opt(parse(h)?, parse(m)?, parse(s)?).ok_or_else(bad)
}

/// A status in English or French; empty means draft.
pub fn status(text: &str) -> Result<PostStatus, String> {
    let f = fold(text);
    if f.is_empty() {
        return Ok(PostStatus::Draft);
    }
    if let Some(s) = PostStatus::parse(&f) {
        return Ok(s);
    }
    Ok(match f.as_str() {
        "idee" | "idees" => PostStatus::Idea,
        "brouillon" | "a rediger" | "en cours" => PostStatus::Draft,
        "en relecture" | "a valider" | "en validation" | "review" => PostStatus::InReview,
        "approuve" | "valide" | "ok" => PostStatus::Approved,
        "programme" | "planifie" => PostStatus::Scheduled,
        "publie" | "en ligne" => PostStatus::Published,
        "annule" | "abandonne" => PostStatus::Cancelled,
        _ => {
            return Err(format!(
                "\"{}\" is not a status (idée, brouillon, à valider, approuvé, programmé, publié, annulé)",
                text.trim()
            ))
        }
    })
}

/// Several values in one cell: separated by `;`, `|` or new lines (and `,` for channels and tags).
pub fn list(text: &str, commas: bool) -> Vec<String> {
    text.split(|c| c == ';' || c == '|' || c == '\n' || (commas && c == ','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Characters that make a spreadsheet treat a cell as a formula.
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A cell safe to open in a spreadsheet: text that would start a formula gets a leading `'`
/// (shown as text by Excel, LibreOffice and Google Sheets).
pub fn escape(text: &str) -> String {
    match text.chars().next() {
        Some(c) if formula_start(c) => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// The inverse of [`escape`], so an exported file imports to the same text.
pub fn unescape(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(formula_start) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_statuses_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        for t in [
            "2026-12-03",
            "03/12/2026",
            "3/12/2026",
            "03-12-2026",
            "03.12.26",
            " 2026/12/03 ",
        ] {
            assert_eq!(date(t), Ok(d), "{t}");
        }
        for t in [
            "0000-01-01",
            "31/12/9999",
            "2026-02-30",
            "demain",
            "12/2026",
            "",
        ] {
            assert!(date(t).is_err(), "{t}");
        }
        let ten30 = NaiveTime::from_hms_opt(10, 30, 0).expect("time");
        for t in ["10:30", "10h30", "10 h 30", "10:30:00", "10H30"] {
            assert_eq!(time(t), Ok(ten30), "{t}");
        }
        assert_eq!(
            time("9h"),
            Ok(NaiveTime::from_hms_opt(9, 0, 0).expect("time"))
        );
        assert!(time("25:00").is_err() && time("midi").is_err());
        assert_eq!(status("Programmé"), Ok(PostStatus::Scheduled));
        assert_eq!(status("à valider"), Ok(PostStatus::InReview));
        assert_eq!(status("published"), Ok(PostStatus::Published));
        assert_eq!(status(""), Ok(PostStatus::Draft));
        assert!(status("peut-être").is_err());
    }

    #[test]
    fn formulas_are_escaped_and_read_back() {
        for t in ["=HYPERLINK(\"http://x\")", "+33 6", "-5 %", "@here", "\tx"] {
            assert!(escape(t).starts_with('\''), "{t}");
            assert_eq!(unescape(&escape(t)), t);
        }
        assert_eq!(escape("Bonjour"), "Bonjour");
        assert_eq!(unescape("'tel quel"), "'tel quel");
    }
}
