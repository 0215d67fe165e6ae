//! Property tests of the .ics importer (cargo-fuzz needs nightly): hostile calendars — broken
//! folding, missing or duplicated UIDs, absurd dates, endless RRULEs, huge lines, random bytes,
//! BEGINs without END — give an import report or a coded error, never a panic or a hang, and a
//! refused file writes nothing; folding anywhere changes nothing. 3,000 cases a run, counted
//! on stderr.
mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::Cell;
use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The codes a refused calendar may come back with.
const CODES: [&str; 5] = [
    "import_row",
    "unsupported_file",
    "file_too_large",
    "end_before_start",
    "nonexistent_local_time",
];

/// The longest one import may take (debug build, a busy machine): past it, a hang.
const TIME_BOUND: Duration = Duration::from_secs(10);

// ── Generators ──

fn date_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("20261203".to_owned()),
        4 => Just("20261203T100000Z".to_owned()),
        2 => Just("20261203T100000".to_owned()),
        1 => Just("00000101".to_owned()),
        1 => Just("99991231".to_owned()),
        1 => Just("00000101T000000Z".to_owned()),
        1 => Just("99991231T235959Z".to_owned()),
        1 => Just("19700101T000000Z".to_owned()),
        1 => Just("21991231T235959".to_owned()),
        1 => Just("21991231T235959Z".to_owned()),
        1 => Just("20260230".to_owned()),
        1 => Just("20261203T250000Z".to_owned()),
        1 => Just("20261231T235960Z".to_owned()),
        // A local time that does not exist in Paris (spring forward) and one that exists twice.
        1 => Just("20260329T023000".to_owned()),
        1 => Just("20261025T023000".to_owned()),
        1 => Just("+2026-12-03".to_owned()),
        1 => Just(String::new()),
        2 => "[0-9TZ+-]{0,17}",
    ]
}

fn params() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(String::new()),
        2 => Just(";VALUE=DATE".to_owned()),
        2 => Just(";TZID=Europe/Paris".to_owned()),
        1 => Just(";TZID=America/Toronto".to_owned()),
        1 => Just(";TZID=\"Mars/Olympus Mons\"".to_owned()),
        1 => Just(";TZID=".to_owned()),
        1 => "(;[A-Z=\"/]{0,12}){1,3}",
    ]
}

fn rrule() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("FREQ=DAILY".to_owned()),
        Just("FREQ=SECONDLY;INTERVAL=1".to_owned()),
        Just("FREQ=MINUTELY;BYSECOND=0,1,2,3,4,5,6,7,8,9".to_owned()),
        Just("FREQ=YEARLY;COUNT=4294967295".to_owned()),
        Just("FREQ=DAILY;COUNT=-1".to_owned()),
        Just("FREQ=DAILY;UNTIL=99991231T235959Z".to_owned()),
        Just("FREQ=WEEKLY;X-COUNT=3".to_owned()),
        Just("FREQ=WEEKLY;X-UNTIL=20261231".to_owned()),
        Just("freq=weekly;count=3".to_owned()),
        "[A-Z=;,0-9-]{0,40}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Salon des métiers de bouche".to_owned()),
        Just("Lyon\\, Eurexpo\\; hall 3\\nstand B".to_owned()),
        Just("Café 🥐 crème, « déjà » ; \\\\ fin".to_owned()),
        Just("\\".to_owned()),
        Just(String::new()),
        Just(" ".to_owned()),
        "\\PC{0,40}",
        "[\\\\,;:nN\"é🥐 ]{0,20}",
    ]
}

/// A VEVENT, maybe broken.
#[derive(Debug, Clone)]
struct Vevent {
    uid: Option<String>,
    start: Option<(String, String)>,
    end: Option<(String, String)>,
    rrule: Option<String>,
    summary: String,
    description: String,
    location: String,
    /// A component opened inside the event (`BEGIN:VALARM`…), closed or not.
    nested: Option<(String, bool)>,
    /// Whether END:VEVENT is written.
    ends: bool,
}

