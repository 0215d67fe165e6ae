//! The crisis switch: "Hold everything" and "Resume" round-trip every post's status exactly,
//! in one transaction each, logged; the crisis plan is stored as typed.
mod common;

use cadence::model::*;
use cadence::Cadence;
use chrono::{DateTime, Utc};
use common::{date, ics_text, local, Fixture};
use std::collections::BTreeMap;

/// "Now" for these tests: Tuesday 2026-12-01 13:00 in Paris.
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z")
        .expect("instant")
        .with_timezone(&Utc)
}

fn fixture() -> Fixture {
    let mut f = common::fixture();
    f.cadence = f.cadence.clone().with_clock(now);
    f
}

fn add(f: &Fixture, title: &str, status: PostStatus, planned: Option<PlannedInput>) -> String {
    let input = PostInput {
        title: title.into(),
        status,
        planned,
        ..f.post_input()
    };
    f.cadence.create_post(&input).expect(title).post.id
}

fn at(s: &str) -> Option<PlannedInput> {
    Some(PlannedInput::At {
        local: local(s),
        timezone: "Europe/Paris".into(),
    })
}

fn on(s: &str) -> Option<PlannedInput> {
    Some(PlannedInput::Day { date: date(s) })
}

/// Every post of the database: id → (status, revision, title).
fn statuses(cadence: &Cadence) -> BTreeMap<String, (String, i64, String)> {
    cadence
        .db()
        .read(|c| {
            let mut stmt = c.prepare("SELECT id, status, revision, title FROM posts")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
            Ok(rows.collect::<rusqlite::Result<BTreeMap<_, _>>>()?)
        })
        .expect("statuses")
}

fn status(cadence: &Cadence, id: &str) -> String {
    statuses(cadence)[id].0.clone()
}

