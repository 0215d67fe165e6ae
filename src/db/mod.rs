//! The SQLite file: a small connection pool, per-connection settings, migrations,
//! and the one way to write (`with_tx`).
mod backup;
mod migrate;

pub use backup::open_backup;
pub use migrate::{migrations, schema_version, SUPPORTED_SCHEMA};

use crate::error::{Error, Result};
use r2d2::{Pool, PooledConnection};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The app's identifier: the folder under the OS data directory (same as Tauri's app data dir).
pub const APP_IDENTIFIER: &str = "org.cadence.desktop";
pub const DB_FILE_NAME: &str = "cadence.db";
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the database lives unless told otherwise: `$CADENCE_DB`, else
/// `<OS data dir>/org.cadence.desktop/cadence.db` (e.g. `~/.local/share/org.cadence.desktop/cadence.db`).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CADENCE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join(DB_FILE_NAME)
}

/// A Cadence database. Cheap to clone; connections come from a small pool.
#[derive(Clone)]
pub struct Db {
    pool: Pool<SqliteConnectionManager>,
    path: PathBuf,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.path).finish()
    }
}

impl Db {
    /// Opens (creating if needed) and migrates the database at `path`.
    /// A database written by a newer Cadence is refused and left byte-for-byte untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Db> {
        let path = path.as_ref().to_path_buf();
        if path.exists() {
            refuse_if_newer(&path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let manager = SqliteConnectionManager::file(&path).with_init(configure);
        let pool = Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(15))
            .build(manager)?;
        let db = Db { pool, path };
        let mut conn = db.conn()?;
        migrations().to_latest(&mut conn)?;
        Ok(db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> Result<PooledConnection<SqliteConnectionManager>> {
        Ok(self.pool.get()?)
    }

    /// Runs reads on one connection (one consistent snapshot when `f` opens a transaction).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.conn()?;
        f(&conn)
    }

    /// [`Db::read`], with a second connection when one is idle in the pool (never waits for
    /// one). `f` must give the second back out of any transaction.
    pub fn read_with_spare<T>(
        &self,
        f: impl FnOnce(&Connection, Option<&mut Connection>) -> Result<T>,
    ) -> Result<T> {
        let conn = self.conn()?;
        let mut spare = self.pool.try_get();
        f(&conn, spare.as_deref_mut())
    }

    /// Runs `f` in one IMMEDIATE transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn with_tx<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

fn configure(c: &mut Connection) -> rusqlite::Result<()> {
    c.busy_timeout(BUSY_TIMEOUT)?;
    c.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    c.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;",
    )?;
    c.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Looks at an existing file read-only, before anything may write to it.
fn refuse_if_newer(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found = schema_version(&conn).map_err(|e| match e {
        Error::Database(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Error::NotADatabase(path.display().to_string())
        }
        other => other,
    })?;
    if found > SUPPORTED_SCHEMA {
        return Err(Error::SchemaTooNew {
            found,
            supported: SUPPORTED_SCHEMA,
        });
    }
    Ok(())
}
