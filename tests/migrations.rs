//! Upgrades: a database of every released schema (tests/fixtures/schema-N.db) opens in the
//! current binary with every row intact.
mod common;

use cadence::db::{migrations, schema_version, SUPPORTED_SCHEMA};
use cadence::model::{Planned, PostStatus};
use cadence::Cadence;
use std::path::PathBuf;

const PLAN: &str = "01900000-0000-7000-8000-000000000001";
const CHANNEL: &str = "01900000-0000-7000-8000-000000000002";
const OBJECTIVE: &str = "01900000-0000-7000-8000-000000000003";
const EVENT: &str = "01900000-0000-7000-8000-000000000004";
const TIMED: &str = "01900000-0000-7000-8000-000000000005";
const DAY: &str = "01900000-0000-7000-8000-000000000006";
const TRASHED: &str = "01900000-0000-7000-8000-000000000007";
const AMBASSADOR: &str = "01900000-0000-7000-8000-000000000009";
const CRISIS: &str = "01900000-0000-7000-8000-00000000000a";

/// The rows each fixture holds: what schema 1 can store, plus each later schema's additions.
fn seed_sql(version: i64) -> String {
    let t = "'2026-01-10T09:00:00.000Z'";
    let mut sql = format!(
        "INSERT INTO plans VALUES ('{PLAN}', 'Épicerie fine Lumière', 'America/Montreal', 'fr-CA', {t}, {t}, 2, NULL);
         INSERT INTO channels VALUES ('{CHANNEL}', '{PLAN}', 'instagram', 'Instagram Lumière', 2200, 3, '#c13584', {t}, {t}, 0, NULL);
         INSERT INTO objectives VALUES ('{OBJECTIVE}', '{PLAN}', 'sales', 'Ventes des fêtes', '+20 %', '2026-11-01', '2026-12-31', '#81b29a', 40, {t}, {t}, 0, NULL);
         INSERT INTO events (id, plan_id, kind, title, description, location, start_date, end_date, start_at, end_at, timezone, created_at, updated_at, revision, deleted_at)
             VALUES ('{EVENT}', '{PLAN}', 'open_day', 'Portes ouvertes', 'Dégustation', 'Montréal', '2026-12-05', '2026-12-06', NULL, NULL, NULL, {t}, {t}, 1, NULL);
         INSERT INTO posts VALUES ('{TIMED}', '{PLAN}', 'Coffrets de Noël', 'Nos coffrets « terroir » ✨', '{OBJECTIVE}', 'Des idées cadeaux', 'scheduled',
             '2026-12-03T15:00:00.000Z', NULL, 'America/Montreal', 30, '{EVENT}', 'Léa', 'note', NULL, NULL, NULL, NULL, {t}, {t}, 3, NULL);
         INSERT INTO posts VALUES ('{DAY}', '{PLAN}', 'Recette du mois', '', NULL, '', 'published',
             NULL, '2026-12-10', NULL, NULL, NULL, '', '', 'https://example.com/p/1', 12, 3, 1, {t}, {t}, 0, NULL);
         INSERT INTO posts VALUES ('{TRASHED}', '{PLAN}', 'Brouillon abandonné', '', NULL, '', 'draft',
             NULL, NULL, NULL, NULL, NULL, '', '', NULL, NULL, NULL, NULL, {t}, {t}, 1, '2026-01-11T08:00:00.000Z');
         INSERT INTO post_channels VALUES ('{TIMED}', '{CHANNEL}', 0, 'Version courte'), ('{DAY}', '{CHANNEL}', 0, NULL);
         INSERT INTO post_tags VALUES ('{TIMED}', 0, 'noël'), ('{TIMED}', 1, 'cadeaux');
         INSERT INTO post_links VALUES ('{TIMED}', 0, 'https://example.com/coffrets');
         INSERT INTO settings VALUES ('sample_offered', '1');"
    );
    if version >= 2 {
        sql.push_str(&format!(
            "INSERT INTO feeds VALUES ('01900000-0000-7000-8000-000000000008', '{PLAN}', 'Équipe', 'jeton-secret-de-test',
                 '{{\"status\":[\"scheduled\"]}}', {t}, {t}, 0, NULL);"
        ));
    }
    if version >= 4 {
        sql.push_str(&format!(
            "INSERT INTO campaign_templates VALUES ('01900000-0000-7000-8000-000000000009', 'Salon des vins', 'Stand B12', {t}, {t}, 0);
             INSERT INTO campaign_template_steps VALUES ('01900000-0000-7000-8000-000000000009', 0, -7, '10:00', 'instagram', 'Venez nous voir', 'draft'),
                 ('01900000-0000-7000-8000-000000000009', 1, 0, NULL, NULL, 'C''est aujourd''hui', 'idea');
             INSERT INTO slots VALUES ('01900000-0000-7000-8000-00000000000a', '{PLAN}', '{CHANNEL}', 'FREQ=WEEKLY;BYDAY=TU,TH', '10:00',
                 '2026-12-01', '2026-12-31', '[\"2026-12-24\"]', 'Reel', {t}, {t});
             INSERT INTO plan_holiday_regions VALUES ('{PLAN}', 'ca_qc');"
        ));
    }
    if version >= 5 {
        // The sample post on hold, an ambassador who relayed it, a crisis plan.
        sql.push_str(&format!(
            "INSERT INTO ambassadors VALUES ('{AMBASSADOR}', '{PLAN}', 'Léa Tremblay', 'lea@example.ca', {t}, {t});
             INSERT INTO post_relays VALUES ('{TIMED}', '{AMBASSADOR}', {t});
             INSERT INTO crisis_contacts VALUES ('{PLAN}', 0, 'Claire Dubois', 'Directrice', '+1 514 555 0100', 'claire@example.ca');
             INSERT INTO crisis_steps VALUES ('{PLAN}', 0, 'Tout suspendre'), ('{PLAN}', 1, 'Appeler Claire');
             INSERT INTO crisis_statements VALUES ('{PLAN}', 0, 'Attente', 'Nous revenons vers vous très vite.');
             INSERT INTO crisis_log VALUES ('{CRISIS}', '{PLAN}', 'hold', 'Rappel de produit', {t}, 1, 0);
             INSERT INTO post_holds VALUES ('{TIMED}', '{CRISIS}', 'scheduled');
             UPDATE posts SET status = 'held', revision = 4 WHERE id = '{TIMED}';"
        ));
    }
    sql
}

