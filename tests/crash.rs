//! A writer killed with SIGKILL at random moments never leaves a broken or half-written database.
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// SIGKILL cycles; each is checked with `PRAGMA integrity_check`, the foreign keys, and every
/// write the killed process reported as committed.
const CYCLES: usize = 200;

#[test]
fn killing_a_writer_mid_transaction_leaves_the_database_consistent() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    let bin = env!("CARGO_BIN_EXE_cadence");
    let st = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .status()
        .expect("demo");
    assert!(st.success());
    // Committed state as the writer reported it: post id -> (revision, deleted).
    let mut committed: HashMap<String, (i64, bool)> = HashMap::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for cycle in 0..CYCLES {
        let mut child = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["write-loop", "--plan", "Boulangerie Les Trois Épis"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn writer");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Short waits keep 200 cycles near half a minute; some kills land before the first write,
        // during opening and migrating, most in the middle of the loop's transactions.
        let wait = Duration::from_millis(10 + seed % 110);
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        let t = Instant::now();
        while t.elapsed() < wait {
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        for line in reader.join().expect("reader") {
            let parts: Vec<&str> = line.split(' ').collect();
            if let [what, id, rev] = parts[..] {
                let rev: i64 = rev.parse().expect("revision");
                committed.insert(id.to_owned(), (rev, what == "deleted"));
            }
        }
        let conn = rusqlite::Connection::open(&db).expect("open after kill");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(check, "ok", "cycle {cycle}");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .expect("fk check");
        assert_eq!(fk, 0, "cycle {cycle}: dangling references");
        let mut stmt = conn
            .prepare("SELECT id, revision, deleted_at IS NOT NULL FROM posts")
            .expect("prepare");
        let stored: HashMap<String, (i64, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .expect("posts")
            .collect::<Result<_, _>>()
            .expect("rows");
        drop(stmt);
        for (id, (rev, deleted)) in &committed {
            let (db_rev, db_deleted) = stored
                .get(id)
                .unwrap_or_else(|| panic!("cycle {cycle}: committed post {id} missing"));
            assert!(db_rev >= rev, "cycle {cycle}: {id} lost an update");
            if db_rev == rev {
                assert_eq!(db_deleted, deleted, "cycle {cycle}: {id}");
            }
        }
        // No post without its channels: each write-loop post has 1 to 3 channels.
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM posts p WHERE p.title LIKE 'Post n°%'
                 AND NOT EXISTS (SELECT 1 FROM post_channels c WHERE c.post_id = p.id)",
                [],
                |r| r.get(0),
            )
            .expect("orphans");
        assert_eq!(orphans, 0, "cycle {cycle}: half-written post");
    }
    eprintln!(
        "{CYCLES} SIGKILL cycles, 0 failures, {} committed posts checked",
        committed.len()
    );
    assert!(
        committed.len() > 10,
        "the writer committed too little to prove anything: {}",
        committed.len()
    );
}
