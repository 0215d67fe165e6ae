//! The trash: deleted plans, posts and events come back with their links for 30 days, then go
//! (posts and events once no calendar export announces them cancelled any more).
mod common;

use cadence::model::*;
use cadence::service::{Restored, TRASH_DAYS};
use chrono::{Duration, Utc};
use common::*;

fn event_input(f: &Fixture) -> EventInput {
    EventInput {
        plan_id: f.plan.id.clone(),
        kind: EventKind::ProductLaunch,
        title: "Lancement de la carte d'hiver".into(),
        description: String::new(),
        location: "Québec".into(),
        when: EventWhenInput::AllDay {
            start: date("2026-12-03"),
            end: date("2026-12-04"),
        },
    }
}

fn fk_violations(f: &Fixture) -> i64 {
    f.cadence
        .db()
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .expect("fk check")
}

#[test]
fn a_deleted_event_comes_back_with_the_posts_that_refer_to_it() {
    let f = fixture();
    let event = f.cadence.create_event(&event_input(&f)).expect("event");
    let mut input = f.post_input();
    input.event_id = Some(event.id.clone());
    let post = f.cadence.create_post(&input).expect("post");

    let deleted = f.cadence.delete_event(&event.id).expect("delete");
    assert!(deleted.meta.deleted_at.is_some());
    assert!(f.cadence.events(&f.plan.id).expect("events").is_empty());
    let trash = f.cadence.trash_of_plan(&f.plan.id).expect("trash");
    assert_eq!(trash.events.len(), 1);
    assert!(trash.posts.is_empty());
    // The post still points at it while it is in the trash.
    assert_eq!(
        f.cadence.post(&post.post.id).expect("post").post.event_id,
        Some(event.id.clone())
    );

    let Restored::Event(back) = f.cadence.restore_item(&event.id).expect("restore") else {
        panic!("an event");
    };
    assert!(back.meta.deleted_at.is_none());
    assert_eq!(back.meta.revision, deleted.meta.revision + 1);
    assert_eq!(f.cadence.events(&f.plan.id).expect("events"), vec![back]);
    assert_eq!(
        f.cadence.post(&post.post.id).expect("post").post.event_id,
        Some(event.id)
    );
    assert!(f
        .cadence
        .trash_of_plan(&f.plan.id)
        .expect("trash")
        .events
        .is_empty());
}

#[test]
fn a_deleted_plan_comes_back_with_everything_it_held() {
    let f = fixture();
    let event = f.cadence.create_event(&event_input(&f)).expect("event");
    let mut input = f.post_input();
    input.event_id = Some(event.id.clone());
    input.tags = vec!["hiver".into()];
    input.links = vec!["https://example.com/carte".into()];
    let post = f.cadence.create_post(&input).expect("post");
    let before = f.cadence.plan_overview(&f.plan.id).expect("overview");
    let week = (date("2026-11-30"), date("2026-12-07"));
    let range_before = f.cadence.range(&f.plan.id, week.0, week.1).expect("range");

    f.cadence.delete_plan(&f.plan.id).expect("delete");
    assert!(f.cadence.plans().expect("plans").is_empty());
    let trashed = f.cadence.trashed_plans().expect("trash");
    assert_eq!(trashed.len(), 1);
    assert_eq!(trashed[0].id, f.plan.id);

    let Restored::Plan(plan) = f.cadence.restore_item(&f.plan.id).expect("restore") else {
        panic!("a plan");
    };
    assert!(plan.meta.deleted_at.is_none());
    let after = f.cadence.plan_overview(&f.plan.id).expect("overview");
    assert_eq!(after.channels, before.channels);
    assert_eq!(after.objectives, before.objectives);
    assert_eq!(after.events, before.events);
    let range_after = f.cadence.range(&f.plan.id, week.0, week.1).expect("range");
    assert_eq!(range_after.posts, range_before.posts);
    let back = f.cadence.post(&post.post.id).expect("post").post;
    assert_eq!(back, post.post, "the post itself was never touched");
    assert!(f.cadence.trashed_plans().expect("trash").is_empty());
}

