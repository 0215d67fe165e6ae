//! Backups with SQLite's online backup API: a consistent copy taken while the app runs, written
//! beside its destination and renamed into place, so a backup file is either whole or absent.
//! Restoring copies a checked backup over the live database in one step of the same API, after
//! keeping a safety copy of what was there.
use super::{migrations, schema_version, Db, SUPPORTED_SCHEMA};
use crate::error::{Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a backup step may wait for a lock before giving up with `busy`.
const LOCK_WAIT: Duration = Duration::from_secs(15);

/// Tables every Cadence database has had since schema 1.
const REQUIRED_TABLES: [&str; 8] = [
    "plans",
    "objectives",
    "channels",
    "events",
    "posts",
    "post_channels",
    "post_tags",
    "post_links",
];

impl Db {
    /// Writes a consistent copy of the database to `dest` (replacing it atomically if it exists).
    /// The copy is a single self-contained file (rollback journal, no `-wal` beside it).
    pub fn backup_to(&self, dest: &Path) -> Result<u64> {
        if same_file(dest, &self.path) {
            return Err(Error::invalid(
                "output",
                "a backup cannot overwrite the database it copies",
            ));
        }
        let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => {
                std::fs::create_dir_all(d)?;
                d.to_path_buf()
            }
            None => PathBuf::from("."),
        };
        let tmp = dir.join(format!(
            ".{}.{}.partial",
            dest.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            uuid::Uuid::new_v4().simple()
        ));
        let written = (|| {
            let src = self.conn()?;
            let mut out = Connection::open(&tmp)?;
            copy_all(&src, &mut out)?;
            drop(src);
            // A standalone file: no WAL beside it, checked before it is trusted.
            out.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
            check_cadence_file(&out, dest)?;
            out.close().map_err(|(_, e)| e)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            std::fs::rename(&tmp, dest)?;
            sync_dir(&dir);
            Ok(std::fs::metadata(dest)?.len())
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Replaces the database's content with the backup at `src`, in one transaction, after
    /// checking that `src` is a sound Cadence database of a schema this binary knows and writing a
    /// safety copy of the current content to `safety_copy`. The restored data is then migrated to
    /// the current schema. `src` itself is only read.
    pub fn restore_from(&self, src: &Path, safety_copy: &Path) -> Result<()> {
        if same_file(src, &self.path) {
            return Err(Error::invalid(
                "file",
                "this is the database in use, not a backup",
            ));
        }
        let backup = open_backup(src)?;
        self.backup_to(safety_copy)?;
        let mut live = self.conn()?;
        copy_all(&backup, &mut live)?;
        migrations().to_latest(&mut live)?;
        Ok(())
    }
}

/// Opens `path` read-only and checks it is a sound Cadence database this binary can read.
pub fn open_backup(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::NotFound {
            entity: "file",
            id: path.display().to_string(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    check_cadence_file(&conn, path)?;
    Ok(conn)
}

/// The checks a file must pass to be used as a Cadence database: SQLite, intact, a known schema,
/// the Cadence tables.
fn check_cadence_file(conn: &Connection, path: &Path) -> Result<()> {
    let not_cadence = |why: &str| Error::NotADatabase(format!("{} ({why})", path.display()));
    let checked = (|| {
        let version = schema_version(conn)?;
        if version > SUPPORTED_SCHEMA {
            return Err(Error::SchemaTooNew {
                found: version,
                supported: SUPPORTED_SCHEMA,
            });
        }
        if version < 1 {
            return Err(not_cadence("no Cadence schema"));
        }
        let integrity: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if integrity != "ok" {
            return Err(not_cadence(&format!("damaged: {integrity}")));
        }
        for table in REQUIRED_TABLES {
            let found: i64 = conn.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if found == 0 {
                return Err(not_cadence(&format!("no {table} table")));
            }
        }
        Ok(())
    })();
    checked.map_err(|e| match e {
        Error::Database(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            not_cadence("not an SQLite file")
        }
        Error::Database(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DatabaseCorrupt =>
        {
            not_cadence("damaged file")
        }
        other => other,
    })
}

/// Copies every page of `src` into `dst` in one step (one read snapshot, one write transaction),
/// waiting for locks up to `LOCK_WAIT`.
fn copy_all(src: &Connection, dst: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    let start = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            StepResult::Busy | StepResult::Locked if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(Error::Database(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed locked during the backup".into()),
                )))
            }
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Makes a rename durable (best effort: not every platform can open a directory).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
