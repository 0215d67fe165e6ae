//! RFC 5545 content lines, written straight to an `io::Write` (a file, a socket, a `Vec`).
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
//! This writer is small and fast (a 100,000-post export is about 70 MB): lines are built
//! straight into one output buffer, which goes to the underlying writer in blocks of
//! [`BUFFER_BYTES`]; [`ContentLines::text`] escapes (`\\` `\;` `\,` `\n`) in the same pass;
//! every line ends in CRLF, lines longer than 75 octets are folded in place (the leading space
//! counts) and never inside a UTF-8 sequence, and empty values are not written at all.
use std::io::{self, Write};

/// The most octets a line may hold, excluding its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// How many octets are gathered before they go to the underlying writer in one `write`.
pub const BUFFER_BYTES: usize = 256 * 1024;

/// Writes content lines to `out`, through a buffer of its own (no `BufWriter` needed).
pub struct ContentLines<W: Write> {
    out: W,
    buf: Vec<u8>,
    /// Where the line being built starts in `buf`.
    line: usize,
    /// A long line, while it is folded.
    fold: Vec<u8>,
    /// Octets already handed to `out`.
    written: u64,
    /// The buffer goes to `out` once it holds this many octets.
    limit: usize,
}

impl<W: Write> ContentLines<W> {
    pub fn new(out: W) -> Self {
        ContentLines {
            out,
            buf: Vec::with_capacity(BUFFER_BYTES + 16 * 1024),
            line: 0,
            fold: Vec::with_capacity(4096),
            written: 0,
            limit: BUFFER_BYTES,
        }
    }

    /// Lines kept in memory: nothing goes to `out` until [`ContentLines::take`] or
    /// [`ContentLines::into_inner`].
    pub fn in_memory(out: W, capacity: usize) -> Self {
        ContentLines {
            buf: Vec::with_capacity(capacity),
            limit: usize::MAX,
            ..ContentLines::new(out)
        }
    }

    /// The lines written so far (whole lines), replaced by `empty`'s allocation.
    pub fn take(&mut self, mut empty: Vec<u8>) -> Vec<u8> {
        empty.clear();
        self.written += self.buf.len() as u64;
        self.line = 0;
        std::mem::replace(&mut self.buf, empty)
    }

    /// Octets written so far (handed to the writer or still buffered).
    pub fn bytes(&self) -> u64 {
        self.written + self.buf.len() as u64
    }

    /// Hands what is buffered to the writer and gives the writer back (flush it yourself if
    /// it buffers too).
    pub fn into_inner(mut self) -> io::Result<W> {
        self.drain()?;
        Ok(self.out)
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
        self.start_line(name).extend_from_slice(value.as_bytes());
        self.finish_line()
    }

    /// A TEXT property, escaped. Skipped when `value` is empty or only white space.
    pub fn text(&mut self, name: &str, value: &str) -> io::Result<()> {
        if value.trim().is_empty() {
            return Ok(());
        }
        escape_bytes(self.start_line(name), value);
        self.finish_line()
    }