fn fixture_path(version: i64) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(format!("schema-{version}.db"))
}

/// Writes `tests/fixtures/schema-$CADENCE_WRITE_FIXTURE.db` (see tests/fixtures/README.md).
#[test]
#[ignore = "writes a fixture file; run by hand when a schema is released"]
fn write_fixture() {
    let version: i64 = std::env::var("CADENCE_WRITE_FIXTURE")
        .expect("CADENCE_WRITE_FIXTURE=N")
        .parse()
        .expect("a number");
    let path = fixture_path(version);
    assert!(
        !path.exists(),
        "{} exists: never regenerate one",
        path.display()
    );
    let mut c = rusqlite::Connection::open(&path).expect("create");
    migrations()
        .to_version(&mut c, version as usize)
        .expect("migrate");
    c.execute_batch(&seed_sql(version)).expect("seed");
    c.execute_batch("VACUUM").expect("vacuum");
}

#[test]
fn every_released_schema_has_a_fixture() {
    for version in 1..=SUPPORTED_SCHEMA {
        let path = fixture_path(version);
        assert!(path.exists(), "missing {}", path.display());
        let c = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open");
        assert_eq!(schema_version(&c).expect("version"), version);
    }
}

#[test]
fn each_fixture_upgrades_to_the_current_schema_with_its_data() {
    for version in 1..=SUPPORTED_SCHEMA {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("cadence.db");
        let original = std::fs::read(fixture_path(version)).expect("fixture");
        std::fs::write(&path, &original).expect("copy");
        let cadence = Cadence::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        check_upgraded(&cadence, version);
        drop(cadence);
        // Opening again is a no-op.
        let again = Cadence::open(&path).expect("reopen");
        check_upgraded(&again, version);
        assert_eq!(
            std::fs::read(fixture_path(version)).expect("fixture"),
            original
        );
    }
}

#[test]
fn a_backup_of_an_older_schema_is_restored_and_upgraded() {
    let (_dir, cadence) = common::open_temp();
    for version in 1..=SUPPORTED_SCHEMA {
        cadence
            .restore_from(&fixture_path(version))
            .unwrap_or_else(|e| panic!("schema {version}: {e}"));
        check_upgraded(&cadence, version);
    }
}

