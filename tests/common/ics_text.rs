//! A minimal reader of Cadence's own .ics output, for checks on the raw text (line lengths,
//! escapes). The real read-back is done by independent parsers in `tests/ics_parsers.rs`.
use std::collections::BTreeMap;

/// One component's properties: name (without parameters) → every raw value, still escaped.
pub type Props = BTreeMap<String, Vec<String>>;

/// Checks the physical layout (CRLF only, ≤ 75 octets per line, valid UTF-8) and returns the
/// VEVENTs' properties after unfolding.
pub fn vevents(bytes: &[u8]) -> Vec<Props> {
    let text = std::str::from_utf8(bytes).expect("an export is UTF-8");
    assert!(
        text.ends_with("END:VCALENDAR\r\n"),
        "ends with END:VCALENDAR and CRLF"
    );
    for (i, line) in text.split("\r\n").enumerate() {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {i}: bare LF or CR"
        );
        assert!(
            line.len() <= 75,
            "line {i} is {} octets: {line}",
            line.len()
        );
    }
    let unfolded = cadence::ics::writer::unfold(text);
    let mut out = Vec::new();
    let mut current: Option<Props> = None;
    let mut depth = 0;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (name_params, value) = line.split_once(':').expect("NAME:VALUE");
        assert!(!value.is_empty(), "no blank values: {line}");
        let name = name_params.split(';').next().unwrap_or_default().to_owned();
        match (name.as_str(), value) {
            ("BEGIN", "VEVENT") => current = Some(Props::new()),
            ("END", "VEVENT") => out.push(current.take().expect("in a VEVENT")),
            // Sub-components of a VEVENT (VALARM) are not its properties.
            ("BEGIN", _) if current.is_some() => depth += 1,
            ("END", _) if current.is_some() => depth -= 1,
            ("BEGIN" | "END", _) => {}
            _ => {
                if let (Some(p), 0) = (current.as_mut(), depth) {
                    p.entry(name).or_default().push(value.to_owned());
                }
            }
        }
    }
    out
}

pub fn one<'a>(p: &'a Props, name: &str) -> &'a str {
    let v = p.get(name).unwrap_or_else(|| panic!("no {name} in {p:?}"));
    assert_eq!(v.len(), 1, "{name} once");
    &v[0]
}

pub fn by_uid<'a>(events: &'a [Props], uid: &str) -> Option<&'a Props> {
    events.iter().find(|p| one(p, "UID") == uid)
}
