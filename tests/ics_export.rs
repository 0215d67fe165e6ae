//! The .ics export through the core and the CLI: stable UIDs, SEQUENCE, tombstones, filters,
//! line layout, and feeds' bookkeeping. Independent parsers read exports in `ics_parsers.rs`.
mod common;

use cadence::ics::writer::unescape;
use cadence::ics::{event_uid, post_uid};
use cadence::model::*;
use chrono::{Duration, Utc};
use common::edge_plan::edge_plan;
use common::ics_text::{by_uid, one, vevents};
use common::{dump, fixture};
use std::process::Command;

fn export(cadence: &cadence::Cadence, filter: &ExportFilter) -> Vec<u8> {
    let mut out = Vec::new();
    cadence.export_ics(filter, &mut out).expect("export");
    out
}

#[test]
fn editing_keeps_the_uid_and_raises_the_sequence_deleting_cancels() {
    let f = fixture();
    let filter = ExportFilter::for_plan(&f.plan.id);
    let mut input = f.post_input();
    input.status = PostStatus::Scheduled;
    let post = f.cadence.create_post(&input).expect("post").post;
    let uid = post_uid(&post.id);

    let first = vevents(&export(&f.cadence, &filter));
    assert_eq!(first.len(), 1);
    let e = by_uid(&first, &uid).expect("exported");
    assert_eq!(one(e, "SEQUENCE"), "0");
    assert_eq!(one(e, "STATUS"), "CONFIRMED");
    assert_eq!(one(e, "DTSTART"), "20261203T090000Z");

    // Re-exporting without a change gives the very same bytes.
    assert_eq!(export(&f.cadence, &filter), export(&f.cadence, &filter));

    input.title = "Nouvelle carte d'hiver, 2ᵉ version".into();
    input.planned = Some(PlannedInput::At {
        local: common::local("2026-12-03 11:30"),
        timezone: "Europe/Paris".into(),
    });
    f.cadence.update_post(&post.id, &input).expect("edit");
    let second = vevents(&export(&f.cadence, &filter));
    assert_eq!(second.len(), 1, "updated, not duplicated");
    let e = by_uid(&second, &uid).expect("same UID");
    assert_eq!(one(e, "SEQUENCE"), "1");
    assert_eq!(one(e, "DTSTART"), "20261203T103000Z");
    assert!(unescape(one(e, "SUMMARY")).ends_with("Nouvelle carte d'hiver, 2ᵉ version"));
    assert!(one(e, "LAST-MODIFIED") >= one(by_uid(&first, &uid).expect("e"), "LAST-MODIFIED"));

    f.cadence.delete_post(&post.id).expect("delete");
    let third = vevents(&export(&f.cadence, &filter));
    assert_eq!(third.len(), 1, "a deleted post stays, cancelled");
    let e = by_uid(&third, &uid).expect("same UID");
    assert_eq!(one(e, "STATUS"), "CANCELLED");
    assert_eq!(one(e, "SEQUENCE"), "2");

    // Past the retention window, the tombstone leaves the export.
    let later = |days| {
        let mut out = Vec::new();
        f.cadence
            .export_ics_at(&filter, Utc::now() + Duration::days(days), &mut out)
            .expect("export");
        vevents(&out).len()
    };
    assert_eq!(later(59), 1);
    assert_eq!(later(61), 0);
    let short = ExportFilter {
        retention_days: Some(0),
        ..filter.clone()
    };
    let mut out = Vec::new();
    f.cadence
        .export_ics_at(&short, Utc::now() + Duration::days(1), &mut out)
        .expect("export");
    assert!(vevents(&out).is_empty());
}

