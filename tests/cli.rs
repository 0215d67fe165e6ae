//! The `cadence` binary on a real database file, as a user types it.
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

fn fails(db: &Path, args: &[&str], code: &str) -> String {
    let out = cadence(db, args);
    assert!(!out.status.success(), "cadence {args:?} should fail");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains(&format!("[{code}]")), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "errors go to stderr only");
    err
}

const PLAN: &str = "Boulangerie Les Trois Épis";

#[test]
fn demo_plans_posts_add_post_and_check() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    assert!(ok(&db, &["plans"]).contains("no plans yet"));
    assert!(ok(&db, &["demo"]).contains(PLAN));
    fails(&db, &["demo"], "duplicate");

    let plans = ok(&db, &["plans"]);
    assert!(
        plans.contains(PLAN) && plans.contains("Europe/Paris"),
        "{plans}"
    );

    // The current week has the sample's scheduled posts and its warnings.
    let week = ok(&db, &["posts", "--plan", "boulangerie les trois épis"]);
    assert!(
        week.contains("Coulisses : 4 h du matin au fournil"),
        "{week}"
    );
    assert!(week.contains("Portes ouvertes du fournil"), "{week}");
    assert!(week.contains("no value for the customer"), "{week}");
    assert!(week.contains("text too long for Réseau interne"), "{week}");

    let out = ok(
        &db,
        &[
            "add-post",
            "--plan",
            PLAN,
            "--title",
            "Galette des rois : précommandes",
            "--channel",
            "instagram",
            "--channel",
            "Facebook Les Trois Épis",
            "--at",
            "2026-12-02 10:00",
            "--status",
            "scheduled",
        ],
    );
    assert!(out.contains("created post"), "{out}");
    assert!(out.contains("no business objective"), "{out}");
    assert!(out.contains("no value for the customer"), "{out}");

    let week49 = ok(&db, &["posts", "--plan", PLAN, "--week", "2026-W49"]);
    assert!(
        week49.contains("10:00    scheduled   Galette des rois : précommandes"),
        "{week49}"
    );
    assert!(
        week49.contains("Instagram @troisepis, Facebook Les Trois Épis"),
        "{week49}"
    );

    // JSON output carries the same facts for scripts.
    let json: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["--json", "posts", "--plan", PLAN, "--week", "2026-W49"],
    ))
    .expect("json");
    let titles: Vec<&str> = json["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter_map(|p| p["post"]["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"Galette des rois : précommandes"),
        "{titles:?}"
    );

    let check = ok(&db, &["check", "--plan", PLAN]);
    assert!(check.contains("Galette des rois : précommandes"), "{check}");
    assert!(
        check.contains("planned outside its objective's period"),
        "{check}"
    );
}

#[test]
fn bad_input_is_an_error_on_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    fails(&db, &["posts", "--plan", "Inconnue"], "plan_not_found");
    fails(
        &db,
        &["posts", "--plan", PLAN, "--week", "2026-W60"],
        "invalid",
    );
    fails(&db, &["add-post", "--plan", PLAN, "--title", "  "], "empty");
    fails(
        &db,
        &[
            "add-post",
            "--plan",
            PLAN,
            "--title",
            "x",
            "--channel",
            "tiktok",
        ],
        "not_found",
    );
    fails(
        &db,
        &[
            "add-post",
            "--plan",
            PLAN,
            "--title",
            "x",
            "--at",
            "2026-12-02 10:00",
            "--zone",
            "Mars/Olympus",
        ],
        "unknown_zone",
    );
    fails(
        &db,
        &[
            "add-post",
            "--plan",
            PLAN,
            "--title",
            "x",
            "--at",
            "2026-03-29 02:30",
        ],
        "nonexistent_local_time",
    );
    fails(
        &db,
        &["add-post", "--plan", PLAN, "--title", "x", "--at", "demain"],
        "invalid",
    );
    fails(
        &db,
        &[
            "add-post", "--plan", PLAN, "--title", "x", "--status", "posted",
        ],
        "invalid",
    );
    let week = ok(&db, &["posts", "--plan", PLAN]);
    assert!(!week.contains(" x "), "nothing was added");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["--json", "check", "--plan", PLAN])).expect("json");
    assert_eq!(json.as_array().expect("array").len(), 6);
}