#[test]
fn restoring_a_plan_whose_name_was_taken_again_is_refused() {
    let f = fixture();
    f.cadence.delete_plan(&f.plan.id).expect("delete");
    f.cadence
        .create_plan(&PlanInput {
            name: "café québec".into(),
            timezone: "America/Toronto".into(),
            locale: "fr-CA".into(),
        })
        .expect("same name");
    let before = f.dump();
    let err = f.cadence.restore_item(&f.plan.id).expect_err("taken");
    assert_eq!(err.code(), "duplicate");
    assert_eq!(f.dump(), before);
}

#[test]
fn restoring_an_unknown_id_names_it_and_writes_nothing() {
    let f = fixture();
    let before = f.dump();
    let err = f.cadence.restore_item("nope").expect_err("unknown");
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("nope"), "{err}");
    assert_eq!(f.dump(), before);
}

#[test]
fn purge_removes_only_what_has_been_in_the_trash_for_30_days() {
    let f = fixture();
    let live_post = f.cadence.create_post(&f.post_input()).expect("live post");
    let doomed_post = f.cadence.create_post(&f.post_input()).expect("post");
    let doomed_event = f.cadence.create_event(&event_input(&f)).expect("event");
    let mut linked = f.post_input();
    linked.event_id = Some(doomed_event.id.clone());
    let linked = f.cadence.create_post(&linked).expect("linked post");
    let other = f
        .cadence
        .create_plan(&PlanInput {
            name: "Ancienne marque".into(),
            timezone: "Europe/Paris".into(),
            locale: "fr-FR".into(),
        })
        .expect("plan");
    let mut in_other = f.post_input();
    in_other.plan_id = other.id.clone();
    in_other.channels.clear();
    in_other.objective_id = None;
    let in_other = f
        .cadence
        .create_post(&in_other)
        .expect("post in other plan");

    f.cadence.delete_post(&doomed_post.post.id).expect("delete");
    f.cadence.delete_event(&doomed_event.id).expect("delete");
    f.cadence.delete_plan(&other.id).expect("delete");

    // Within 30 days nothing goes.
    let before = f.dump();
    let soon = Utc::now() + Duration::days(TRASH_DAYS - 1);
    let purged = f.cadence.purge_trash(soon).expect("purge");
    assert_eq!(purged, Default::default());
    assert_eq!(f.dump(), before);

    // After 30 days the plan goes (its feeds already answer 404), with all it holds; the
    // deleted post and event of the live plan stay while exports announce them cancelled.
    let later = Utc::now() + Duration::days(TRASH_DAYS) + Duration::minutes(1);
    let purged = f.cadence.purge_trash(later).expect("purge");
    assert_eq!((purged.plans, purged.posts, purged.events), (1, 0, 0));
    let after_retention = Utc::now() + Duration::days(i64::from(DEFAULT_RETENTION_DAYS) + 1);
    let purged = f.cadence.purge_trash(after_retention).expect("purge");
    assert_eq!((purged.plans, purged.posts, purged.events), (0, 1, 1));
    for id in [&doomed_post.post.id, &in_other.post.id] {
        assert_eq!(f.cadence.post(id).expect_err("gone").code(), "not_found");
    }
    assert_eq!(
        f.cadence
            .restore_item(&doomed_event.id)
            .expect_err("gone")
            .code(),
        "not_found"
    );
    assert_eq!(
        f.cadence.restore_item(&other.id).expect_err("gone").code(),
        "not_found"
    );
    // Live things stay; a post that referred to the purged event stays, without it.
    assert_eq!(
        f.cadence.post(&live_post.post.id).expect("live").post,
        live_post.post
    );
    assert_eq!(
        f.cadence
            .post(&linked.post.id)
            .expect("linked")
            .post
            .event_id,
        None
    );
    let orphans: i64 = f
        .cadence
        .db()
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM post_channels WHERE post_id NOT IN (SELECT id FROM posts)",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("orphans");
    assert_eq!(orphans, 0);
    assert_eq!(fk_violations(&f), 0);
    assert!(f.cadence.trashed_plans().expect("trash").is_empty());
    let trash = f.cadence.trash_of_plan(&f.plan.id).expect("trash");
    assert!(trash.posts.is_empty() && trash.events.is_empty());
}

