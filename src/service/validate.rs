//! Input checks shared by every operation. Each returns the cleaned value or a coded error.
use crate::error::{Error, Result};
use crate::rules::text_length;

/// Sizes past which input is refused (in user-perceived characters).
pub mod limits {
    pub const NAME: usize = 200;
    pub const TITLE: usize = 500;
    pub const SHORT_TEXT: usize = 2_000;
    pub const BODY: usize = 100_000;
    pub const TAG: usize = 100;
    pub const MAX_TAGS: usize = 50;
    pub const MAX_LINKS: usize = 50;
    pub const URL: usize = 2_048;
    pub const CHAR_LIMIT: u32 = 1_000_000;
    pub const WEEKLY_TARGET: u32 = 200;
    pub const DURATION_MINUTES: u32 = 7 * 24 * 60;
}

/// Trimmed, non-empty, at most `max` characters.
pub fn required(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::Empty { field });
    }
    optional(field, v, max)
}

/// Trimmed, at most `max` characters (may be empty).
pub fn optional(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    // Cheap bound first: a string of n bytes has at most n graphemes.
    if v.len() > max {
        let length = text_length(v);
        if length > max {
            return Err(Error::TooLong { field, length, max });
        }
    }
    Ok(v.to_owned())
}

/// A text kept as typed (no trimming of inner layout), at most `max` characters.
pub fn text(field: &'static str, value: &str, max: usize) -> Result<String> {
    if value.len() > max && text_length(value) > max {
        return Err(Error::TooLong {
            field,
            length: text_length(value),
            max,
        });
    }
    Ok(value.trim_end().to_owned())
}

/// `#rrggbb`, returned in lower case.
pub fn color(field: &'static str, value: &str) -> Result<String> {
    let v = value.trim();
    let ok = v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        return Err(Error::invalid(
            field,
            format!("\"{v}\" is not a colour like #1a7f5a"),
        ));
    }
    Ok(v.to_ascii_lowercase())
}

/// A BCP 47-looking locale such as `fr`, `fr-FR`, `fr-CA`, `en`.
pub fn locale(field: &'static str, value: &str) -> Result<String> {
    let v = value.trim().replace('_', "-");
    let mut parts = v.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !lang_ok || !rest_ok {
        return Err(Error::invalid(
            field,
            format!("\"{v}\" is not a locale like fr-FR"),
        ));
    }
    Ok(v)
}

/// An http(s) address.
pub fn url(field: &'static str, value: &str) -> Result<String> {
    let v = optional(field, value, limits::URL)?;
    let lower = v.to_ascii_lowercase();
    let has_host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if !has_host || v.chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            field,
            format!("\"{v}\" is not a web address (http:// or https://)"),
        ));
    }
    Ok(v)
}

/// A count up to `max`.
pub fn at_most(field: &'static str, value: u32, max: u32) -> Result<u32> {
    if value > max {
        return Err(Error::invalid(field, format!("{value} is more than {max}")));
    }
    Ok(value)
}

/// Tags: trimmed, without the leading '#', no empty ones, no duplicates (case-insensitive).
pub fn tags(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in values {
        let t = optional("tags", t.trim().trim_start_matches('#'), limits::TAG)?;
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t);
        }
    }
    if out.len() > limits::MAX_TAGS {
        return Err(Error::invalid(
            "tags",
            format!("at most {} tags", limits::MAX_TAGS),
        ));
    }
    Ok(out)
}

pub fn links(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for l in values.iter().filter(|l| !l.trim().is_empty()) {
        let l = url("links", l)?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.len() > limits::MAX_LINKS {
        return Err(Error::invalid(
            "links",
            format!("at most {} links", limits::MAX_LINKS),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert_eq!(required("title", "  x ", 10).expect("ok"), "x");
        assert_eq!(
            required("title", "   ", 10).expect_err("empty").code(),
            "empty"
        );
        assert_eq!(
            required("title", "ééé", 2).expect_err("long").code(),
            "too_long"
        );
        assert_eq!(required("title", "ééé", 3).expect("ok"), "ééé");
        assert_eq!(color("color", "#A1B2C3").expect("ok"), "#a1b2c3");
        assert!(color("color", "red").is_err());
        assert!(color("color", "#12345é").is_err());
        assert_eq!(locale("locale", "fr_CA").expect("ok"), "fr-CA");
        assert!(locale("locale", "français").is_err());
        assert!(url("links", "https://boulangerie.example/galette").is_ok());
        assert!(url("links", "javascript:alert(1)").is_err());
        assert!(url("links", "https://").is_err());
        assert_eq!(
            tags(&["#noël".into(), "Noël".into(), " ".into()]).expect("ok"),
            vec!["noël"]
        );
    }
}