#[test]
fn a_database_from_a_newer_version_is_refused_by_the_cli() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("future.db");
    {
        let c = rusqlite::Connection::open(&db).expect("create");
        c.pragma_update(None, "user_version", 999).expect("version");
    }
    let before = std::fs::read(&db).expect("read");
    let err = fails(&db, &["plans"], "schema_too_new");
    assert!(err.contains("newer Cadence"), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn the_database_path_defaults_to_the_app_data_dir_and_honours_cadence_db() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("path")
        .env_remove("CADENCE_DB")
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("run");
    let path = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        path.trim(),
        dir.path()
            .join("org.cadence.desktop")
            .join("cadence.db")
            .display()
            .to_string()
    );
    let custom = dir.path().join("ailleurs.db");
    let out = Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("path")
        .env("CADENCE_DB", &custom)
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        custom.display().to_string()
    );
}

#[test]
fn backup_restore_and_automatic_backups() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    let copy = dir.path().join("copie.db");
    let out = ok(&db, &["backup", "-o", copy.to_str().expect("utf-8")]);
    assert!(
        out.contains("backed up") && out.contains("copie.db"),
        "{out}"
    );
    ok(
        &db,
        &[
            "add-post",
            "--plan",
            PLAN,
            "--title",
            "Après la copie",
            "--date",
            "2026-12-02",
        ],
    );
    let out = ok(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(out.contains("previous content is kept in"), "{out}");
    let check = ok(&db, &["--json", "check", "--plan", PLAN]);
    assert!(!check.contains("Après la copie"), "{check}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("backups"))
            .expect("ls")
            .count(),
        1,
        "one safety copy"
    );

    let auto = dir.path().join("auto");
    let a = auto.to_str().expect("utf-8");
    let out = ok(&db, &["backup", "--auto", "--dir", a, "--keep", "2"]);
    assert!(out.contains("backed up to"), "{out}");
    let out = ok(&db, &["backup", "--auto", "--dir", a]);
    assert!(out.contains("already backed up today"), "{out}");

    fails(&db, &["backup"], "invalid");
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not sqlite at all, just text\n".repeat(100)).expect("write");
    fails(
        &db,
        &["restore", junk.to_str().expect("utf-8")],
        "not_a_database",
    );
}

#[test]
fn trash_lists_and_restore_item_brings_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    assert!(ok(&db, &["trash"]).contains("the trash is empty"));
    assert!(ok(&db, &["trash", "--plan", PLAN]).contains("the trash is empty"));
    let plans: serde_json::Value =
        serde_json::from_str(&ok(&db, &["--json", "plans"])).expect("json");
    let id = plans[0]["id"].as_str().expect("id").to_owned();
    {
        let c = cadence::Cadence::open(&db).expect("open");
        c.delete_plan(&id).expect("delete");
    }
    let out = ok(&db, &["trash"]);
    assert!(out.contains(&id) && out.contains(PLAN), "{out}");
    let out = ok(&db, &["restore-item", &id]);
    assert!(out.contains("restored plan"), "{out}");
    assert!(ok(&db, &["plans"]).contains(PLAN));
    assert!(ok(&db, &["trash", "--purge"]).contains("removed for good 0 plans"));
    fails(&db, &["restore-item", "inconnu"], "not_found");
}

#[test]
fn csv_export_then_dry_run_and_import() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    let csv = dir.path().join("plan.csv");
    let c = csv.to_str().expect("utf-8");
    assert!(ok(&db, &["export-csv", "--plan", PLAN, "-o", c]).contains("wrote"));
    let out = ok(&db, &["import-csv", "--plan", PLAN, c, "--dry-run"]);
    assert!(out.contains("would import"), "{out}");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "titre;date\nX;31/31/2026\n").expect("write");
    let err = fails(
        &db,
        &["import-csv", "--plan", PLAN, bad.to_str().expect("utf-8")],
        "import_row",
    );
    assert!(err.contains("row 2, column \"date\""), "{err}");
    let out = ok(&db, &["import-csv", "--plan", PLAN, c]);
    assert!(out.contains("imported"), "{out}");
}

#[test]
fn import_ics_twice_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    ok(&db, &["demo"]);
    let file = dir.path().join("salon.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART;VALUE=DATE:20261203\r\nSUMMARY:Salon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let f = file.to_str().expect("utf-8");
    assert!(ok(&db, &["import-ics", "--plan", PLAN, f]).contains("1 events created"));
    assert!(ok(&db, &["import-ics", "--plan", PLAN, f]).contains("1 unchanged"));
}
