//! `cadence templates`, `template`, `campaign apply`, `move-event`, `slots` and `holidays`, as a
//! user types them.
use std::path::Path;
use std::process::{Command, Output};

fn cadence(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CADENCE_DB")
        .output()
        .expect("run cadence")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = cadence(db, args);
    assert!(
        out.status.success(),
        "cadence {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn fails(db: &Path, args: &[&str], code: &str) {
    let out = cadence(db, args);
    assert!(!out.status.success(), "cadence {args:?} should fail");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains(&format!("[{code}]")), "{args:?}: {err}");
}

const PLAN: &str = "Boulangerie Les Trois Épis";

#[test]
fn holidays_by_region_and_year() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("c.db");
    let fr = ok(
        &db,
        &[
            "holidays",
            "--region",
            "fr",
            "--year",
            "2027",
            "--public-only",
        ],
    );
    assert_eq!(fr.lines().count(), 12, "{fr}");
    assert!(
        fr.contains("Thu 2027-05-06  public holiday  Ascension"),
        "{fr}"
    );
    let qc = ok(
        &db,
        &[
            "holidays",
            "--region",
            "ca-qc",
            "--year",
            "2029",
            "--english",
        ],
    );
    assert!(qc.contains("2029-06-25  day off"), "{qc}");
    assert!(qc.contains("Thanksgiving"), "{qc}");
    fails(
        &db,
        &["holidays", "--region", "mars", "--year", "2027"],
        "invalid",
    );
    let json = ok(
        &db,
        &["--json", "holidays", "--region", "fr", "--year", "2026"],
    );
    let list: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(list
        .as_array()
        .expect("array")
        .iter()
        .any(|h| h["key"] == "whit_monday" && h["date"] == "2026-05-25"));
}

#[test]
fn templates_campaign_move_and_slots() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("c.db");
    ok(&db, &["demo"]);
    let list = ok(&db, &["templates", "--plan", PLAN]);
    assert!(
        list.contains("Lancement de produit  (built-in, builtin:product_launch:fr)"),
        "{list}"
    );
    assert!(!list.contains("Product launch"));

    let before = ok(&db, &["--json", "check", "--plan", PLAN]);
    let preview = ok(
        &db,
        &[
            "campaign",
            "apply",
            "--plan",
            PLAN,
            "--event",
            "bûche",
            "--template",
            "product_launch",
            "--preview",
        ],
    );
    assert!(
        preview.contains("8 posts would be created (nothing written)"),
        "{preview}"
    );
    assert!(
        preview.contains("skipped: \"Lettre : le produit est disponible\""),
        "{preview}"
    );
    assert_eq!(
        ok(&db, &["--json", "check", "--plan", PLAN]),
        before,
        "preview wrote"
    );
    let applied = ok(
        &db,
        &[
            "campaign",
            "apply",
            "--plan",
            PLAN,
            "--event",
            "bûche",
            "--template",
            "Lancement de produit",
            "--channel",
            "instagram",
            "--channel",
            "facebook",
        ],
    );
    assert!(applied.contains("posts created"), "{applied}");
    // The J step goes to both chosen channels (in the plan's channel order).
    let day_j = applied
        .lines()
        .find(|l| l.contains("C'est le jour J"))
        .expect("the J step");
    assert!(
        day_j.contains("Facebook Les Trois Épis") && day_j.contains("Instagram @troisepis"),
        "{applied}"
    );
    assert!(!day_j.contains("LinkedIn"), "{applied}");

    ok(
        &db,
        &[
            "template",
            "add",
            "--name",
            "Dégustation",
            "--step",
            "J-3 10:00 instagram Inscriptions",
            "--step",
            "J all C'est aujourd'hui",
            "--step",
            "J+1 Merci",
        ],
    );
    fails(
        &db,
        &["template", "add", "--name", "X", "--step", "demain"],
        "invalid",
    );
    ok(
        &db,
        &[
            "template",
            "copy",
            "open_day",
            "--name",
            "Portes ouvertes (copie)",
        ],
    );
    let mine = ok(&db, &["templates"]);
    assert!(mine.contains("Dégustation  (yours"), "{mine}");
    assert!(
        mine.contains("J-3   10:00  Instagram     Inscriptions"),
        "{mine}"
    );
    ok(&db, &["template", "remove", "Dégustation"]);
    fails(&db, &["template", "remove", "Portes ouvertes"], "invalid");

    let moved = ok(
        &db,
        &[
            "move-event",
            "--plan",
            PLAN,
            "--event",
            "Portes ouvertes",
            "--to",
            "2030-01-05",
            "--with-posts",
        ],
    );
    assert!(moved.contains("linked posts moved"), "{moved}");

    ok(
        &db,
        &[
            "slots",
            "add",
            "--plan",
            PLAN,
            "--channel",
            "linkedin",
            "--rule",
            "FREQ=WEEKLY;BYDAY=TU,TH",
            "--time",
            "10:00",
            "--start",
            "2030-03-01",
            "--skip",
            "2030-03-07",
        ],
    );
    fails(
        &db,
        &[
            "slots",
            "add",
            "--plan",
            PLAN,
            "--channel",
            "linkedin",
            "--rule",
            "FREQ=HOURLY",
            "--time",
            "10:00",
        ],
        "invalid",
    );
    let open = ok(
        &db,
        &[
            "slots",
            "open",
            "--plan",
            PLAN,
            "--from",
            "2030-03-04",
            "--to",
            "2030-03-10",
        ],
    );
    assert!(open.contains("Tue 2030-03-05 10:00  LinkedIn"), "{open}");
    assert!(!open.contains("2030-03-07"), "skipped: {open}");
    let next = ok(
        &db,
        &[
            "slots",
            "next",
            "--plan",
            PLAN,
            "--channel",
            "linkedin",
            "--after",
            "2030-03-05 10:00",
        ],
    );
    assert!(next.contains("Tue 2030-03-12 10:00"), "{next}");
    let listed = ok(&db, &["slots", "list", "--plan", PLAN]);
    let id = listed
        .split_whitespace()
        .next()
        .expect("slot id")
        .to_owned();
    ok(
        &db,
        &[
            "slots",
            "fill",
            &id,
            "--date",
            "2030-03-12",
            "--title",
            "Témoignage d'apprenti",
        ],
    );
    let next = ok(
        &db,
        &[
            "slots",
            "next",
            "--plan",
            PLAN,
            "--channel",
            "linkedin",
            "--after",
            "2030-03-05 10:00",
        ],
    );
    assert!(next.contains("Thu 2030-03-14 10:00"), "{next}");
    ok(&db, &["slots", "remove", &id]);

    let region = ok(
        &db,
        &[
            "holidays",
            "--plan",
            PLAN,
            "--set",
            "ca-qc",
            "--year",
            "2030",
            "--public-only",
        ],
    );
    assert!(region.starts_with("2030 — ca_qc"), "{region}");
}
