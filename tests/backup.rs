//! Backups with SQLite's online backup API, automatic rotation, and restore.
mod common;

use cadence::db::SUPPORTED_SCHEMA;
use cadence::Cadence;
use common::*;
use std::path::Path;

fn integrity(path: &Path) -> String {
    let c = rusqlite::Connection::open(path).expect("open backup");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_backup_is_a_standalone_copy_with_the_same_rows() {
    let f = fixture();
    f.cadence.create_post(&f.post_input()).expect("post");
    let dest = f.dir.path().join("copies").join("mardi.db");
    let file = f.cadence.backup_to(&dest).expect("backup");
    assert_eq!(file.path, dest);
    assert_eq!(file.bytes, std::fs::metadata(&dest).expect("meta").len());
    assert_eq!(integrity(&dest), "ok");
    // One file, no -wal or temporary file left beside it.
    assert_eq!(files_in(dest.parent().expect("dir")), vec!["mardi.db"]);
    let mode: String = rusqlite::Connection::open(&dest)
        .expect("open")
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete");
    let copy = Cadence::open(&dest).expect("open copy");
    assert_eq!(dump(&copy), f.dump());

    // Taking it again replaces the file.
    f.cadence.create_post(&f.post_input()).expect("post");
    drop(copy);
    f.cadence.backup_to(&dest).expect("backup again");
    assert_eq!(dump(&Cadence::open(&dest).expect("open")), f.dump());
}

#[test]
fn a_backup_cannot_overwrite_the_live_database() {
    let f = fixture();
    let before = f.dump();
    let bytes = std::fs::read(f.cadence.db().path()).expect("read");
    let err = f
        .cadence
        .backup_to(f.cadence.db().path())
        .expect_err("refused");
    assert_eq!(err.code(), "invalid");
    assert_eq!(f.dump(), before);
    assert_eq!(std::fs::read(f.cadence.db().path()).expect("read"), bytes);
}

#[test]
fn backups_taken_while_another_pool_writes_are_consistent() {
    let f = fixture();
    let writer = Cadence::open(f.cadence.db().path()).expect("second pool");
    let input = f.post_input();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop2 = stop.clone();
    let handle = std::thread::spawn(move || {
        let mut n = 0;
        while !stop2.load(std::sync::atomic::Ordering::Relaxed) {
            let mut i = input.clone();
            i.title = format!("écrit pendant la sauvegarde {n}");
            i.channels.push(cadence::model::PostChannel {
                channel_id: input.channels[0].channel_id.clone(),
                variant: Some("variante".into()),
            });
            writer.create_post(&i).expect("write during backup");
            n += 1;
        }
        n
    });
    let mut counts = Vec::new();
    for i in 0..8 {
        let dest = f.dir.path().join(format!("pendant-{i}.db"));
        f.cadence.backup_to(&dest).expect("backup under writes");
        assert_eq!(integrity(&dest), "ok");
        let c = rusqlite::Connection::open(&dest).expect("open");
        let (posts, links): (i64, i64) = c
            .query_row(
                "SELECT (SELECT count(*) FROM posts), (SELECT count(*) FROM post_channels)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("counts");
        assert_eq!(posts, links, "every post has its channel in the copy");
        counts.push(posts);
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = handle.join().expect("writer");
    assert!(written > 0);
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
}

#[test]
fn restore_brings_back_the_backup_and_keeps_a_safety_copy() {
    let f = fixture();
    let kept = f.cadence.create_post(&f.post_input()).expect("post");
    let before = f.dump();
    let backup = f.dir.path().join("sauvegarde.db");
    f.cadence.backup_to(&backup).expect("backup");
    let backup_bytes = std::fs::read(&backup).expect("read");

    // A week of changes, some of them mistakes.
    f.cadence.delete_post(&kept.post.id).expect("delete");
    let mut other = f.post_input();
    other.title = "Après la sauvegarde".into();
    f.cadence.create_post(&other).expect("post");
    let after = f.dump();
    assert_ne!(after, before);

    let safety = f.cadence.restore_from(&backup).expect("restore");
    assert_eq!(f.dump(), before, "the backup's content is back");
    assert_eq!(
        std::fs::read(&backup).expect("read"),
        backup_bytes,
        "backup only read"
    );
    assert!(
        safety.path.starts_with(f.cadence.backup_dir()),
        "{:?}",
        safety.path
    );
    assert_eq!(dump(&Cadence::open(&safety.path).expect("open")), after);
    // The live database stays in WAL mode and the other pools see the restored rows.
    let mode: String = f
        .cadence
        .db()
        .read(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
        .expect("mode");
    assert_eq!(mode, "wal");
    let again = Cadence::open(f.cadence.db().path()).expect("reopen");
    assert_eq!(dump(&again), before);
    assert_eq!(
        again
            .post(&kept.post.id)
            .expect("post")
            .post
            .meta
            .deleted_at,
        None
    );
    assert_eq!(integrity(f.cadence.db().path()), "ok");
}

#[test]
fn restore_refuses_what_is_not_a_sound_cadence_backup_and_writes_nothing() {
    let f = fixture();
    f.cadence.create_post(&f.post_input()).expect("post");
    let before = f.dump();
    let dir = f.dir.path();

    let text = dir.join("notes.db");
    std::fs::write(&text, "pas une base\n".repeat(300)).expect("write");
    let empty_sqlite = dir.join("vide.db");
    rusqlite::Connection::open(&empty_sqlite)
        .expect("create")
        .execute_batch("CREATE TABLE autre (x); INSERT INTO autre VALUES (1);")
        .expect("table");
    let no_posts = dir.join("sans-posts.db");
    {
        let c = rusqlite::Connection::open(&no_posts).expect("create");
        c.execute_batch("CREATE TABLE plans (x);").expect("table");
        c.pragma_update(None, "user_version", 1).expect("version");
    }
    let newer = dir.join("futur.db");
    f.cadence.backup_to(&newer).expect("backup");
    rusqlite::Connection::open(&newer)
        .expect("open")
        .pragma_update(None, "user_version", SUPPORTED_SCHEMA + 1)
        .expect("version");
    let truncated = dir.join("tronquee.db");
    f.cadence.backup_to(&truncated).expect("backup");
    let bytes = std::fs::read(&truncated).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("truncate");

    for (file, code) in [
        (text, "not_a_database"),
        (empty_sqlite, "not_a_database"),
        (no_posts, "not_a_database"),
        (newer, "schema_too_new"),
        (truncated, "not_a_database"),
        (dir.join("absent.db"), "not_found"),
    ] {
        let bytes = std::fs::read(&file).ok();
        let err = f.cadence.restore_from(&file).expect_err("refused");
        assert_eq!(err.code(), code, "{}: {err}", file.display());
        assert_eq!(f.dump(), before, "{}", file.display());
        assert_eq!(
            std::fs::read(&file).ok(),
            bytes,
            "{} changed",
            file.display()
        );
    }
    assert!(
        files_in(&f.cadence.backup_dir()).is_empty(),
        "no safety copy for a refused restore"
    );
    let err = f
        .cadence
        .restore_from(f.cadence.db().path())
        .expect_err("itself");
    assert_eq!(err.code(), "invalid");
    assert_eq!(f.dump(), before);
}

#[test]
fn rotation_takes_one_backup_a_day_and_keeps_the_newest() {
    let f = fixture();
    let dir = f.dir.path().join("auto");
    std::fs::create_dir_all(&dir).expect("dir");
    for day in 1..=15 {
        std::fs::write(dir.join(format!("cadence-202001{day:02}-030000.db")), "old")
            .expect("old backup");
    }
    std::fs::write(dir.join("cadence-notes.txt"), "mine").expect("other file");
    std::fs::write(dir.join("cadence-2020.db"), "not a stamp").expect("other file");

    let r = f.cadence.rotate_backups(&dir, 14).expect("rotate");
    let created = r.created.expect("a backup today");
    assert_eq!(integrity(&created.path), "ok");
    assert_eq!(r.removed.len(), 2, "{:?}", r.removed);
    assert!(r.removed.iter().all(|p| {
        let n = p.file_name().expect("name").to_string_lossy().into_owned();
        n == "cadence-20200101-030000.db" || n == "cadence-20200102-030000.db"
    }));
    let listed = f.cadence.backups(&dir).expect("list");
    assert_eq!(listed.len(), 14);
    assert_eq!(listed[0].path, created.path, "newest first");
    let names = files_in(&dir);
    assert!(names.contains(&"cadence-notes.txt".to_string()));
    assert!(names.contains(&"cadence-2020.db".to_string()));

    // The same day again: nothing new, nothing removed.
    let again = f.cadence.rotate_backups(&dir, 14).expect("rotate");
    assert_eq!(again.created, None);
    assert!(again.removed.is_empty());
    // Keeping fewer prunes down to that number.
    let fewer = f.cadence.rotate_backups(&dir, 3).expect("rotate");
    assert_eq!(fewer.removed.len(), 11);
    assert_eq!(f.cadence.backups(&dir).expect("list").len(), 3);
    assert_eq!(
        f.cadence.rotate_backups(&dir, 0).expect_err("zero").code(),
        "invalid"
    );
}