#[test]
fn hold_then_resume_restores_every_status_exactly() {
    let f = fixture();
    let c = &f.cadence;
    let future_timed = add(
        &f,
        "Programmé jeudi",
        PostStatus::Scheduled,
        at("2026-12-03 10:00"),
    );
    let future_day = add(
        &f,
        "Approuvé samedi",
        PostStatus::Approved,
        on("2026-12-05"),
    );
    let today_day = add(
        &f,
        "Programmé aujourd'hui",
        PostStatus::Scheduled,
        on("2026-12-01"),
    );
    let in_an_hour = add(
        &f,
        "Dans une heure",
        PostStatus::Scheduled,
        at("2026-12-01 14:00"),
    );
    let edited = add(
        &f,
        "À retoucher",
        PostStatus::Scheduled,
        at("2026-12-10 09:00"),
    );
    let changed = add(
        &f,
        "Annulé pendant la crise",
        PostStatus::Approved,
        at("2026-12-11 09:00"),
    );
    // Not held: drafts and other statuses, the past, the trash, undated posts.
    let draft = add(&f, "Brouillon", PostStatus::Draft, at("2026-12-04 10:00"));
    let review = add(
        &f,
        "En relecture",
        PostStatus::InReview,
        at("2026-12-04 11:00"),
    );
    let idea = add(&f, "Idée", PostStatus::Idea, None);
    let undated = add(&f, "Approuvé sans date", PostStatus::Approved, None);
    let an_hour_ago = add(
        &f,
        "Il y a une heure",
        PostStatus::Scheduled,
        at("2026-12-01 12:00"),
    );
    let yesterday = add(&f, "Hier", PostStatus::Approved, on("2026-11-30"));
    let published = add(&f, "Publié", PostStatus::Published, at("2026-11-28 10:00"));
    let trashed = add(
        &f,
        "À la corbeille",
        PostStatus::Scheduled,
        at("2026-12-08 10:00"),
    );
    c.delete_post(&trashed).expect("delete");
    // Another plan's scheduled post.
    let other = c
        .create_plan(&PlanInput {
            name: "Autre marque".into(),
            timezone: "America/Montreal".into(),
            locale: "fr-CA".into(),
        })
        .expect("plan");
    let elsewhere = c
        .create_post(&PostInput {
            plan_id: other.id.clone(),
            title: "Ailleurs".into(),
            channels: vec![],
            objective_id: None,
            status: PostStatus::Scheduled,
            planned: at("2026-12-03 10:00"),
            ..f.post_input()
        })
        .expect("other")
        .post
        .id;

    let before = statuses(c);
    let entry = c
        .hold_scheduled_posts(&f.plan.id, "Rappel produit : lot contaminé")
        .expect("hold");
    assert_eq!(entry.action, CrisisAction::Hold);
    assert_eq!(entry.posts, 6);
    assert_eq!(entry.at, now());
    let held = statuses(c);
    for id in [
        &future_timed,
        &future_day,
        &today_day,
        &in_an_hour,
        &edited,
        &changed,
    ] {
        assert_eq!(held[id].0, "held", "{}", held[id].2);
        assert_eq!(
            held[id].1,
            before[id].1 + 1,
            "revision raised: {}",
            held[id].2
        );
    }
    for id in [
        &draft,
        &review,
        &idea,
        &undated,
        &an_hour_ago,
        &yesterday,
        &published,
        &trashed,
        &elsewhere,
    ] {
        assert_eq!(held[id], before[id], "untouched: {}", before[id].2);
    }
    let state = c.crisis_state(&f.plan.id).expect("state");
    assert!(state.active);
    assert_eq!(state.held_posts, 6);
    assert_eq!(
        state.hold.as_ref().map(|h| h.id.as_str()),
        Some(entry.id.as_str())
    );
    assert!(!c.crisis_state(&other.id).expect("other state").active);

    // While held: an edit keeps the post held; a status chosen by hand sticks.
    let view = c.post(&edited).expect("post");
    let mut input = cadence::service::input_of(&view.post);
    input.title = "Retouché pendant la crise".into();
    input.body = "Texte revu".into();
    c.update_post(&edited, &input).expect("edit while held");
    assert_eq!(status(c, &edited), "held");
    let mut input = cadence::service::input_of(&c.post(&changed).expect("post").post);
    input.status = PostStatus::Cancelled;
    c.update_post(&changed, &input).expect("cancel while held");
    // Nobody puts a post on hold by hand.
    let mut input = cadence::service::input_of(&c.post(&draft).expect("post").post);
    input.status = PostStatus::Held;
    let err = c.update_post(&draft, &input).expect_err("held by hand");
    assert_eq!((err.code(), err.field()), ("held_reserved", Some("status")));
    let err = c
        .create_post(&PostInput {
            status: PostStatus::Held,
            ..f.post_input()
        })
        .expect_err("new held post");
    assert_eq!(err.code(), "held_reserved");
    // A second hold is refused and writes nothing.
    let snapshot = f.dump();
    let err = c
        .hold_scheduled_posts(&f.plan.id, "encore")
        .expect_err("already held");
    assert_eq!(err.code(), "crisis_active");
    assert_eq!(f.dump(), snapshot);

    let resumed = c
        .resume_held_posts(&f.plan.id, "Crise close, communiqué publié")
        .expect("resume");
    assert_eq!((resumed.posts, resumed.kept), (5, 1));
    let after = statuses(c);
    for (id, (status, _, title)) in &before {
        if id == &changed {
            assert_eq!(after[id].0, "cancelled", "the hand-made change wins");
        } else {
            assert_eq!(&after[id].0, status, "status of {title}");
        }
    }
    assert_eq!(after[&edited].2, "Retouché pendant la crise", "edit kept");
    assert_eq!(c.post(&edited).expect("post").post.body, "Texte revu");
    for id in [&future_timed, &future_day, &today_day, &in_an_hour] {
        assert_eq!(after[id].1, before[id].1 + 2, "revision raised again");
    }
    for id in [
        &draft,
        &review,
        &idea,
        &an_hour_ago,
        &yesterday,
        &published,
        &elsewhere,
    ] {
        assert_eq!(after[id], before[id], "untouched through the crisis");
    }
    let state = c.crisis_state(&f.plan.id).expect("state");
    assert!(!state.active);
    assert_eq!(state.held_posts, 0);
    let holds: i64 = c
        .db()
        .read(|c| Ok(c.query_row("SELECT count(*) FROM post_holds", [], |r| r.get(0))?))
        .expect("holds");
    assert_eq!(holds, 0);
    let log = c.crisis_log(&f.plan.id).expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, CrisisAction::Resume);
    assert_eq!(log[0].reason, "Crise close, communiqué publié");
    assert_eq!(log[1].reason, "Rappel produit : lot contaminé");
    assert_eq!(
        c.resume_held_posts(&f.plan.id, "encore")
            .expect_err("nothing held")
            .code(),
        "no_crisis"
    );
    // The switch can be pulled again later.
    let again = c
        .hold_scheduled_posts(&f.plan.id, "Deuxième alerte")
        .expect("hold again");
    assert_eq!(again.posts, 5);
}

