//! Several real processes on one database file at once, as on a user's machine: `cadence feed
//! serve` answering a calendar client, two writers (standing in for the app and a script), and
//! command-line reads, all under a mixed load. None may fail with "database is locked", every
//! reported write must be in the file afterwards, and the feed must keep answering.
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PLAN: &str = "Boulangerie Les Trois Épis";
const WRITES_PER_WRITER: u64 = 500;

fn cadence(db: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cadence"));
    c.arg("--db").arg(db);
    c
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind a free port")
        .local_addr()
        .expect("addr")
        .port()
}

/// Kills the child when the test ends, whatever happens.
struct Guard(Child);
impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http_get(url: &str) -> (u16, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into();
    let mut resp = agent.get(url).call().expect("GET feed");
    let status = resp.status().as_u16();
    let body = resp
        .body_mut()
        .with_config()
        .limit(1 << 28)
        .read_to_vec()
        .expect("body");
    (status, body)
}

#[test]
fn feed_server_writers_and_cli_share_one_file_without_locked_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    assert!(cadence(&db).arg("demo").status().expect("demo").success());

    // Publish a feed and read its URL from the JSON answer.
    let port = free_port();
    let out = cadence(&db)
        .args(["--json", "feed", "create", "--plan", PLAN, "--port"])
        .arg(port.to_string())
        .output()
        .expect("feed create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let url = created["urls"]["http"]
        .as_str()
        .expect("http url")
        .to_owned();

    // The server, in its own process, logging to a file we read at the end.
    let server_log = dir.path().join("serve.log");
    let mut server = Guard(
        cadence(&db)
            .args(["feed", "serve", "--port"])
            .arg(port.to_string())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&server_log).expect("log"))
            .spawn()
            .expect("spawn feed serve"),
    );
    // Its first line says it listens.
    let mut server_out = BufReader::new(server.0.stdout.take().expect("stdout"));
    let mut first = String::new();
    server_out.read_line(&mut first).expect("serve banner");
    assert!(first.contains("serving"), "unexpected banner: {first}");
    // Keep draining its output: a closed pipe would end it on its next line.
    std::thread::spawn(move || std::io::copy(&mut server_out, &mut std::io::sink()));

    let before_posts = count_posts(&db);

    // Two writers: creates, edits and deletes in a loop, each step reported once committed.
    let writers: Vec<_> = (0..2)
        .map(|_| {
            cadence(&db)
                .args(["write-loop", "--plan", PLAN, "--count"])
                .arg(WRITES_PER_WRITER.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn writer")
        })
        .collect();

    // Meanwhile: a calendar client polling the feed without pause, and command-line reads and
    // writes in turn.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poller = {
        let (stop, url) = (stop.clone(), url.clone());
        std::thread::spawn(move || {
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let (status, body) = http_get(&url);
                assert_eq!(status, 200, "feed answered {status} under load");
                assert!(body.starts_with(b"BEGIN:VCALENDAR\r\n"));
                n += 1;
            }
            n
        })
    };
    let t0 = Instant::now();
    let mut fetches = 0;
    let mut reads = 0;
    let mut cli_writes = 0;
    let mut writers: Vec<Option<Child>> = writers.into_iter().map(Some).collect();
    let mut reports = Vec::new();
    while writers.iter().any(Option::is_some) {
        assert!(
            t0.elapsed() < Duration::from_secs(240),
            "the writers did not finish in 4 minutes"
        );
        let (status, body) = http_get(&url);
        assert_eq!(status, 200, "feed answered {status} under load");
        assert!(body.starts_with(b"BEGIN:VCALENDAR\r\n"));
        fetches += 1;

        let out = cadence(&db)
            .args(["--json", "check", "--plan", PLAN])
            .output()
            .expect("cadence check");
        assert!(
            out.status.success(),
            "cadence check failed under load: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        reads += 1;

        // And a write from the command line, competing with the two writers.
        let out = cadence(&db)
            .args(["add-post", "--plan", PLAN, "--title"])
            .arg(format!("Depuis le terminal n°{reads}"))
            .args(["--channel", "instagram", "--at", "2027-02-01 09:30"])
            .output()
            .expect("cadence add-post");
        assert!(
            out.status.success(),
            "cadence add-post failed under load: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        cli_writes += 1;

        for slot in writers.iter_mut() {
            if let Some(child) = slot {
                if child.try_wait().expect("try_wait").is_some() {
                    let mut child = slot.take().expect("child");
                    let status = child.wait().expect("wait");
                    let mut stdout = String::new();
                    let mut stderr = String::new();
                    child
                        .stdout
                        .take()
                        .expect("stdout")
                        .read_to_string(&mut stdout)
                        .expect("read stdout");
                    child
                        .stderr
                        .take()
                        .expect("stderr")
                        .read_to_string(&mut stderr)
                        .expect("read stderr");
                    assert!(status.success(), "a writer failed: {stderr}");
                    assert!(!stderr.contains("locked"), "writer saw: {stderr}");
                    reports.push(stdout);
                }
            }
        }
    }

    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    fetches += poller.join().expect("the feed poller failed");

    // Every step each writer reported is in the file: created posts exist, deleted ones are
    // tombstoned, and each post's revision is at least the last one reported.
    let mut created = 0;
    for report in &reports {
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len() as u64, WRITES_PER_WRITER, "steps reported");
        for line in lines {
            let parts: Vec<&str> = line.split(' ').collect();
            let [what, id, rev] = parts[..] else {
                panic!("odd report line {line}")
            };
            let rev: i64 = rev.parse().expect("revision");
            let (stored_rev, deleted) = post_state(&db, id);
            assert!(
                stored_rev >= rev,
                "{id}: stored revision {stored_rev} < {rev}"
            );
            if what == "deleted" {
                assert!(deleted, "{id} reported deleted but is not");
            }
            if what == "created" {
                created += 1;
            }
        }
    }
    assert_eq!(count_posts(&db), before_posts + created + cli_writes);

    // The server is still alive, answers, and never logged a locked database.
    assert!(
        server.0.try_wait().expect("server state").is_none(),
        "feed server died"
    );
    let (status, _) = http_get(&url);
    assert_eq!(status, 200);
    let log = std::fs::read_to_string(&server_log).expect("server log");
    assert!(!log.contains("locked"), "feed server logged: {log}");
    assert!(fetches > 0 && reads > 0);
    eprintln!(
        "{fetches} feed fetches, {reads} CLI reads and {cli_writes} CLI writes during {} steps of 2 writers",
        2 * WRITES_PER_WRITER
    );
}

fn count_posts(db: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.busy_timeout(Duration::from_secs(10)).expect("busy");
    c.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .expect("count")
}

fn post_state(db: &std::path::Path, id: &str) -> (i64, bool) {
    let c = rusqlite::Connection::open(db).expect("open");
    c.busy_timeout(Duration::from_secs(10)).expect("busy");
    c.query_row(
        "SELECT revision, deleted_at IS NOT NULL FROM posts WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("post row")
}