fn export_at(f: &Fixture, filter: &ExportFilter, now: chrono::DateTime<Utc>) -> String {
    let mut out = Vec::new();
    f.cadence
        .export_ics_at(filter, now, &mut out)
        .expect("export");
    String::from_utf8(out).expect("utf-8")
}

/// Exports write a deleted post `STATUS:CANCELLED` for 60 days (or a feed's longer
/// retention): the purge must not drop it sooner, or a client merging by UID never learns.
#[test]
fn purge_keeps_a_deleted_post_while_exports_announce_it_cancelled() {
    let f = fixture();
    // Published to calendars (drafts are not exported, so never need a tombstone).
    let mut input = f.post_input();
    input.status = PostStatus::Scheduled;
    let post = f.cadence.create_post(&input).expect("post");
    let long = f.cadence.create_post(&input).expect("post");
    let uid = format!("UID:{}@cadence", post.post.id);
    let everything = ExportFilter::for_plan(&f.plan.id);
    let mut long_feed = ExportFilter::for_plan(&f.plan.id);
    long_feed.retention_days = Some(90);
    f.cadence
        .create_feed(&FeedInput {
            name: "Agenda long".into(),
            filter: long_feed.clone(),
        })
        .expect("feed");
    assert_eq!(f.cadence.tombstone_days(&f.plan.id).expect("days"), 90);
    f.cadence.delete_post(&post.post.id).expect("delete");
    f.cadence.delete_post(&long.post.id).expect("delete");
    let now = Utc::now();

    // Day 40: out of the 30-day trash promise, still announced by every export: kept.
    let day40 = now + Duration::days(40);
    assert!(export_at(&f, &everything, day40).contains(&uid));
    assert_eq!(f.cadence.purge_trash(day40).expect("purge").posts, 0);
    let ics = export_at(&f, &everything, day40);
    let at = ics.find(&uid).expect("still exported after the purge");
    let vevent = &ics[at..at + ics[at..].find("END:VEVENT").expect("end")];
    assert!(vevent.contains("STATUS:CANCELLED"), "{vevent}");

    // Day 61: the default retention no longer announces them, but the 90-day feed does.
    let day61 = now + Duration::days(61);
    assert!(!export_at(&f, &everything, day61).contains(&uid));
    assert!(export_at(&f, &long_feed, day61).contains(&uid));
    assert_eq!(f.cadence.purge_trash(day61).expect("purge").posts, 0);
    assert!(export_at(&f, &long_feed, day61).contains(&uid));

    // Day 92: nothing announces them any more: both go for good.
    let day92 = now + Duration::days(92);
    assert!(!export_at(&f, &long_feed, day92).contains(&uid));
    assert_eq!(f.cadence.purge_trash(day92).expect("purge").posts, 2);
    assert_eq!(
        f.cadence.post(&post.post.id).expect_err("gone").code(),
        "not_found"
    );
}

#[test]
fn emptying_the_trash_by_hand_removes_what_is_asked_and_no_more() {
    let f = fixture();
    let kept = f.cadence.create_post(&f.post_input()).expect("live");
    let gone = f.cadence.create_post(&f.post_input()).expect("post");
    let event = f.cadence.create_event(&event_input(&f)).expect("event");
    f.cadence.delete_post(&gone.post.id).expect("delete");
    f.cadence.delete_event(&event.id).expect("delete");
    let now = Utc::now();
    // Only what is older than 30 days: nothing yet.
    let purged = f
        .cadence
        .empty_trash(&f.plan.id, now - Duration::days(TRASH_DAYS))
        .expect("empty");
    assert_eq!((purged.posts, purged.events), (0, 0));
    let purged = f
        .cadence
        .empty_trash(&f.plan.id, now + Duration::seconds(1))
        .expect("empty");
    assert_eq!((purged.posts, purged.events), (1, 1));
    let trash = f.cadence.trash_of_plan(&f.plan.id).expect("trash");
    assert!(trash.posts.is_empty() && trash.events.is_empty());
    assert!(f.cadence.post(&kept.post.id).is_ok());
    assert_eq!(
        f.cadence
            .empty_trash("nope", now)
            .expect_err("no plan")
            .code(),
        "not_found"
    );
}