#[test]
fn a_hold_needs_a_reason_and_writes_nothing_without_one() {
    let f = fixture();
    add(
        &f,
        "Programmé",
        PostStatus::Scheduled,
        at("2026-12-03 10:00"),
    );
    let snapshot = f.dump();
    let err = f
        .cadence
        .hold_scheduled_posts(&f.plan.id, "   ")
        .expect_err("no reason");
    assert_eq!((err.code(), err.field()), ("empty", Some("reason")));
    assert_eq!(f.dump(), snapshot);
    assert!(f.cadence.crisis_log(&f.plan.id).expect("log").is_empty());
    let err = f
        .cadence
        .hold_scheduled_posts("no-such-plan", "x")
        .expect_err("unknown plan");
    assert_eq!(err.code(), "not_found");
}

#[test]
fn held_posts_are_marked_in_ics_exports_and_feeds_then_updated_on_resume() {
    let f = fixture();
    let id = add(
        &f,
        "Lancement du menu",
        PostStatus::Scheduled,
        at("2026-12-03 10:00"),
    );
    let uid = format!("post-{id}@cadence");
    let export = |filter: &ExportFilter| {
        let mut out = Vec::new();
        f.cadence
            .export_ics_at(filter, now(), &mut out)
            .expect("export");
        let events = ics_text::vevents(&out);
        let found = events
            .iter()
            .find(|e| ics_text::one(e, "UID").contains(&id))
            .unwrap_or_else(|| panic!("{uid} exported"))
            .clone();
        found
    };
    let all = ExportFilter::for_plan(&f.plan.id);
    // A feed of scheduled posts keeps showing them while they are held.
    let scheduled_only = ExportFilter {
        statuses: vec![PostStatus::Scheduled],
        ..ExportFilter::for_plan(&f.plan.id)
    };
    let before = export(&all);
    assert_eq!(ics_text::one(&before, "STATUS"), "CONFIRMED");
    let summary = ics_text::one(&before, "SUMMARY").to_owned();
    assert!(!summary.contains("En pause"));
    let seq: i64 = ics_text::one(&before, "SEQUENCE").parse().expect("number");

    f.cadence
        .hold_scheduled_posts(&f.plan.id, "Crise")
        .expect("hold");
    for e in [export(&all), export(&scheduled_only)] {
        assert_eq!(
            ics_text::one(&e, "SUMMARY"),
            format!("⏸ En pause — {summary}")
        );
        assert_eq!(ics_text::one(&e, "STATUS"), "TENTATIVE");
        assert!(ics_text::one(&e, "DESCRIPTION").contains("Statut : en pause (crise)"));
        assert_eq!(ics_text::one(&e, "SEQUENCE"), (seq + 1).to_string());
    }
    f.cadence
        .resume_held_posts(&f.plan.id, "Fin")
        .expect("resume");
    let after = export(&scheduled_only);
    assert_eq!(ics_text::one(&after, "STATUS"), "CONFIRMED");
    assert_eq!(ics_text::one(&after, "SUMMARY"), summary);
    assert_eq!(ics_text::one(&after, "SEQUENCE"), (seq + 2).to_string());
    assert_eq!(status(&f.cadence, &id), "scheduled");
}