fn check_upgraded(cadence: &Cadence, version: i64) {
    let at = format!("schema {version}");
    let current: i64 = cadence
        .db()
        .read(|c| {
            assert_eq!(
                c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))?,
                "ok"
            );
            schema_version(c)
        })
        .expect("version");
    assert_eq!(current, SUPPORTED_SCHEMA, "{at}");
    let plan = cadence.plan(PLAN).expect(&at);
    assert_eq!(plan.name, "Épicerie fine Lumière");
    assert_eq!(plan.meta.revision, 2);
    let overview = cadence.plan_overview(PLAN).expect(&at);
    assert_eq!(overview.channels.len(), 1, "{at}");
    assert_eq!(overview.channels[0].char_limit, Some(2200));
    assert_eq!(overview.objectives[0].target_share, 40);
    assert_eq!(overview.events[0].title, "Portes ouvertes");

    let timed = cadence.post(TIMED).expect(&at).post;
    if version >= 5 {
        // Held in the fixture: resuming gives it back its status.
        assert_eq!(timed.status, PostStatus::Held, "{at}");
        assert_eq!(timed.meta.revision, 4);
        assert_eq!(cadence.relays(TIMED).expect(&at).len(), 1);
        let crisis = cadence.crisis_plan(PLAN).expect(&at);
        assert_eq!(crisis.contacts[0].name, "Claire Dubois");
        assert_eq!(crisis.steps.len(), 2);
        return;
    }
    assert_eq!(timed.status, PostStatus::Scheduled);
    assert_eq!(timed.body, "Nos coffrets « terroir » ✨");
    match &timed.planned {
        Some(Planned::At {
            local, timezone, ..
        }) => {
            assert_eq!(timezone, "America/Montreal");
            assert_eq!(*local, common::local("2026-12-03 10:00"), "{at}");
        }
        other => panic!("{at}: {other:?}"),
    }
    assert_eq!(timed.channels[0].variant.as_deref(), Some("Version courte"));
    assert_eq!(timed.tags, vec!["noël", "cadeaux"]);
    assert_eq!(timed.links, vec!["https://example.com/coffrets"]);
    assert_eq!(timed.event_id.as_deref(), Some(EVENT));
    assert_eq!(timed.objective_id.as_deref(), Some(OBJECTIVE));
    assert_eq!(timed.meta.revision, 3);

    let day = cadence.post(DAY).expect(&at).post;
    assert_eq!(
        day.planned,
        Some(Planned::Day {
            date: common::date("2026-12-10")
        })
    );
    assert_eq!(day.results.likes, Some(12));
    let trash = cadence.trash(PLAN).expect(&at);
    assert_eq!(trash.len(), 1, "{at}");
    assert_eq!(trash[0].id, TRASHED);
    assert_eq!(
        cadence.setting("sample_offered").expect(&at).as_deref(),
        Some("1")
    );
    if version >= 2 {
        let feeds: i64 = cadence
            .db()
            .read(|c| Ok(c.query_row("SELECT count(*) FROM feeds", [], |r| r.get(0))?))
            .expect("feeds");
        assert_eq!(feeds, 1, "{at}");
    }
    if version >= 4 {
        let t = cadence
            .template("01900000-0000-7000-8000-000000000009")
            .expect(&at);
        assert_eq!(t.steps.len(), 2, "{at}");
        assert_eq!(t.steps[1].title, "C'est aujourd'hui");
        let slots = cadence.slots(PLAN).expect(&at);
        assert_eq!(slots[0].skipped, vec![common::date("2026-12-24")], "{at}");
        assert_eq!(
            cadence.holiday_region(PLAN).expect(&at),
            cadence::model::HolidayRegion::CaQc
        );
    }
}

/// Schema 5 widens the CHECK on `posts.status` in place: every older fixture, once upgraded,
/// stores `held` — on the very connection that ran the migration — and still refuses nonsense;
/// its posts' channels, tags and links (which a table rebuild could cascade away) are intact.
#[test]
fn upgraded_databases_accept_held_posts_and_nothing_else() {
    for version in 1..SUPPORTED_SCHEMA.min(5) {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("cadence.db");
        std::fs::copy(fixture_path(version), &path).expect("copy");
        let mut c = rusqlite::Connection::open(&path).expect("open");
        c.execute_batch("PRAGMA foreign_keys = ON").expect("fk");
        migrations().to_latest(&mut c).expect("migrate");
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'posts'",
                [],
                |r| r.get(0),
            )
            .expect("schema");
        assert!(sql.contains("'cancelled','held')"), "{sql}");
        c.execute("UPDATE posts SET status = 'held' WHERE id = ?1", [TIMED])
            .unwrap_or_else(|e| {
                panic!("schema {version}: held refused on the migrating connection: {e}")
            });
        let bogus = c.execute("UPDATE posts SET status = 'bogus' WHERE id = ?1", [TIMED]);
        assert!(bogus.is_err(), "schema {version}: the CHECK still holds");
        let children: i64 = c
            .query_row(
                "SELECT (SELECT count(*) FROM post_channels) + (SELECT count(*) FROM post_tags)
                      + (SELECT count(*) FROM post_links)",
                [],
                |r| r.get(0),
            )
            .expect("children");
        assert_eq!(children, 2 + 2 + 1, "schema {version}");
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity");
        assert_eq!(check, "ok");
        drop(c);
        // A fresh pool on the upgraded file: hold and resume work end to end.
        let cadence = Cadence::open(&path)
            .expect("reopen")
            .with_clock(|| chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default());
        let resumed = cadence.resume_held_posts(PLAN, "reprise").map(|e| e.posts);
        assert!(resumed.is_err(), "no hold was logged, so nothing to resume");
        cadence
            .db()
            .with_tx(|tx| {
                tx.execute(
                    "UPDATE posts SET status = 'scheduled' WHERE id = ?1",
                    [TIMED],
                )?;
                Ok(())
            })
            .expect("back to scheduled");
        let held = cadence.hold_scheduled_posts(PLAN, "Crise").expect("hold");
        assert_eq!(held.posts, 1, "schema {version}");
        let resumed = cadence.resume_held_posts(PLAN, "Fin").expect("resume");
        assert_eq!(resumed.posts, 1);
        assert_eq!(
            cadence.post(TIMED).expect("post").post.status,
            PostStatus::Scheduled
        );
    }
}