    /// A multi-valued TEXT property (e.g. `CATEGORIES`): each value escaped, joined by commas.
    /// Empty values are left out; nothing is written when none is left.
    pub fn text_list<'a>(
        &mut self,
        name: &str,
        values: impl IntoIterator<Item = &'a str>,
    ) -> io::Result<()> {
        let line = self.start_line(name);
        let header = line.len();
        for v in values.into_iter().filter(|v| !v.trim().is_empty()) {
            if line.len() > header {
                line.push(b',');
            }
            escape_bytes(line, v);
        }
        if line.len() == header {
            self.cancel_line();
            return Ok(());
        }
        self.finish_line()
    }

    /// Starts a line by hand: the caller appends its value (already escaped, valid UTF-8) to
    /// the returned buffer, then calls [`ContentLines::finish_line`].
    pub fn start_line(&mut self, name: &str) -> &mut Vec<u8> {
        self.line = self.buf.len();
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b':');
        &mut self.buf
    }

    /// Appends content lines written elsewhere (whole lines, CRLF included).
    pub fn append(&mut self, lines: &[u8]) -> io::Result<()> {
        self.drain()?;
        self.out.write_all(lines)?;
        self.written += lines.len() as u64;
        Ok(())
    }

    /// Drops the line started by [`ContentLines::start_line`] (it had nothing to say).
    pub fn cancel_line(&mut self) {
        self.buf.truncate(self.line);
    }

    /// Folds the line started by [`ContentLines::start_line`] if it is too long, ends it with
    /// CRLF, and hands the buffer to the writer once it is full.
    pub fn finish_line(&mut self) -> io::Result<()> {
        if self.buf.len() - self.line > MAX_LINE_OCTETS {
            self.fold.clear();
            self.fold.extend_from_slice(&self.buf[self.line..]);
            self.buf.truncate(self.line);
            fold_into(&mut self.buf, &self.fold);
        } else {
            self.buf.extend_from_slice(b"\r\n");
        }
        if self.buf.len() >= self.limit {
            self.drain()?;
        }
        Ok(())
    }

    fn drain(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.written += self.buf.len() as u64;
        self.buf.clear();
        self.line = 0;
        Ok(())
    }
}

/// Appends `line` followed by CRLF, folded so that no physical line exceeds 75 octets (the
/// space that starts a continuation line counts) and no UTF-8 sequence is split.
fn fold_into(out: &mut Vec<u8>, line: &[u8]) {
    let mut start = 0;
    let mut room = MAX_LINE_OCTETS;
    while start < line.len() {
        let mut end = (start + room).min(line.len());
        // Back off continuation bytes (10xxxxxx): the cut goes before a whole character.
        while end < line.len() && line[end] & 0xc0 == 0x80 {
            end -= 1;
        }
        if start > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(&line[start..end]);
        out.extend_from_slice(b"\r\n");
        start = end;
        room = MAX_LINE_OCTETS - 1;
    }
}

/// Writes `line` followed by CRLF, folded so that no physical line exceeds 75 octets
/// (the space that starts a continuation line counts) and no UTF-8 sequence is split.
pub fn write_folded(out: &mut impl Write, line: &str) -> io::Result<()> {
    let mut folded = Vec::with_capacity(line.len() + line.len() / 24 + 2);
    fold_into(&mut folded, line.as_bytes());
    out.write_all(&folded)
}

