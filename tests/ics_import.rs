//! Events from other calendars: one-off events, idempotent by UID, hostile files refused whole.
mod common;

use cadence::model::EventWhen;
use common::*;
use proptest::prelude::*;

fn ics(events: &str) -> Vec<u8> {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//FR\r\n{events}END:VCALENDAR\r\n")
        .into_bytes()
}

const SALON: &str = "BEGIN:VEVENT\r\nUID:salon-2026@example.com\r\nDTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261205\r\nSUMMARY:Salon des métiers de bouche\r\nLOCATION:Lyon\\, Eurexpo\r\nEND:VEVENT\r\n";
const WEBINAR: &str = "BEGIN:VEVENT\r\nUID:webinar-1\r\nDTSTART;TZID=America/Toronto:20261210T140000\r\nDTEND;TZID=America/Toronto:20261210T150000\r\nSUMMARY:Webinaire\r\n  sur deux lignes\r\nDESCRIPTION:Ligne 1\\nLigne 2\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:rappel\r\nEND:VALARM\r\nEND:VEVENT\r\n";

#[test]
fn events_are_imported_and_reimporting_updates_instead_of_duplicating() {
    let f = fixture();
    let r = f
        .cadence
        .import_ics(&f.plan.id, &ics(&format!("{SALON}{WEBINAR}")))
        .expect("import");
    assert_eq!((r.created, r.updated, r.unchanged), (2, 0, 0));
    let events = f.cadence.events(&f.plan.id).expect("events");
    assert_eq!(events.len(), 2);
    let salon = &events[0];
    assert_eq!(salon.title, "Salon des métiers de bouche");
    assert_eq!(salon.location, "Lyon, Eurexpo");
    assert_eq!(
        salon.when,
        EventWhen::AllDay {
            start: date("2026-12-03"),
            end: date("2026-12-04")
        }
    );
    let webinar = &events[1];
    assert_eq!(webinar.title, "Webinaire sur deux lignes");
    assert_eq!(webinar.description, "Ligne 1\nLigne 2");
    assert!(
        matches!(&webinar.when, EventWhen::Timed { start_local, timezone, .. }
            if *start_local == local("2026-12-10 14:00") && timezone == "America/Toronto")
    );

    let before = f.dump();
    let again = f
        .cadence
        .import_ics(&f.plan.id, &ics(&format!("{SALON}{WEBINAR}")))
        .expect("again");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    assert_eq!(f.dump(), before, "the same file changes nothing");

    let moved = SALON.replace("20261203", "20261202");
    let r = f
        .cadence
        .import_ics(&f.plan.id, &ics(&moved))
        .expect("moved");
    assert_eq!((r.created, r.updated), (0, 1));
    let events = f.cadence.events(&f.plan.id).expect("events");
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].meta.revision, 1);
}

#[test]
fn hostile_calendars_are_refused_whole() {
    let f = fixture();
    let before = f.dump();
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (
            ics(&format!(
                "{SALON}{}",
                SALON.replace("UID:salon-2026@example.com\r\n", "")
            )),
            "import_row",
            "without UID",
        ),
        (
            ics(&SALON.replace("20261203", "00000101")),
            "import_row",
            "out of range",
        ),
        (
            ics(&SALON.replace("20261205", "99991231")),
            "import_row",
            "out of range",
        ),
        (
            ics(&SALON.replace("SUMMARY", "RRULE:FREQ=DAILY\r\nSUMMARY")),
            "import_row",
            "repeats forever",
        ),
        (
            ics(&SALON.replace("SUMMARY:", "SUMMARY:cassé\r\nmal plié\r\nX:")),
            "import_row",
            "broken folding",
        ),
        (
            format!(" plié\r\n{}", String::from_utf8(ics(SALON)).expect("utf-8")).into_bytes(),
            "import_row",
            "continues nothing",
        ),
        (
            ics(&SALON.replace("END:VEVENT\r\n", "")),
            "import_row",
            "never ends",
        ),
        (
            b"pas un calendrier: non".to_vec(),
            "unsupported_file",
            "VCALENDAR",
        ),
        (vec![0xff, 0xfe, 0x00], "unsupported_file", "UTF-8"),
        (
            vec![b'a'; cadence::ics_import::MAX_ICS_BYTES + 1],
            "file_too_large",
            "too large",
        ),
    ];
    for (bytes, code, words) in cases {
        let err = f.cadence.import_ics(&f.plan.id, &bytes).expect_err(words);
        assert_eq!(err.code(), code, "{words}: {err}");
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(f.dump(), before, "{words}");
    }
    // A bounded recurrence is accepted (its first occurrence becomes the one-off event).
    let bounded = SALON.replace("SUMMARY", "RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY");
    assert_eq!(
        f.cadence
            .import_ics(&f.plan.id, &ics(&bounded))
            .expect("bounded")
            .created,
        1
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Mutated calendars and arbitrary lines: a result or a coded error, never a panic.
    #[test]
    fn the_ics_importer_never_panics(
        lines in prop::collection::vec(prop_oneof![
            Just("BEGIN:VEVENT".to_owned()), Just("END:VEVENT".to_owned()),
            Just("UID:x".to_owned()), Just("DTSTART:20261203T100000Z".to_owned()),
            Just("DTSTART;VALUE=DATE:20261203".to_owned()), Just("DTEND:20261201T100000".to_owned()),
            Just("RRULE:FREQ=DAILY".to_owned()), Just(" suite".to_owned()),
            Just("BEGIN:VALARM".to_owned()), Just("END:VALARM".to_owned()),
            "[A-Z;=:]{1,12}:[\\PC]{0,20}",
        ], 0..20),
    ) {
        let f = shared();
        let text = format!("BEGIN:VCALENDAR\r\n{}\r\nEND:VCALENDAR\r\n", lines.join("\r\n"));
        if let Err(e) = f.cadence.import_ics(&f.plan.id, text.as_bytes()) {
            prop_assert!(["import_row", "unsupported_file", "end_before_start", "nonexistent_local_time"].contains(&e.code()), "{e}");
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = cadence::ics_import::parse(&bytes);
    }
}

fn shared() -> &'static Fixture {
    thread_local! {
        static F: &'static Fixture = Box::leak(Box::new(fixture()));
    }
    F.with(|f| *f)
}
