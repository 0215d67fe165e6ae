//! RFC 5545 content lines, written straight to an `io::Write` (a `BufWriter` in practice).
//!
//! Why not the `ics` crate (0.5.8)? It was checked against RFC 5545 §3.1 and falls short:
//! - its folding puts up to 75 octets of content *after* the leading space of a continuation
//!   line, so continuation lines are 76 octets long (its own `multi_lines` test expects them);
//!   RFC 5545 says lines SHOULD NOT be longer than 75 octets, excluding the line break;
//! - it does not escape TEXT values by itself: every caller must remember `escape_text`;
//! - it builds the whole calendar as owned components (a `BTreeMap` of parameters per
//!   property, a `String` per folded line) before writing it, which a 100,000-post export
//!   does not need.
//!
//! This writer is small: [`ContentLines::text`] escapes (`\\` `\;` `\,` `\n`), every line
//! ends in CRLF, lines are folded at 75 octets (the leading space counts) and never inside
//! a UTF-8 sequence, and empty values are not written at all.
use std::io::{self, Write};

/// The most octets a line may hold, excluding its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Writes content lines to `out`. One scratch buffer is reused for every line.
pub struct ContentLines<W: Write> {
    out: W,
    line: String,
}

impl<W: Write> ContentLines<W> {
    pub fn new(out: W) -> Self {
        ContentLines {
            out,
            line: String::with_capacity(4096),
        }
    }

    /// Gives the underlying writer back (flush it yourself if it buffers).
    pub fn into_inner(self) -> W {
        self.out
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// `BEGIN:NAME`
    pub fn begin(&mut self, component: &str) -> io::Result<()> {
        self.raw("BEGIN", component)
    }

    /// `END:NAME`
    pub fn end(&mut self, component: &str) -> io::Result<()> {
        self.raw("END", component)
    }

    /// A property whose value needs no escaping (dates, numbers, URIs, enumerated values).
    /// `name` may carry parameters, e.g. `DTSTART;VALUE=DATE`. Skipped when `value` is empty.
    pub fn raw(&mut self, name: &str, value: &str) -> io::Result<()> {
        if value.is_empty() {
            return Ok(());
        }
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        self.flush_line()
    }

    /// A TEXT property, escaped. Skipped when `value` is empty or only white space.
    pub fn text(&mut self, name: &str, value: &str) -> io::Result<()> {
        if value.trim().is_empty() {
            return Ok(());
        }
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        escape_into(&mut self.line, value);
        self.flush_line()
    }

    /// A multi-valued TEXT property (e.g. `CATEGORIES`): each value escaped, joined by commas.
    /// Empty values are left out; nothing is written when none is left.
    pub fn text_list<'a>(
        &mut self,
        name: &str,
        values: impl IntoIterator<Item = &'a str>,
    ) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        let header = self.line.len();
        for v in values.into_iter().filter(|v| !v.trim().is_empty()) {
            if self.line.len() > header {
                self.line.push(',');
            }
            escape_into(&mut self.line, v);
        }
        if self.line.len() == header {
            return Ok(());
        }
        self.flush_line()
    }

    /// Starts a line by hand: the caller pushes to the returned buffer (already escaped),
    /// then calls [`ContentLines::finish_line`].
    pub fn start_line(&mut self, name: &str) -> &mut String {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        &mut self.line
    }

    pub fn finish_line(&mut self) -> io::Result<()> {
        self.flush_line()
    }

    /// Writes the line in the scratch buffer, folded, with CRLF.
    fn flush_line(&mut self) -> io::Result<()> {
        write_folded(&mut self.out, &self.line)
    }
}

