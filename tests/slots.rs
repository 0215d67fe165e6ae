//! Recurring slots: the RRULE subset expanded against known occurrence lists (computed
//! independently with python-dateutil's rrule and written here as literals), open slots,
//! filling, next free slot, DST, and a property test of the parser (no panic, no hang).
mod common;

use cadence::model::*;
use cadence::slots::Recurrence;
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use common::*;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn days(rule: &str, start: &str, from: &str, to: &str) -> Vec<String> {
    Recurrence::parse(rule)
        .unwrap_or_else(|e| panic!("{rule}: {e}"))
        .days(date(start), None, &[], (date(from), date(to)))
        .expect("expand")
        .into_iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn known_occurrence_lists() {
    // Every Tuesday and Thursday.
    assert_eq!(
        days(
            "FREQ=WEEKLY;BYDAY=TU,TH",
            "2026-03-02",
            "2026-03-02",
            "2026-03-16"
        ),
        ["2026-03-03", "2026-03-05", "2026-03-10", "2026-03-12"]
    );
    // First Monday of the month.
    assert_eq!(
        days(
            "FREQ=MONTHLY;BYDAY=1MO",
            "2026-01-01",
            "2026-01-01",
            "2027-01-01"
        ),
        [
            "2026-01-05",
            "2026-02-02",
            "2026-03-02",
            "2026-04-06",
            "2026-05-04",
            "2026-06-01",
            "2026-07-06",
            "2026-08-03",
            "2026-09-07",
            "2026-10-05",
            "2026-11-02",
            "2026-12-07"
        ]
    );
    // Last Friday of the month.
    assert_eq!(
        days(
            "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
            "2026-01-01",
            "2026-01-01",
            "2027-01-01"
        ),
        [
            "2026-01-30",
            "2026-02-27",
            "2026-03-27",
            "2026-04-24",
            "2026-05-29",
            "2026-06-26",
            "2026-07-31",
            "2026-08-28",
            "2026-09-25",
            "2026-10-30",
            "2026-11-27",
            "2026-12-25"
        ]
    );
    // Last day of the month, across a leap February.
    assert_eq!(
        days(
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "2027-11-15",
            "2027-11-01",
            "2028-04-01"
        ),
        [
            "2027-11-30",
            "2027-12-31",
            "2028-01-31",
            "2028-02-29",
            "2028-03-31"
        ]
    );
    // The 31st: months without one are skipped, not folded back.
    assert_eq!(
        days(
            "FREQ=MONTHLY;BYMONTHDAY=31",
            "2026-01-01",
            "2026-01-01",
            "2026-09-01"
        ),
        [
            "2026-01-31",
            "2026-03-31",
            "2026-05-31",
            "2026-07-31",
            "2026-08-31"
        ]
    );
    // Every other Monday, counted from the week of the start (a Wednesday).
    assert_eq!(
        days(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
            "2026-01-07",
            "2026-01-01",
            "2026-03-01"
        ),
        ["2026-01-19", "2026-02-02", "2026-02-16"]
    );
    // COUNT, across the autumn DST change.
    assert_eq!(
        days(
            "FREQ=DAILY;COUNT=3",
            "2026-10-24",
            "2026-10-01",
            "2026-11-30"
        ),
        ["2026-10-24", "2026-10-25", "2026-10-26"]
    );
    // Last working day of the month.
    assert_eq!(
        days(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "2026-01-01",
            "2026-01-01",
            "2026-07-01"
        ),
        [
            "2026-01-30",
            "2026-02-27",
            "2026-03-31",
            "2026-04-30",
            "2026-05-29",
            "2026-06-30"
        ]
    );
    // 29 February only.
    assert_eq!(
        days(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "2024-01-01",
            "2024-01-01",
            "2033-01-01"
        ),
        ["2024-02-29", "2028-02-29", "2032-02-29"]
    );
    // Far from the start: same days as counting from the start (the fast-forward keeps phase).
    assert_eq!(
        days(
            "FREQ=WEEKLY;BYDAY=TU,TH",
            "2020-01-07",
            "2030-03-01",
            "2030-03-15"
        ),
        ["2030-03-05", "2030-03-07", "2030-03-12", "2030-03-14"]
    );
    assert_eq!(
        days(
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR;WKST=SU",
            "2019-06-13",
            "2031-01-01",
            "2031-02-15"
        ),
        [
            "2031-01-03",
            "2031-01-21",
            "2031-01-24",
            "2031-02-11",
            "2031-02-14"
        ]
    );
    assert_eq!(
        days(
            "FREQ=DAILY;INTERVAL=5",
            "2000-02-29",
            "2031-01-01",
            "2031-01-20"
        ),
        ["2031-01-02", "2031-01-07", "2031-01-12", "2031-01-17"]
    );
}

#[test]
fn end_dates_and_skipped_days() {
    let r = Recurrence::parse("freq=monthly;byday=-1fr").expect("lower case is fine");
    assert_eq!(r.text(), "FREQ=MONTHLY;BYDAY=-1FR");
    let got = r
        .days(
            date("2026-01-01"),
            Some(date("2026-05-29")),
            &[date("2026-03-27"), date("2026-04-01")],
            (date("2026-01-01"), date("2027-01-01")),
        )
        .expect("expand");
    assert_eq!(
        got,
        [
            date("2026-01-30"),
            date("2026-02-27"),
            date("2026-04-24"),
            date("2026-05-29")
        ]
    );
    // Nothing before the start, nothing after the end, nothing in an empty range.
    assert!(r
        .days(
            date("2026-06-01"),
            Some(date("2026-06-30")),
            &[],
            (date("2026-01-01"), date("2026-06-01"))
        )
        .expect("expand")
        .is_empty());
    assert!(r
        .days(
            date("2026-01-01"),
            None,
            &[],
            (date("2026-03-01"), date("2026-03-01"))
        )
        .expect("expand")
        .is_empty());
}

#[test]
fn the_parser_refuses_what_the_subset_does_not_cover() {
    for (rule, why) in [
        ("", "empty"),
        ("BYDAY=MO", "no FREQ"),
        ("FREQ=HOURLY", "too fine"),
        ("FREQ=MINUTELY;INTERVAL=1", "too fine"),
        ("FREQ=WEEKLY;BYHOUR=10", "time is the slot's"),
        ("FREQ=WEEKLY;UNTIL=20261231T000000Z", "end is the slot's"),
        ("FREQ=WEEKLY;FREQ=DAILY", "twice"),
        ("FREQ=WEEKLY;BYDAY=XX", "bad weekday"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "bad month day"),
        ("FREQ=WEEKLY;INTERVAL=0", "zero interval"),
        ("FREQ=WEEKLY;INTERVAL=99999", "huge interval"),
        ("FREQ=DAILY;COUNT=100000", "huge count"),
        ("FREQ=WEEKLY;BYDAY", "no value"),
        ("FREQ=WEEKLY;BYDAY=MO\nRRULE:FREQ=DAILY", "two lines"),
        ("FREQ=WEEKLY;BYDAY=LU", "French weekday"),
        ("DTSTART:20260101T000000Z", "dtstart"),
    ] {
        let err = Recurrence::parse(rule).expect_err(why);
        assert!(
            ["invalid", "empty"].contains(&err.code()),
            "{rule}: {}",
            err.code()
        );
        assert_eq!(err.field(), Some("rule"), "{rule}");
    }
    let long = format!("FREQ=WEEKLY;BYDAY={}", vec!["MO"; 200].join(","));
    assert!(Recurrence::parse(&long).is_err());
}

#[test]
fn a_rule_that_never_happens_ends_quickly() {
    // 30 February never exists: the expansion must stop by itself.
    let r = Recurrence::parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30").expect("valid syntax");
    let t = Instant::now();
    let got = r
        .days(
            date("2026-01-01"),
            None,
            &[],
            (date("2026-01-01"), date("2028-01-01")),
        )
        .expect("expand");
    assert!(got.is_empty());
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
}

fn slot_input(f: &Fixture, rule: &str, time: &str) -> SlotInput {
    SlotInput {
        channel_id: f.instagram.id.clone(),
        rule: rule.into(),
        time: NaiveTime::parse_from_str(time, "%H:%M").expect("time"),
        start: date("2026-03-01"),
        until: None,
        skipped: vec![],
        label: "Reel".into(),
    }
}

#[test]
fn open_slots_are_the_occurrences_no_post_fills() {
    let f = fixture();
    let slot = f
        .cadence
        .create_slot(&slot_input(&f, "FREQ=WEEKLY;BYDAY=TU,TH", "10:00"))
        .expect("slot");
    assert_eq!(slot.plan_id, f.plan.id);
    // Week of 23 March 2026 (clocks go forward on Sunday 29 March in Paris) and the next.
    let open = f
        .cadence
        .open_slots(&f.plan.id, date("2026-03-23"), date("2026-04-06"))
        .expect("open");
    let shown: Vec<String> = open.iter().map(|o| o.at.to_rfc3339()).collect();
    assert_eq!(
        shown,
        [
            "2026-03-24T09:00:00+00:00", // 10:00 CET
            "2026-03-26T09:00:00+00:00",
            "2026-03-31T08:00:00+00:00", // 10:00 CEST
            "2026-04-02T08:00:00+00:00",
        ]
    );
    assert!(open
        .iter()
        .all(|o| o.local.time() == NaiveTime::from_hms_opt(10, 0, 0).expect("t")));
    // A post of that channel at 10:15 fills the Thursday slot; a post of another channel does not.
    let mut input = f.post_input();
    input.planned = Some(PlannedInput::At {
        local: local("2026-03-26 10:15"),
        timezone: "Europe/Paris".into(),
    });
    f.cadence.create_post(&input).expect("post");
    input.channels = vec![PostChannel {
        channel_id: f.x.id.clone(),
        variant: None,
    }];
    input.planned = Some(PlannedInput::At {
        local: local("2026-03-31 10:00"),
        timezone: "Europe/Paris".into(),
    });
    f.cadence.create_post(&input).expect("post");
    let open = f
        .cadence
        .open_slots(&f.plan.id, date("2026-03-23"), date("2026-04-06"))
        .expect("open");
    let days: Vec<NaiveDate> = open.iter().map(|o| o.date).collect();
    assert_eq!(
        days,
        [date("2026-03-24"), date("2026-03-31"), date("2026-04-02")]
    );

    // Filling one creates a draft post there; it is then no longer open.
    let filled = f
        .cadence
        .fill_slot(&slot.id, date("2026-03-31"), "Coulisses du mardi")
        .expect("fill");
    assert_eq!(filled.post.status, PostStatus::Draft);
    assert_eq!(filled.post.channels[0].channel_id, f.instagram.id);
    match &filled.post.planned {
        Some(Planned::At { at, .. }) => assert_eq!(at.to_rfc3339(), "2026-03-31T08:00:00+00:00"),
        other => panic!("{other:?}"),
    }
    let before = f.dump();
    let err = f
        .cadence
        .fill_slot(&slot.id, date("2026-03-31"), "Encore")
        .expect_err("already filled");
    assert_eq!(err.code(), "invalid");
    let err = f
        .cadence
        .fill_slot(&slot.id, date("2026-04-01"), "Mercredi")
        .expect_err("no slot on Wednesdays");
    assert_eq!(err.field(), Some("date"));
    assert_eq!(f.dump(), before, "refused fills write nothing");

    // Skipping a day removes it; the overlay carries the same open slots.
    f.cadence
        .skip_slot_day(&slot.id, date("2026-04-02"))
        .expect("skip");
    let overlay = f
        .cadence
        .calendar_overlay(&f.plan.id, date("2026-03-23"), date("2026-04-06"))
        .expect("overlay");
    let days: Vec<NaiveDate> = overlay.open_slots.iter().map(|o| o.date).collect();
    assert_eq!(days, [date("2026-03-24")]);
    assert_eq!(overlay.slots.len(), 1);
    assert_eq!(overlay.region, HolidayRegion::Fr);
}

#[test]
fn next_free_slot_skips_filled_and_past_ones() {
    let f = fixture();
    f.cadence
        .create_slot(&slot_input(&f, "FREQ=MONTHLY;BYDAY=-1FR", "18:00"))
        .expect("slot");
    let paris = chrono_tz::Europe::Paris;
    let after = paris
        .with_ymd_and_hms(2026, 3, 27, 18, 0, 0)
        .single()
        .expect("t")
        .with_timezone(&Utc);
    // Strictly after: the 27 March slot itself is not "next".
    let next = f
        .cadence
        .next_free_slot(&f.instagram.id, after)
        .expect("next")
        .expect("some");
    assert_eq!(next.local, local("2026-04-24 18:00"));
    // Fill April; the next one is May's last Friday.
    let mut input = f.post_input();
    input.planned = Some(PlannedInput::At {
        local: local("2026-04-24 18:00"),
        timezone: "Europe/Paris".into(),
    });
    f.cadence.create_post(&input).expect("post");
    let next = f
        .cadence
        .next_free_slot(&f.instagram.id, after)
        .expect("next")
        .expect("some");
    assert_eq!(next.date, date("2026-05-29"));
    // A channel without slots has none; an unknown channel is an error.
    assert_eq!(
        f.cadence.next_free_slot(&f.x.id, after).expect("none"),
        None
    );
    assert_eq!(
        f.cadence
            .next_free_slot("nope", after)
            .expect_err("unknown")
            .code(),
        "not_found"
    );
}

#[test]
fn a_slot_in_the_dst_gap_moves_forward_by_the_gap() {
    let f = fixture();
    let mut input = slot_input(&f, "FREQ=DAILY", "02:30");
    input.start = date("2026-03-28");
    input.until = Some(date("2026-03-30"));
    f.cadence.create_slot(&input).expect("slot");
    let open = f
        .cadence
        .open_slots(&f.plan.id, date("2026-03-01"), date("2026-04-30"))
        .expect("open");
    let locals: Vec<String> = open.iter().map(|o| o.local.to_string()).collect();
    assert_eq!(
        locals,
        [
            "2026-03-28 02:30:00",
            "2026-03-29 03:30:00",
            "2026-03-30 02:30:00"
        ]
    );
    // And filling the moved one works (the post is planned at the time that exists).
    let slot_id = open[1].slot_id.clone();
    let v = f
        .cadence
        .fill_slot(&slot_id, date("2026-03-29"), "Nuit courte")
        .expect("fill");
    assert!(
        matches!(&v.post.planned, Some(Planned::At { local: l, .. }) if *l == local("2026-03-29 03:30"))
    );
}

#[test]
fn bad_slots_are_refused_and_write_nothing() {
    let f = fixture();
    let before = f.dump();
    let mut input = slot_input(&f, "FREQ=SECONDLY", "10:00");
    assert_eq!(
        f.cadence.create_slot(&input).expect_err("rule").field(),
        Some("rule")
    );
    input.rule = "FREQ=WEEKLY".into();
    input.until = Some(date("2026-02-01"));
    assert_eq!(
        f.cadence.create_slot(&input).expect_err("until").code(),
        "end_before_start"
    );
    input.until = None;
    input.channel_id = "missing".into();
    assert_eq!(
        f.cadence.create_slot(&input).expect_err("channel").code(),
        "not_found"
    );
    assert_eq!(f.dump(), before);
    // Slots of a deleted channel disappear with it.
    let ok = f
        .cadence
        .create_slot(&slot_input(&f, "FREQ=DAILY", "09:00"))
        .expect("slot");
    assert_eq!(f.cadence.slots(&f.plan.id).expect("list").len(), 1);
    f.cadence
        .delete_channel(&f.instagram.id)
        .expect("delete channel");
    assert!(f.cadence.slots(&f.plan.id).expect("list").is_empty());
    assert!(f
        .cadence
        .open_slots(&f.plan.id, date("2026-03-01"), date("2026-03-08"))
        .expect("open")
        .is_empty());
    f.cadence.delete_slot(&ok.id).expect("delete");
    assert_eq!(
        f.cadence.delete_slot(&ok.id).expect_err("gone").code(),
        "not_found"
    );
}

fn rule_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("FREQ"),
        Just("INTERVAL"),
        Just("COUNT"),
        Just("BYDAY"),
        Just("BYMONTHDAY"),
        Just("BYMONTH"),
        Just("BYSETPOS"),
        Just("WKST"),
        Just("UNTIL"),
        Just("BYHOUR"),
        Just("X"),
    ];
    let value = prop_oneof![
        Just("DAILY".to_owned()),
        Just("WEEKLY".to_owned()),
        Just("MONTHLY".to_owned()),
        Just("YEARLY".to_owned()),
        Just("HOURLY".to_owned()),
        (-400i32..400).prop_map(|n| n.to_string()),
        proptest::collection::vec(
            (
                proptest::option::of(-60i32..60),
                prop_oneof![Just("MO"), Just("TU"), Just("FR"), Just("SU"), Just("ZZ")]
            ),
            0..8,
        )
        .prop_map(|v| v
            .into_iter()
            .map(|(n, d)| format!("{}{d}", n.map(|n| n.to_string()).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(",")),
        "[ -~]{0,12}",
    ];
    prop_oneof![
        proptest::collection::vec((key, value), 0..7).prop_map(|parts| parts
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";")),
        "\\PC{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// Any text: the parser answers (rule or coded error) and a parsed rule expands over two
    /// years in bounded time, without panicking.
    #[test]
    fn parser_and_expansion_never_panic_nor_hang(text in rule_text(), start_offset in 0i64..3000) {
        let t = Instant::now();
        if let Ok(r) = Recurrence::parse(&text) {
            let start = date("2020-01-01") + chrono::Duration::days(start_offset);
            let got = r
                .days(start, None, &[], (date("2026-01-01"), date("2028-01-01")))
                .expect("a parsed rule expands");
            prop_assert!(got.len() <= 731);
            prop_assert!(got.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(got.iter().all(|d| *d >= start));
        } else {
            let e = Recurrence::parse(&text).expect_err("same answer twice");
            prop_assert!(["invalid", "empty"].contains(&e.code()));
        }
        prop_assert!(t.elapsed() < Duration::from_secs(5), "{text:?} took {:?}", t.elapsed());
    }
}