#[test]
fn the_edge_plan_is_escaped_folded_and_complete() {
    let f = fixture();
    let edge = edge_plan(&f.cadence);
    let filter = ExportFilter {
        include_drafts: true,
        alarm_minutes: Some(30),
        ..ExportFilter::for_plan(&edge.plan.id)
    };
    let bytes = export(&f.cadence, &filter);
    let events = vevents(&bytes);
    // 15 live posts + the cancelled and the deleted one; 3 events + the deleted one.
    assert_eq!(events.len(), 21);
    for e in &events {
        for name in [
            "UID",
            "SEQUENCE",
            "DTSTAMP",
            "CREATED",
            "LAST-MODIFIED",
            "DTSTART",
            "SUMMARY",
        ] {
            one(e, name);
        }
        for name in ["DTSTAMP", "CREATED", "LAST-MODIFIED"] {
            assert!(one(e, name).ends_with('Z'), "{name} in UTC");
        }
    }
    let long = by_uid(&events, &post_uid(&edge.long.id)).expect("long post");
    let description = unescape(one(long, "DESCRIPTION"));
    assert!(description.starts_with(&format!("{}\n\n", edge.long.body)));
    assert_eq!(edge.long.body.chars().count(), 2000);
    assert_eq!(
        one(long, "CATEGORIES"),
        "Insta\\, Paris\\; \"officiel\",LinkedIn Toronto 🍁,Ventes\\, fêtes\\; Noël \\\\ 2026"
    );
    let cancelled = by_uid(&events, &post_uid(&edge.cancelled.id)).expect("cancelled");
    assert_eq!(one(cancelled, "STATUS"), "CANCELLED");
    assert!(!cancelled.contains_key("VALARM"));
    let deleted = by_uid(&events, &post_uid(&edge.deleted.id)).expect("deleted");
    assert_eq!(one(deleted, "STATUS"), "CANCELLED");
    assert_eq!(
        one(deleted, "SEQUENCE"),
        edge.deleted.meta.revision.to_string()
    );
    let ev = by_uid(&events, &event_uid(&edge.deleted_event.id)).expect("deleted event");
    assert_eq!(one(ev, "STATUS"), "CANCELLED");
    assert_eq!(one(ev, "DTSTART"), "20260610");
    assert_eq!(
        one(ev, "DTEND"),
        "20260612",
        "exclusive end of a two-day event"
    );
    let edited = by_uid(&events, &post_uid(&edge.edited.id)).expect("edited");
    assert_eq!(one(edited, "SEQUENCE"), "2");
    assert_eq!(one(edited, "URL"), "https://www.instagram.com/p/edge,1");
    assert_eq!(one(edited, "DTSTART"), "20261210T100000Z");
    assert_eq!(one(edited, "DTEND"), "20261210T103000Z");
    // The calendar itself.
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence//"));
    assert!(text.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
    assert!(text.contains("\r\nX-PUBLISHED-TTL:PT1H\r\n"));
    assert!(text.contains("\r\nTRIGGER:-PT30M\r\n"));
    let unfolded = cadence::ics::writer::unfold(&text);
    assert!(
        unfolded.contains("\r\nX-WR-CALNAME:Édition spéciale \\; tests\\, « accents » \\\\ 🥐\r\n")
    );
}

#[test]
fn filters_choose_posts_and_drafts_stay_out_by_default() {
    let f = fixture();
    let mut input = f.post_input();
    let draft = f.cadence.create_post(&input).expect("draft").post;
    input.status = PostStatus::Scheduled;
    input.channels = vec![PostChannel {
        channel_id: f.x.id.clone(),
        variant: None,
    }];
    input.objective_id = None;
    let on_x = f.cadence.create_post(&input).expect("x").post;
    input.planned = Some(PlannedInput::Day {
        date: common::date("2027-01-15"),
    });
    let in_january = f.cadence.create_post(&input).expect("january").post;
    input.planned = None;
    f.cadence.create_post(&input).expect("unscheduled");

    let uids = |filter: ExportFilter| -> Vec<String> {
        let mut v: Vec<String> = vevents(&export(&f.cadence, &filter))
            .iter()
            .map(|e| one(e, "UID").to_owned())
            .collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let base = ExportFilter::for_plan(&f.plan.id);
    assert_eq!(
        uids(base.clone()),
        sorted(vec![post_uid(&on_x.id), post_uid(&in_january.id)])
    );
    assert_eq!(
        uids(ExportFilter {
            include_drafts: true,
            ..base.clone()
        })
        .len(),
        3,
        "drafts on demand; unscheduled posts never"
    );
    assert_eq!(
        uids(ExportFilter {
            channel_ids: vec![f.instagram.id.clone()],
            include_drafts: true,
            ..base.clone()
        }),
        vec![post_uid(&draft.id)]
    );
    assert_eq!(
        uids(ExportFilter {
            objective_ids: vec![f.awareness.id.clone()],
            statuses: vec![PostStatus::Draft],
            ..base.clone()
        }),
        vec![post_uid(&draft.id)]
    );
    assert_eq!(
        uids(ExportFilter {
            from: Some(common::date("2027-01-01")),
            to: Some(common::date("2027-01-15")),
            ..base.clone()
        }),
        vec![post_uid(&in_january.id)]
    );
    assert_eq!(
        uids(ExportFilter {
            to: Some(common::date("2027-01-14")),
            ..base.clone()
        }),
        vec![post_uid(&on_x.id)]
    );
}

#[test]
fn a_bad_filter_is_a_coded_error_and_changes_nothing() {
    let f = fixture();
    let other = f
        .cadence
        .create_plan(&PlanInput {
            name: "Autre".into(),
            timezone: "America/Toronto".into(),
            locale: "fr-CA".into(),
        })
        .expect("plan");
    let before = dump(&f.cadence);
    let base = ExportFilter::for_plan(&f.plan.id);
    let code = |filter: ExportFilter| {
        let mut out = Vec::new();
        let e = f
            .cadence
            .export_ics(&filter, &mut out)
            .expect_err("refused");
        assert!(out.is_empty(), "nothing written");
        e.code().to_owned()
    };
    assert_eq!(code(ExportFilter::for_plan("nope")), "not_found");
    assert_eq!(
        code(ExportFilter {
            channel_ids: vec!["nope".into()],
            ..base.clone()
        }),
        "not_found"
    );
    assert_eq!(
        code(ExportFilter {
            objective_ids: vec![f.awareness.id.clone()],
            ..ExportFilter::for_plan(&other.id)
        }),
        "foreign_plan"
    );
    assert_eq!(
        code(ExportFilter {
            from: Some(common::date("2026-12-10")),
            to: Some(common::date("2026-12-01")),
            ..base.clone()
        }),
        "end_before_start"
    );
    assert_eq!(
        code(ExportFilter {
            alarm_minutes: Some(100_000),
            ..base.clone()
        }),
        "invalid"
    );
    let feed = |filter: ExportFilter, name: &str| {
        f.cadence
            .create_feed(&FeedInput {
                name: name.into(),
                filter,
            })
            .expect_err("refused")
            .code()
            .to_owned()
    };
    assert_eq!(feed(base.clone(), "  "), "empty");
    assert_eq!(
        feed(
            ExportFilter {
                retention_days: Some(100_000),
                ..base.clone()
            },
            "Flux"
        ),
        "invalid"
    );
    assert_eq!(
        f.cadence.revoke_feed("nope").expect_err("refused").code(),
        "not_found"
    );
    assert_eq!(
        f.cadence
            .regenerate_feed_token("nope")
            .expect_err("refused")
            .code(),
        "not_found"
    );
    assert_eq!(before, dump(&f.cadence));
}

#[test]
fn feeds_are_created_listed_revoked_and_regenerated() {
    let f = fixture();
    let filter = ExportFilter {
        channel_ids: vec![f.instagram.id.clone(), f.instagram.id.clone()],
        alarm_minutes: Some(15),
        ..ExportFilter::for_plan(&f.plan.id)
    };
    let feed = f
        .cadence
        .create_feed(&FeedInput {
            name: "Équipe Instagram".into(),
            filter,
        })
        .expect("feed");
    assert_eq!(
        feed.filter.channel_ids,
        vec![f.instagram.id.clone()],
        "deduplicated"
    );
    assert_eq!(feed.token.len(), 32, "192 bits in URL-safe base64");
    assert!(feed
        .token
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let urls = feed.urls("127.0.0.1", 8719);
    assert_eq!(
        urls.webcal,
        format!("webcal://127.0.0.1:8719/feeds/{}.ics", feed.token)
    );
    let again = f
        .cadence
        .create_feed(&FeedInput {
            name: "Deuxième".into(),
            filter: ExportFilter::for_plan(&f.plan.id),
        })
        .expect("feed");
    assert_ne!(feed.token, again.token);
    assert_eq!(f.cadence.list_feeds(&f.plan.id).expect("list").len(), 2);
    assert_eq!(
        f.cadence.feed(&feed.id).expect("get"),
        feed,
        "stored as given"
    );

    let revoked = f.cadence.revoke_feed(&feed.id).expect("revoke");
    assert!(revoked.revoked_at.is_some());
    assert_eq!(revoked.token, feed.token);
    assert_eq!(f.cadence.revoke_feed(&feed.id).expect("again"), revoked);
    let renewed = f
        .cadence
        .regenerate_feed_token(&feed.id)
        .expect("regenerate");
    assert_ne!(renewed.token, feed.token);
    assert!(renewed.revoked_at.is_none());
    assert!(renewed.revision > revoked.revision);

    let edited = f
        .cadence
        .update_feed(
            &feed.id,
            &FeedInput {
                name: "Instagram seulement".into(),
                filter: ExportFilter::for_plan(&f.plan.id),
            },
        )
        .expect("update");
    assert_eq!(edited.token, renewed.token, "editing keeps the URL");
    assert!(edited.filter.channel_ids.is_empty());
}

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CADENCE_DB")
        .output()
        .expect("run cadence")
}

fn ok(db: &std::path::Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(
        out.status.success(),
        "cadence {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_cli_exports_and_manages_feeds() {
    const PLAN: &str = "Boulangerie Les Trois Épis";
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    let file = dir.path().join("plan.ics");
    let file_s = file.to_str().expect("path");
    let said = ok(&db, &["export", "--plan", PLAN, "-o", file_s]);
    assert!(said.contains("wrote 11 posts and 2 events"), "{said}");
    let all = vevents(&std::fs::read(&file).expect("file"));
    assert_eq!(all.len(), 13, "ideas and drafts stay out by default");
    let stdout = ok(
        &db,
        &[
            "export",
            "--plan",
            PLAN,
            "--channel",
            "instagram",
            "--status",
            "scheduled,published",
            "--include-drafts",
            "--alarm",
            "1h",
            "-o",
            "-",
        ],
    );
    let some = vevents(stdout.as_bytes());
    assert!(!some.is_empty() && some.len() < all.len());
    assert!(stdout.contains("TRIGGER:-PT1H"));
    assert!(stdout.contains("X-APPLE-CALENDAR-COLOR:#c13584"));

    // Bad input: a coded error on stderr, and the file is left as it was.
    let before = std::fs::read(&file).expect("file");
    for (args, code) in [
        (
            vec!["export", "--plan", PLAN, "--alarm", "bientôt", "-o", file_s],
            "invalid",
        ),
        (
            vec!["export", "--plan", PLAN, "--status", "posted", "-o", file_s],
            "invalid",
        ),
        (
            vec![
                "export",
                "--plan",
                PLAN,
                "--channel",
                "tiktok",
                "-o",
                file_s,
            ],
            "not_found",
        ),
        (
            vec!["export", "--plan", "Inconnue", "-o", file_s],
            "plan_not_found",
        ),
        (
            vec![
                "export",
                "--plan",
                PLAN,
                "--from",
                "2026-12-10",
                "--to",
                "2026-12-01",
                "-o",
                file_s,
            ],
            "end_before_start",
        ),
        (
            vec!["feed", "serve", "--bind", "0.0.0.0", "--port", "0"],
            "invalid",
        ),
    ] {
        let out = cli(&db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("[{code}]")), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&file).expect("file"), before);
    assert!(!dir.path().join("plan.ics.part").exists());

    let created = ok(
        &db,
        &[
            "feed",
            "create",
            "--plan",
            PLAN,
            "--channel",
            "instagram",
            "--name",
            "Insta",
        ],
    );
    assert!(
        created.contains("http://127.0.0.1:8719/feeds/"),
        "{created}"
    );
    let id = created
        .split_whitespace()
        .nth(2)
        .expect("created feed ID \"name\"")
        .to_owned();
    let listed = ok(&db, &["feed", "list", "--plan", PLAN, "--port", "9000"]);
    assert!(
        listed.contains("webcal://127.0.0.1:9000/feeds/"),
        "{listed}"
    );
    assert!(listed.contains("(published)"), "{listed}");
    let token_before = listed
        .split("/feeds/")
        .nth(1)
        .and_then(|s| s.split(".ics").next())
        .expect("token")
        .to_owned();
    assert!(ok(&db, &["feed", "revoke", &id]).contains("404"));
    assert!(ok(&db, &["feed", "list", "--plan", PLAN]).contains("(revoked)"));
    let renewed = ok(&db, &["feed", "regenerate", &id]);
    assert!(!renewed.contains(&token_before), "{renewed}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["--json", "feed", "list", "--plan", PLAN])).expect("json");
    assert_eq!(json[0]["feed"]["name"], "Insta");
    assert!(json[0]["feed"]["revokedAt"].is_null());
}