fn vevent() -> impl Strategy<Value = Vevent> {
    (
        (
            // A small pool of UIDs: duplicates are frequent.
            prop::option::weighted(
                0.9,
                prop_oneof![
                    8 => (0u8..6).prop_map(|n| format!("uid-{n}@example.com")),
                    1 => Just(" ".to_owned()),
                    1 => "\\PC{0,30}",
                ],
            ),
            prop::option::weighted(0.95, (params(), date_value())),
            prop::option::weighted(0.7, (params(), date_value())),
            prop::option::weighted(0.2, rrule()),
        ),
        (text(), text(), text()),
        (
            prop::option::weighted(
                0.2,
                (
                    prop_oneof![
                        Just("VALARM".to_owned()),
                        Just("VEVENT".to_owned()),
                        Just("VCALENDAR".to_owned()),
                        Just("VTIMEZONE".to_owned()),
                        "[A-Z]{0,8}",
                    ],
                    any::<bool>(),
                ),
            ),
            prop::bool::weighted(0.95),
        ),
    )
        .prop_map(
            |((uid, start, end, rrule), (summary, description, location), (nested, ends))| Vevent {
                uid,
                start,
                end,
                rrule,
                summary,
                description,
                location,
                nested,
                ends,
            },
        )
}

/// A piece of a calendar between BEGIN:VCALENDAR and END:VCALENDAR.
#[derive(Debug, Clone)]
enum Piece {
    Event(Box<Vevent>),
    /// A continuation line (leading space) where the writer chooses to put one.
    Continuation(String),
    /// A line without a colon.
    NoColon(String),
    /// Any bytes, then a line break.
    Bytes(Vec<u8>),
    /// A property of `n` octets, on one physical line or folded.
    Huge {
        n: usize,
        folded: bool,
    },
    /// BEGIN of some component, never ended.
    Begin(String),
    /// An END nobody opened.
    End(String),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        12 => vevent().prop_map(|e| Piece::Event(Box::new(e))),
        1 => "\\PC{0,20}".prop_map(Piece::Continuation),
        1 => "[^:\r\n]{1,20}".prop_map(Piece::NoColon),
        1 => prop::collection::vec(any::<u8>(), 0..40).prop_map(Piece::Bytes),
        1 => (
            prop_oneof![Just(100usize), Just(199_990), Just(200_001), Just(260_000)],
            any::<bool>(),
        )
            .prop_map(|(n, folded)| Piece::Huge { n, folded }),
        1 => prop_oneof![Just("VEVENT".to_owned()), Just("VTODO".to_owned()), "[A-Z]{0,6}"]
            .prop_map(Piece::Begin),
        1 => prop_oneof![Just("VEVENT".to_owned()), Just("VCALENDAR".to_owned())]
            .prop_map(Piece::End),
    ]
}

/// How the calendar's lines are written out.
#[derive(Debug, Clone, Copy)]
struct Style {
    crlf: bool,
    /// Fold long lines at this many octets (0: never), and whether a fold may split UTF-8.
    fold_at: usize,
    split_utf8: bool,
    bom: bool,
    end: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::bool::weighted(0.8),
        prop_oneof![Just(0usize), Just(75), 2usize..20],
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(crlf, fold_at, split_utf8, bom, end)| Style {
            crlf,
            fold_at,
            split_utf8,
            bom,
            end,
        })
}

