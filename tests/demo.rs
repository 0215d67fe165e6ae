//! The sample plan a new user sees on first run.
mod common;

use cadence::demo::{create_sample, offer_sample_on_first_run, SAMPLE_PLAN_NAME};
use cadence::model::*;
use chrono::Duration;
use common::*;
use std::collections::HashSet;

#[test]
fn the_sample_plan_is_a_real_plan_around_the_current_week() {
    let (_dir, c) = open_temp();
    let today = date("2026-11-25"); // a Wednesday
    let plan = create_sample(&c, today).expect("sample");
    assert_eq!(plan.name, SAMPLE_PLAN_NAME);
    assert_eq!(plan.timezone, "Europe/Paris");
    assert_eq!(plan.locale, "fr-FR");
    let o = c.plan_overview(&plan.id).expect("overview");
    assert_eq!(o.objectives.len(), 3);
    let platforms: HashSet<Platform> = o.channels.iter().map(|c| c.platform).collect();
    assert_eq!(
        platforms,
        HashSet::from([
            Platform::Instagram,
            Platform::Facebook,
            Platform::Linkedin,
            Platform::Internal
        ])
    );
    let kinds: HashSet<EventKind> = o.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        HashSet::from([EventKind::OpenDay, EventKind::ProductLaunch])
    );

    let monday = date("2026-11-23");
    let mut statuses = HashSet::new();
    let mut warnings = HashSet::new();
    for week in [-1i64, 0, 1] {
        let from = monday + Duration::weeks(week);
        let view = c
            .range(&plan.id, from, from + Duration::days(7))
            .expect("range");
        assert!(
            view.posts.len() >= 4,
            "week {week}: {} posts",
            view.posts.len()
        );
        for v in &view.posts {
            statuses.insert(v.post.status);
            warnings.extend(v.warnings.iter().map(|w| w.code));
        }
    }
    for s in [
        PostStatus::Published,
        PostStatus::Scheduled,
        PostStatus::Draft,
        PostStatus::Idea,
    ] {
        assert!(statuses.contains(&s), "no {s} post");
    }
    for w in [
        WarningCode::NoObjective,
        WarningCode::NoCustomerValue,
        WarningCode::OverChannelLimit,
        WarningCode::OutsideObjectivePeriod,
    ] {
        assert!(warnings.contains(&w), "no {w:?} warning in the sample");
    }
    assert!(
        create_sample(&c, today).is_err(),
        "a second sample plan is refused"
    );
}

#[test]
fn the_sample_is_offered_once_on_an_empty_database_only() {
    let (_dir, c) = open_temp();
    let today = date("2026-11-23");
    assert!(offer_sample_on_first_run(&c, today)
        .expect("first")
        .is_some());
    assert!(offer_sample_on_first_run(&c, today)
        .expect("second")
        .is_none());
    let plan = c.plans().expect("plans").remove(0);
    c.delete_plan(&plan.id).expect("delete");
    assert!(
        offer_sample_on_first_run(&c, today)
            .expect("after delete")
            .is_none(),
        "a user who deleted the sample does not get it back"
    );

    let (_dir2, c2) = open_temp();
    c2.create_plan(&PlanInput {
        name: "Ma marque".into(),
        timezone: "America/Toronto".into(),
        locale: "fr-CA".into(),
    })
    .expect("plan");
    assert!(offer_sample_on_first_run(&c2, today)
        .expect("offer")
        .is_none());
}
