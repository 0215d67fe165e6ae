//! Posts: storage round trip, revisions, tombstones, and the week query in the plan's zone.
mod common;

use cadence::model::*;
use common::*;

#[test]
fn a_post_round_trips_with_everything() {
    let f = fixture();
    let mut input = f.post_input();
    input.title = "  Café, ; \\ \"citation\" <b>gras</b>  ".into();
    input.body = "Ligne 1\nLigne 2 — émoji 🎄".into();
    input.tags = vec!["#hiver".into(), "Noël".into(), "noël".into()];
    input.links = vec!["https://cafe.example/hiver?x=1&y=2".into()];
    input.duration_minutes = Some(45);
    input.assignee = "Amélie".into();
    input.notes = "Photo par Jérôme".into();
    input.channels.push(PostChannel {
        channel_id: f.x.id.clone(),
        variant: Some("Court".into()),
    });
    let v = f.cadence.create_post(&input).expect("create");
    let p = f.cadence.post(&v.post.id).expect("get").post;
    assert_eq!(p, v.post);
    assert_eq!(p.title, "Café, ; \\ \"citation\" <b>gras</b>");
    assert_eq!(p.body, "Ligne 1\nLigne 2 — émoji 🎄");
    assert_eq!(p.tags, vec!["hiver", "Noël"]);
    assert_eq!(p.channels.len(), 2);
    assert_eq!(p.channels[1].variant.as_deref(), Some("Court"));
    match p.planned {
        Some(Planned::At {
            at,
            timezone,
            local: l,
        }) => {
            assert_eq!(at.to_rfc3339(), "2026-12-03T09:00:00+00:00");
            assert_eq!(timezone, "Europe/Paris");
            assert_eq!(l, local("2026-12-03 10:00"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.meta.revision, 0);
    uuid::Uuid::parse_str(&p.id).expect("uuid id");
}

#[test]
fn the_revision_goes_up_on_each_change_and_only_then() {
    let f = fixture();
    let v = f.cadence.create_post(&f.post_input()).expect("create");
    let same = f
        .cadence
        .update_post(&v.post.id, &f.post_input())
        .expect("update");
    assert_eq!(same.post.meta.revision, 0, "no change, no new revision");
    let mut input = f.post_input();
    input.title = "Nouveau titre".into();
    let changed = f.cadence.update_post(&v.post.id, &input).expect("update");
    assert_eq!(changed.post.meta.revision, 1);
    assert_eq!(changed.post.id, v.post.id);
    assert_eq!(changed.post.meta.created_at, v.post.meta.created_at);
    let moved = f
        .cadence
        .reschedule_post(
            &v.post.id,
            Some(PlannedInput::Day {
                date: date("2026-12-04"),
            }),
        )
        .expect("reschedule");
    assert_eq!(moved.post.meta.revision, 2);
    assert_eq!(moved.post.title, "Nouveau titre");
    assert_eq!(
        moved.post.planned,
        Some(Planned::Day {
            date: date("2026-12-04")
        })
    );
}

#[test]
fn deleting_keeps_a_tombstone_that_can_be_restored_with_its_links() {
    let f = fixture();
    let mut input = f.post_input();
    input.tags = vec!["hiver".into()];
    let v = f.cadence.create_post(&input).expect("create");
    let week = (date("2026-11-30"), date("2026-12-07"));
    assert_eq!(
        f.cadence
            .range(&f.plan.id, week.0, week.1)
            .expect("range")
            .posts
            .len(),
        1
    );
    let deleted = f.cadence.delete_post(&v.post.id).expect("delete");
    assert!(deleted.post.meta.deleted_at.is_some());
    assert_eq!(deleted.post.meta.revision, 1);
    assert!(f
        .cadence
        .range(&f.plan.id, week.0, week.1)
        .expect("range")
        .posts
        .is_empty());
    assert_eq!(f.cadence.trash(&f.plan.id).expect("trash").len(), 1);
    assert_eq!(
        f.cadence.delete_post(&v.post.id).expect_err("twice").code(),
        "not_found"
    );
    let back = f.cadence.restore_post(&v.post.id).expect("restore");
    assert_eq!(back.post.meta.revision, 2);
    assert!(back.post.meta.deleted_at.is_none());
    assert_eq!(back.post.tags, vec!["hiver"]);
    assert_eq!(back.post.channels, v.post.channels);
    assert_eq!(
        f.cadence
            .range(&f.plan.id, week.0, week.1)
            .expect("range")
            .posts
            .len(),
        1
    );
}

#[test]
fn the_week_query_uses_the_plan_zone_for_its_edges() {
    let f = fixture(); // plan in Europe/Paris
    let at = |l: &str, tz: &str| {
        Some(PlannedInput::At {
            local: local(l),
            timezone: tz.into(),
        })
    };
    let cases = [
        (
            "lundi 00:00 Paris",
            at("2026-11-30 00:00", "Europe/Paris"),
            true,
        ),
        (
            "dimanche 23:59 Paris",
            at("2026-12-06 23:59", "Europe/Paris"),
            true,
        ),
        (
            "dimanche d'avant 23:59 Paris",
            at("2026-11-29 23:59", "Europe/Paris"),
            false,
        ),
        (
            "lundi suivant 00:00 Paris",
            at("2026-12-07 00:00", "Europe/Paris"),
            false,
        ),
        // 17:30 on Sunday in Toronto is 23:30 in Paris: inside.
        (
            "dimanche 17:30 Toronto",
            at("2026-12-06 17:30", "America/Toronto"),
            true,
        ),
        // 18:30 on Sunday in Toronto is 00:30 Monday in Paris: next week.
        (
            "dimanche 18:30 Toronto",
            at("2026-12-06 18:30", "America/Toronto"),
            false,
        ),
        (
            "jour seul lundi",
            Some(PlannedInput::Day {
                date: date("2026-11-30"),
            }),
            true,
        ),
        (
            "jour seul dimanche",
            Some(PlannedInput::Day {
                date: date("2026-12-06"),
            }),
            true,
        ),
        (
            "jour seul lundi suivant",
            Some(PlannedInput::Day {
                date: date("2026-12-07"),
            }),
            false,
        ),
        ("sans date", None, false),
    ];
    for (title, planned, _) in &cases {
        let mut input = f.post_input();
        input.title = (*title).into();
        input.planned = planned.clone();
        f.cadence.create_post(&input).expect("create");
    }
    let view = f
        .cadence
        .range(&f.plan.id, date("2026-11-30"), date("2026-12-07"))
        .expect("range");
    let mut got: Vec<&str> = view.posts.iter().map(|v| v.post.title.as_str()).collect();
    got.sort();
    let mut want: Vec<&str> = cases.iter().filter(|c| c.2).map(|c| c.0).collect();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(view.channels.len(), 2);
    assert_eq!(view.objectives.len(), 1);
}

#[test]
fn ten_o_clock_in_paris_stays_ten_o_clock_across_the_dst_change() {
    let f = fixture();
    for day in ["2026-03-27", "2026-03-30", "2026-10-23", "2026-10-26"] {
        let mut input = f.post_input();
        input.planned = Some(PlannedInput::At {
            local: local(&format!("{day} 10:00")),
            timezone: "Europe/Paris".into(),
        });
        let v = f.cadence.create_post(&input).expect("create");
        let Some(Planned::At { at, local: l, .. }) = v.post.planned else {
            panic!("timed")
        };
        assert_eq!(l.format("%H:%M").to_string(), "10:00");
        let expected_utc_hour = if day == "2026-03-27" || day == "2026-10-26" {
            9
        } else {
            8
        };
        assert_eq!(
            at.format("%H").to_string(),
            format!("{expected_utc_hour:02}"),
            "{day}"
        );
    }
}

#[test]
fn events_show_in_the_weeks_they_overlap() {
    let f = fixture();
    let mk = |title: &str, when| EventInput {
        plan_id: f.plan.id.clone(),
        kind: EventKind::TradeShow,
        title: title.into(),
        description: String::new(),
        location: "Paris Expo".into(),
        when,
    };
    f.cadence
        .create_event(&mk(
            "Salon sur deux semaines",
            EventWhenInput::AllDay {
                start: date("2026-11-28"),
                end: date("2026-12-01"),
            },
        ))
        .expect("event");
    f.cadence
        .create_event(&mk(
            "Veille",
            EventWhenInput::AllDay {
                start: date("2026-11-29"),
                end: date("2026-11-29"),
            },
        ))
        .expect("event");
    f.cadence
        .create_event(&mk(
            "Webinaire",
            EventWhenInput::Timed {
                start_local: local("2026-12-06 23:00"),
                end_local: local("2026-12-07 01:00"),
                timezone: "Europe/Paris".into(),
            },
        ))
        .expect("event");
    let view = f
        .cadence
        .range(&f.plan.id, date("2026-11-30"), date("2026-12-07"))
        .expect("range");
    let titles: Vec<&str> = view.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, vec!["Salon sur deux semaines", "Webinaire"]);
}