fn render(pieces: &[Piece], s: Style) -> Vec<u8> {
    let eol: &[u8] = if s.crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::new();
    if s.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let line = |out: &mut Vec<u8>, l: &[u8]| {
        let mut rest = l;
        let mut first = true;
        while s.fold_at > 0 && rest.len() > s.fold_at {
            let mut cut = s.fold_at;
            while !s.split_utf8 && cut > 1 && rest[cut] & 0xc0 == 0x80 {
                cut -= 1;
            }
            if !first {
                out.push(b' ');
            }
            out.extend_from_slice(&rest[..cut]);
            out.extend_from_slice(eol);
            rest = &rest[cut..];
            first = false;
        }
        if !first {
            out.push(b' ');
        }
        out.extend_from_slice(rest);
        out.extend_from_slice(eol);
    };
    line(&mut out, b"BEGIN:VCALENDAR");
    line(&mut out, b"VERSION:2.0");
    line(&mut out, b"PRODID:-//Fuzz//FR");
    for p in pieces {
        match p {
            Piece::Event(e) => {
                line(&mut out, b"BEGIN:VEVENT");
                if let Some(uid) = &e.uid {
                    line(&mut out, format!("UID:{uid}").as_bytes());
                }
                if let Some((p, v)) = &e.start {
                    line(&mut out, format!("DTSTART{p}:{v}").as_bytes());
                }
                if let Some((p, v)) = &e.end {
                    line(&mut out, format!("DTEND{p}:{v}").as_bytes());
                }
                if let Some(r) = &e.rrule {
                    line(&mut out, format!("RRULE:{r}").as_bytes());
                }
                if let Some((name, closed)) = &e.nested {
                    line(&mut out, format!("BEGIN:{name}").as_bytes());
                    line(&mut out, b"DESCRIPTION:inside");
                    if *closed {
                        line(&mut out, format!("END:{name}").as_bytes());
                    }
                }
                line(&mut out, format!("SUMMARY:{}", e.summary).as_bytes());
                line(
                    &mut out,
                    format!("DESCRIPTION:{}", e.description).as_bytes(),
                );
                line(&mut out, format!("LOCATION:{}", e.location).as_bytes());
                if e.ends {
                    line(&mut out, b"END:VEVENT");
                }
            }
            Piece::Continuation(t) => {
                out.push(b' ');
                out.extend_from_slice(t.as_bytes());
                out.extend_from_slice(eol);
            }
            Piece::NoColon(t) => line(&mut out, t.as_bytes()),
            Piece::Bytes(b) => {
                out.extend_from_slice(b);
                out.extend_from_slice(eol);
            }
            Piece::Huge { n, folded } => {
                let value = "é".repeat(n / 2);
                let l = format!("X-HUGE:{value}");
                if *folded {
                    line(&mut out, l.as_bytes());
                } else {
                    out.extend_from_slice(l.as_bytes());
                    out.extend_from_slice(eol);
                }
            }
            Piece::Begin(c) => line(&mut out, format!("BEGIN:{c}").as_bytes()),
            Piece::End(c) => line(&mut out, format!("END:{c}").as_bytes()),
        }
    }
    if s.end {
        line(&mut out, b"END:VCALENDAR");
    }
    out
}

/// A valid calendar with random damage: cut, bytes inserted, a line duplicated or dropped.
#[derive(Debug, Clone)]
enum Damage {
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, Vec<u8>),
    Remove(prop::sample::Index, usize),
    DuplicateLine(prop::sample::Index),
    DropLine(prop::sample::Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..8)
        )
            .prop_map(|(i, b)| Damage::Insert(i, b)),
        (any::<prop::sample::Index>(), 1usize..20).prop_map(|(i, n)| Damage::Remove(i, n)),
        any::<prop::sample::Index>().prop_map(Damage::DuplicateLine),
        any::<prop::sample::Index>().prop_map(Damage::DropLine),
    ]
}