/// Appends `value` escaped as an RFC 5545 TEXT value: `\` `;` `,` are backslashed, every
/// line break (`\r\n`, `\n`, `\r`) becomes `\n`, and control characters other than tab,
/// which TEXT may not hold, are dropped.
///
/// Runs of plain text are skipped eight octets at a time ([`special_octets`]) and copied
/// whole; [`escape_reference`] is the same function written plainly (the tests compare them).
pub fn escape_bytes(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let n = bytes.len();
    out.reserve(n);
    let mut last = 0;
    let mut i = 0;
    while i < n {
        // Eight octets at a time (the last ones padded with a plain letter).
        let end = (i + 8).min(n);
        let w = match bytes.get(i..i + 8) {
            Some(eight) => <[u8; 8]>::try_from(eight).unwrap_or([0; 8]),
            None => {
                let mut w = [b'a'; 8];
                w[..end - i].copy_from_slice(&bytes[i..end]);
                w
            }
        };
        let found = special_octets(u64::from_le_bytes(w));
        if found == 0 {
            i = end;
            continue;
        }
        // The lowest flagged octet is exact (false flags only sit above a true one).
        let at = i + (found.trailing_zeros() / 8) as usize;
        i = at + 1;
        let escaped: &[u8] = match bytes[at] {
            b'\t' => continue,
            b'\\' => b"\\\\",
            b';' => b"\\;",
            b',' => b"\\,",
            b'\n' => b"\\n",
            b'\r' => {
                if bytes.get(at + 1) == Some(&b'\n') {
                    i += 1;
                }
                b"\\n"
            }
            _ => b"",
        };
        out.extend_from_slice(&bytes[last..at]);
        out.extend_from_slice(escaped);
        last = i;
    }
    out.extend_from_slice(&bytes[last..]);
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each octet of `w` that may be a control character (tab included), DEL,
/// `\`, `;` or `,`: the classic tests "has a byte below n" and "has a zero byte" of Hacker's
/// Delight, on 64 bits. None is missed; a false flag can only sit above a true one, so the
/// lowest flag is always right.
#[inline]
fn special_octets(w: u64) -> u64 {
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    below_space
        | zero_in(w ^ (ONES * 0x7f))
        | zero_in(w ^ (ONES * u64::from(b'\\')))
        | zero_in(w ^ (ONES * u64::from(b';')))
        | zero_in(w ^ (ONES * u64::from(b',')))
}

/// [`escape_bytes`] written plainly, character by character: the reference the fast one is
/// tested against.
pub fn escape_reference(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                out.push_str("\\n");
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`escape_bytes`] into a `String`.
pub fn escape_into(out: &mut String, value: &str) {
    let mut bytes = std::mem::take(out).into_bytes();
    escape_bytes(&mut bytes, value);
    // Only ASCII escapes were added to whole UTF-8 text.
    *out = String::from_utf8(bytes).unwrap_or_default();
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

    /// A content line the plain way: escaped char by char, folded char by char.
    fn reference_line(name: &str, value: &str) -> String {
        let line = format!("{name}:{}", escape_reference(value));
        let mut out = String::new();
        let mut physical = 0;
        for c in line.chars() {
            if physical + c.len_utf8() > MAX_LINE_OCTETS {
                out.push_str("\r\n ");
                physical = 1;
            }
            out.push(c);
            physical += c.len_utf8();
        }
        out.push_str("\r\n");
        out
    }

    fn fast_line(name: &str, value: &str) -> String {
        let mut w = ContentLines::new(Vec::new());
        w.text(name, value).expect("write");
        String::from_utf8(w.into_inner().expect("write")).expect("UTF-8 stays whole")
    }

    const TRICKY: [&str; 12] = [
        "Crème brûlée, « déjà » ; fin",
        "🥐🥖🧀 emoji, 👩‍🍳 et e\u{301}",
        "a,b;c\\d\ne\r\nf\rg\th\u{7}i\u{7f}j",
        "\\\\\\,,,;;;\r\r\n\n\n",
        "tab\tonly\t",
        "\r",
        "x\r",
        "\u{0}\u{1f}\u{1b}[0m",
        "Ω≈ç√∫˜µ≤≥÷ 田中さんにあげて下さい",
        "12345678,12345678;12345678\\",
        "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
        "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€,",
    ];

    #[test]
    fn the_fast_escape_and_fold_write_what_the_plain_reference_writes() {
        for value in TRICKY {
            for n in [1, 2, 3, 7, 20] {
                let value = value.repeat(n);
                if value.trim().is_empty() {
                    continue;
                }
                for name in ["SUMMARY", "DESCRIPTION", "X"] {
                    assert_eq!(
                        fast_line(name, &value),
                        reference_line(name, &value),
                        "{name}: {value:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_text_is_escaped_and_folded_like_the_reference(
            value in "([\\\\,;\r\n\t\u{0}-\u{1f}\u{7f}aé€🥐 ]|\\PC){0,300}",
            name in "[A-Z]{1,12}",
        ) {
            proptest::prop_assume!(!value.trim().is_empty());
            proptest::prop_assert_eq!(fast_line(&name, &value), reference_line(&name, &value));
            let mut escaped = Vec::new();
            escape_bytes(&mut escaped, &value);
            proptest::prop_assert_eq!(String::from_utf8(escaped).expect("UTF-8"), escape_reference(&value));
        }
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
            String::from_utf8(w.into_inner().expect("write")).expect("utf-8"),
            "CATEGORIES:Instagram,Ventes\\, fêtes\r\n"
        );
    }
}