/// Writes `line` followed by CRLF, folded so that no physical line exceeds 75 octets
/// (the space that starts a continuation line counts) and no UTF-8 sequence is split.
pub fn write_folded(out: &mut impl Write, line: &str) -> io::Result<()> {
    let bytes = line.as_bytes();
    if bytes.len() <= MAX_LINE_OCTETS {
        out.write_all(bytes)?;
        return out.write_all(b"\r\n");
    }
    let mut start = 0;
    let mut room = MAX_LINE_OCTETS;
    while start < bytes.len() {
        let mut end = (start + room).min(bytes.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        if start > 0 {
            out.write_all(b" ")?;
        }
        out.write_all(&bytes[start..end])?;
        out.write_all(b"\r\n")?;
        start = end;
        room = MAX_LINE_OCTETS - 1;
    }
    Ok(())
}

/// Appends `value` escaped as an RFC 5545 TEXT value: `\` `;` `,` are backslashed, every
/// line break (`\r\n`, `\n`, `\r`) becomes `\n`, and control characters other than tab,
/// which TEXT may not hold, are dropped.
pub fn escape_into(out: &mut String, value: &str) {
    let bytes = value.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let special = matches!(b, b'\\' | b';' | b',') || (b < 0x20 && b != b'\t') || b == 0x7f;
        if !special {
            i += 1;
            continue;
        }
        out.push_str(&value[last..i]);
        match b {
            b'\\' => out.push_str("\\\\"),
            b';' => out.push_str("\\;"),
            b',' => out.push_str("\\,"),
            b'\n' => out.push_str("\\n"),
            b'\r' => {
                out.push_str("\\n");
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
        last = i;
    }
    out.push_str(&value[last..]);
}

/// The TEXT value an RFC 5545 reader gets back from `escaped` (used by tests and checks).
pub fn unescape(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Joins folded lines back (RFC 5545 unfolding): removes every CRLF followed by one space or tab.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = Vec::new();
        write_folded(&mut out, line).expect("write");
        String::from_utf8(out).expect("folding keeps UTF-8 whole")
    }

    #[test]
    fn escapes_text_as_rfc_5545_says() {
        let mut s = String::new();
        escape_into(&mut s, "a,b;c\\d\ne\r\nf\rg\th\u{7}i");
        assert_eq!(s, "a\\,b\\;c\\\\d\\ne\\nf\\ng\thi");
        assert_eq!(unescape(&s), "a,b;c\\d\ne\nf\ng\thi");
        let mut s = String::new();
        escape_into(&mut s, "Crème brûlée, « déjà » ; 🥐");
        assert_eq!(s, "Crème brûlée\\, « déjà » \\; 🥐");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("SUMMARY:Bonjour"), "SUMMARY:Bonjour\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn every_physical_line_is_at_most_75_octets_and_unfolds_to_the_original() {
        for unit in ["a", "é", "€", "🥖", "e\u{301}", "👩‍🍳", "aé€🥖"] {
            for n in [1, 37, 38, 74, 75, 76, 150, 151, 400] {
                let line = format!("DESCRIPTION:{}", unit.repeat(n));
                let out = folded(&line);
                assert!(out.ends_with("\r\n"));
                for (i, physical) in out.trim_end_matches("\r\n").split("\r\n").enumerate() {
                    assert!(
                        physical.len() <= 75,
                        "{unit} x{n}: {} octets",
                        physical.len()
                    );
                    assert!(!physical.is_empty());
                    if i > 0 {
                        assert!(physical.starts_with(' '));
                    }
                }
                assert_eq!(unfold(out.trim_end_matches("\r\n")), line, "{unit} x{n}");
            }
        }
    }

    #[test]
    fn continuation_lines_use_the_full_75_octets() {
        let line = "D:".to_owned() + &"x".repeat(200);
        let out = folded(&line);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 75);
        assert_eq!(lines[2].len(), 1 + 202 - 75 - 74);
    }

    #[test]
    fn empty_values_are_not_written() {
        let mut w = ContentLines::new(Vec::new());
        w.text("LOCATION", "  ").expect("write");
        w.raw("URL", "").expect("write");
        w.text_list("CATEGORIES", ["", " "]).expect("write");
        w.text_list("CATEGORIES", ["Instagram", "", "Ventes, fêtes"])
            .expect("write");
        assert_eq!(
            String::from_utf8(w.into_inner()).expect("utf-8"),
            "CATEGORIES:Instagram,Ventes\\, fêtes\r\n"
        );
    }
}