fn apply(mut bytes: Vec<u8>, damage: &[Damage]) -> Vec<u8> {
    for d in damage {
        if bytes.is_empty() {
            break;
        }
        match d {
            Damage::Truncate(i) => bytes.truncate(i.index(bytes.len())),
            Damage::Insert(i, b) => {
                let at = i.index(bytes.len() + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Damage::Remove(i, n) => {
                let at = i.index(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Damage::DuplicateLine(i) | Damage::DropLine(i) => {
                let mut lines: Vec<Vec<u8>> = bytes
                    .split_inclusive(|b| *b == b'\n')
                    .map(<[u8]>::to_vec)
                    .collect();
                let at = i.index(lines.len());
                if matches!(d, Damage::DuplicateLine(_)) {
                    let copy = lines[at].clone();
                    lines.insert(at, copy);
                } else {
                    lines.remove(at);
                }
                bytes = lines.concat();
            }
        }
    }
    bytes
}

// ── The property ──

/// One importer per test thread (a fresh database per case would dominate the run time);
/// what a successful case imported is removed again, so the database stays small.
fn shared() -> &'static Fixture {
    thread_local! {
        static F: &'static Fixture = Box::leak(Box::new(fixture()));
    }
    F.with(|f| *f)
}

thread_local! {
    /// Cases checked and cases imported, by this test's thread.
    static COUNTS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

fn count(imported: bool) {
    COUNTS.with(|c| {
        let (cases, ok) = c.get();
        c.set((cases + 1, ok + usize::from(imported)));
    });
}

/// Imports `bytes` on another thread, bounded in time; checks the result against the parser
/// and that a refusal wrote nothing.
fn check_import(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let f = shared();
    let before = f.dump();
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let input = bytes.clone();
    std::thread::spawn(move || {
        let parsed = cadence::ics_import::parse(&input);
        let imported = f.cadence.import_ics(&f.plan.id, &input);
        let _ = tx.send((parsed, imported));
    });
    let (parsed, imported) = match rx.recv_timeout(TIME_BOUND) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            return Err(TestCaseError::fail(format!(
                "import still running after {TIME_BOUND:?} on {} bytes",
                bytes.len()
            )))
        }
        // The import thread panicked (its message is printed above).
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            return Err(TestCaseError::fail("the import panicked"))
        }
    };
    prop_assert!(started.elapsed() < TIME_BOUND);
    match imported {
        Ok(report) => {
            let events = parsed.map_err(|e| TestCaseError::fail(format!("parse: {e}")))?;
            prop_assert_eq!(
                report.created + report.updated + report.unchanged,
                events.len()
            );
            let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
            uids.sort_unstable();
            uids.dedup();
            // Duplicated UIDs in one file make one event each, the last one winning.
            prop_assert_eq!(report.created, uids.len());
            prop_assert!(uids.iter().all(|u| !u.trim().is_empty()));
            prop_assert_eq!(imported_events(f), uids.len());
            forget_imported(f);
            count(true);
        }
        Err(e) => {
            prop_assert!(
                CODES.contains(&e.code()),
                "unexpected code {}: {e}",
                e.code()
            );
            prop_assert!(!e.to_string().is_empty());
            prop_assert_eq!(
                f.dump(),
                before,
                "a refused calendar wrote something: {}",
                e
            );
            count(false);
        }
    }
    Ok(())
}

fn imported_events(f: &Fixture) -> usize {
    f.cadence
        .db()
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM events WHERE plan_id = ?1 AND external_uid IS NOT NULL",
                [&f.plan.id],
                |r| r.get::<_, i64>(0),
            )?)
        })
        .expect("count") as usize
}

fn forget_imported(f: &Fixture) {
    f.cadence
        .db()
        .with_tx(|tx| {
            tx.execute("DELETE FROM events WHERE external_uid IS NOT NULL", [])?;
            Ok(())
        })
        .expect("clean up");
}

fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    COUNTS.with(|c| c.set((0, 0)));
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
    let (cases, imported) = COUNTS.with(Cell::get);
    // Written to stderr itself, which the test harness does not capture: the count shows in
    // every run.
    let _ = writeln!(
        std::io::stderr(),
        "fuzz_ics: {cases} cases run ({imported} imported, {} refused)",
        cases - imported
    );
}

#[test]
fn hostile_calendars_are_imported_or_refused_whole() {
    run(
        1200,
        (prop::collection::vec(piece(), 0..8), style()),
        |(pieces, style)| check_import(render(&pieces, style)),
    );
}

#[test]
fn damaged_calendars_are_imported_or_refused_whole() {
    run(
        800,
        (
            prop::collection::vec(vevent(), 1..4),
            style(),
            prop::collection::vec(damage(), 1..4),
        ),
        |(events, style, damage)| {
            let pieces: Vec<Piece> = events
                .into_iter()
                .map(|e| Piece::Event(Box::new(e)))
                .collect();
            check_import(apply(render(&pieces, style), &damage))
        },
    );
}

#[test]
fn random_bytes_are_refused_whole() {
    run(
        600,
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| {
                let mut v = b"BEGIN:VCALENDAR\r\n".to_vec();
                v.extend(b);
                v
            }),
        ],
        check_import,
    );
}

