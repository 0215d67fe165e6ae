//! The database file: settings, migrations, refusing what it must not touch.
mod common;

use cadence::db::{Db, SUPPORTED_SCHEMA};
use cadence::Cadence;
use common::*;

#[test]
fn creates_the_file_and_its_folders_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("a").join("b").join("cadence.db");
    let db = Db::open(&path).expect("open");
    assert!(path.exists());
    let (mode, fk, version): (String, i64, i64) = db
        .read(|c| {
            Ok((
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            ))
        })
        .expect("pragmas");
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(version, SUPPORTED_SCHEMA);
}

#[test]
fn data_survives_reopening() {
    let f = fixture();
    let path = f.cadence.db().path().to_path_buf();
    let before = f.dump();
    drop(f.cadence);
    let again = Cadence::open(&path).expect("reopen");
    assert_eq!(dump(&again), before);
    assert_eq!(again.plans().expect("plans").len(), 1);
}

#[test]
fn a_database_from_a_newer_cadence_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("future.db");
    {
        let c = rusqlite::Connection::open(&path).expect("create");
        c.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
            .expect("table");
        c.pragma_update(None, "user_version", SUPPORTED_SCHEMA + 1)
            .expect("version");
    }
    let bytes = std::fs::read(&path).expect("read");
    let err = Db::open(&path).expect_err("must refuse");
    assert_eq!(err.code(), "schema_too_new");
    assert!(err.to_string().contains("newer Cadence"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "file changed");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["future.db".to_string()],
        "no -wal/-shm left behind"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("notes.db");
    let text = "ceci n'est pas une base de données\n".repeat(200);
    std::fs::write(&path, &text).expect("write");
    let err = Db::open(&path).expect_err("must refuse");
    assert_eq!(err.code(), "not_a_database");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn two_processes_worth_of_pools_write_to_one_file_without_busy_errors() {
    let (_dir, a) = open_temp();
    let b = Cadence::open(a.db().path()).expect("second pool");
    let plan = a
        .create_plan(&cadence::model::PlanInput {
            name: "Partagé".into(),
            timezone: "America/Toronto".into(),
            locale: "fr-CA".into(),
        })
        .expect("plan");
    let threads: Vec<_> = [a.clone(), b.clone(), a.clone(), b.clone()]
        .into_iter()
        .enumerate()
        .map(|(t, c)| {
            let plan_id = plan.id.clone();
            std::thread::spawn(move || {
                for i in 0..40 {
                    let mut input = cadence::model::PostInput {
                        plan_id: plan_id.clone(),
                        title: format!("fil {t} n°{i}"),
                        body: String::new(),
                        channels: vec![],
                        objective_id: None,
                        customer_value: String::new(),
                        status: cadence::model::PostStatus::Idea,
                        planned: None,
                        duration_minutes: None,
                        event_id: None,
                        assignee: String::new(),
                        tags: vec![],
                        links: vec![],
                        notes: String::new(),
                        results: Default::default(),
                    };
                    let v = c.create_post(&input).expect("create under contention");
                    input.title.push_str(" (modifié)");
                    c.update_post(&v.post.id, &input)
                        .expect("update under contention");
                    c.check(&plan_id).expect("read under contention");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread");
    }
    let n: i64 = b
        .db()
        .read(|c| Ok(c.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(n, 160);
}