#[test]
fn the_crisis_plan_is_stored_as_typed_and_checked() {
    let f = fixture();
    let c = &f.cadence;
    assert_eq!(
        c.crisis_plan(&f.plan.id).expect("empty"),
        CrisisPlan::default()
    );
    let input = CrisisPlan {
        contacts: vec![
            CrisisContact {
                name: " Claire Dubois ".into(),
                role: "Directrice".into(),
                phone: "+33 6 12 34 56 78".into(),
                email: "claire@example.fr".into(),
            },
            CrisisContact::default(),
        ],
        steps: vec![
            "Tout suspendre".into(),
            "  ".into(),
            "Prévenir la direction".into(),
        ],
        statements: vec![HoldingStatement {
            title: "Attente".into(),
            body: "Nous avons connaissance de la situation et revenons vers vous très vite.".into(),
        }],
    };
    let saved = c.save_crisis_plan(&f.plan.id, &input).expect("save");
    assert_eq!(saved.contacts.len(), 1, "blank rows dropped");
    assert_eq!(saved.contacts[0].name, "Claire Dubois");
    assert_eq!(saved.steps, vec!["Tout suspendre", "Prévenir la direction"]);
    assert_eq!(c.crisis_plan(&f.plan.id).expect("read"), saved);

    let snapshot = c.crisis_plan(&f.plan.id).expect("read");
    let bad = CrisisPlan {
        contacts: vec![CrisisContact {
            phone: "0600000000".into(),
            ..CrisisContact::default()
        }],
        ..CrisisPlan::default()
    };
    let err = c.save_crisis_plan(&f.plan.id, &bad).expect_err("no name");
    assert_eq!((err.code(), err.field()), ("empty", Some("contacts.name")));
    let bad = CrisisPlan {
        statements: vec![HoldingStatement {
            title: "Sans texte".into(),
            body: String::new(),
        }],
        ..CrisisPlan::default()
    };
    let err = c.save_crisis_plan(&f.plan.id, &bad).expect_err("no body");
    assert_eq!(err.field(), Some("statements.body"));
    assert_eq!(c.crisis_plan(&f.plan.id).expect("read"), snapshot);
}

/// The same switch and dashboard from the command line, on the sample plan.
#[test]
fn command_line_holds_resumes_and_exports_the_dashboard() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cadence"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("CADENCE_DB")
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let plan = "Boulangerie Les Trois Épis";
    assert_eq!(run(&["demo"]).0, Some(0));
    let (code, out, err) = run(&[
        "crisis",
        "hold",
        "--plan",
        plan,
        "--reason",
        "Rappel produit",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("HOLD") && out.contains("Rappel produit"),
        "{out}"
    );
    let (code, _, err) = run(&["crisis", "hold", "--plan", plan, "--reason", "encore"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("[crisis_active]"), "{err}");
    let (_, out, _) = run(&["crisis", "status", "--plan", plan]);
    assert!(out.contains("ON HOLD"), "{out}");
    let (code, out, err) = run(&["crisis", "resume", "--plan", plan, "--reason", "Fin"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("RESUME"), "{out}");
    let (_, out, _) = run(&["crisis", "log", "--plan", plan]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert_eq!(
        run(&[
            "crisis",
            "add-contact",
            "--plan",
            plan,
            "--name",
            "Claire",
            "--phone",
            "06"
        ])
        .0,
        Some(0)
    );
    let (_, out, _) = run(&["crisis", "show", "--plan", plan]);
    assert!(out.contains("1. Claire"), "{out}");
    let (code, _, err) = run(&["dashboard", "--plan", plan, "--month", "2026-13"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("[invalid]"), "{err}");
    let week = cadence::time::iso_week_label(chrono::Local::now().date_naive());
    let (code, csv, err) = run(&["dashboard", "--plan", plan, "--week", &week, "--csv", "-"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(csv.starts_with("section,nom,jour,nombre"), "{csv}");
    assert!(
        csv.contains("\nobjective,Notoriété dans le quartier,"),
        "{csv}"
    );
}