/// A valid calendar, whatever octet its writer folds at (in the middle of a character too,
/// which RFC 5545 §3.1 allows readers to be given), imports the same events as unfolded.
#[test]
fn folding_anywhere_changes_nothing() {
    run(
        400,
        (
            prop::collection::vec(("[a-zé€🥐 ,;]{1,60}", 0u8..6), 1..4),
            2usize..80,
        ),
        |(events, fold_at)| {
            let mut plain = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
            for (i, (summary, uid)) in events.iter().enumerate() {
                plain.push_str(&format!(
                    "BEGIN:VEVENT\r\nUID:u{uid}-{i}\r\nDTSTART;VALUE=DATE:20261203\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
                ));
            }
            plain.push_str("END:VCALENDAR\r\n");
            let style = Style {
                crlf: true,
                fold_at,
                split_utf8: true,
                bom: false,
                end: true,
            };
            let lines: Vec<&str> = plain.split("\r\n").filter(|l| !l.is_empty()).collect();
            let folded = render_lines(&lines, style);
            let expected = cadence::ics_import::parse(plain.as_bytes())
                .map_err(|e| TestCaseError::fail(format!("plain: {e}")))?;
            let got = cadence::ics_import::parse(&folded)
                .map_err(|e| TestCaseError::fail(format!("folded at {fold_at}: {e}")))?;
            // Only the line numbers (of physical lines) may differ.
            let same = |events: Vec<cadence::ics_import::IcsEvent>| {
                events
                    .into_iter()
                    .map(|e| cadence::ics_import::IcsEvent { line: 0, ..e })
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(same(got), same(expected));
            check_import(folded)
        },
    );
}

/// `lines` written with `style`'s line ends and folding.
fn render_lines(lines: &[&str], s: Style) -> Vec<u8> {
    let eol: &[u8] = if s.crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::new();
    for l in lines {
        let mut rest = l.as_bytes();
        let mut first = true;
        while rest.len() > s.fold_at {
            if !first {
                out.push(b' ');
            }
            out.extend_from_slice(&rest[..s.fold_at]);
            out.extend_from_slice(eol);
            rest = &rest[s.fold_at..];
            first = false;
        }
        if !first {
            out.push(b' ');
        }
        out.extend_from_slice(rest);
        out.extend_from_slice(eol);
    }
    out
}

/// Found by the fuzzer: a calendar folded in the middle of "é" was refused as not UTF-8.
#[test]
fn regression_a_fold_inside_a_character_is_put_back_together() {
    let f = fixture();
    let mut ics = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261203\r\nSUMMARY:Caf\xC3".to_vec();
    ics.extend_from_slice(b"\r\n \xA9 cr\xC3\xA8me\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    let report = f.cadence.import_ics(&f.plan.id, &ics).expect("import");
    assert_eq!(report.created, 1);
    let events = f.cadence.events(&f.plan.id).expect("events");
    assert_eq!(events[0].title, "Café crème");
}

/// Found by the fuzzer: a line folded before its colon ("DTST" + " ART:…") was refused as
/// broken folding.
#[test]
fn regression_a_fold_before_the_colon_is_fine() {
    let f = fixture();
    let ics = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTST\r\n ART;VALUE=DATE:20261203\r\nSUMM\r\n ARY:Salon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_eq!(
        f.cadence
            .import_ics(&f.plan.id, ics)
            .expect("import")
            .created,
        1
    );
    assert_eq!(
        f.cadence.events(&f.plan.id).expect("events")[0].title,
        "Salon"
    );
}

/// Found by the fuzzer: `X-COUNT=3` passed for a COUNT, so a rule repeating forever was taken.
#[test]
fn regression_x_count_does_not_bound_a_recurrence() {
    let f = fixture();
    let before = f.dump();
    for rule in [
        "FREQ=WEEKLY;X-COUNT=3",
        "FREQ=DAILY;X-UNTIL=20261231",
        "FREQ=DAILY;COUNTRY=FR",
    ] {
        let ics = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261203\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        let err = f
            .cadence
            .import_ics(&f.plan.id, ics.as_bytes())
            .expect_err(rule);
        assert!(err.to_string().contains("repeats forever"), "{rule}: {err}");
        assert_eq!(f.dump(), before, "{rule}");
    }
    for rule in [
        "FREQ=WEEKLY;COUNT=3",
        "freq=daily;until=20261231",
        "FREQ=DAILY; COUNT=2",
    ] {
        let ics = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{rule}\r\nDTSTART;VALUE=DATE:20261203\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        f.cadence
            .import_ics(&f.plan.id, ics.as_bytes())
            .expect(rule);
    }
}
