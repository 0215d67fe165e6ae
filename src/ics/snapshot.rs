//! A second connection that reads the very snapshot the first one reads, so that a big export
//! can read posts and their children at once on two cores and still see one state of the
//! database.
//!
//! SQLite gives a read transaction the state of the last commit when it first reads. While a
//! third connection holds the write lock (`BEGIN IMMEDIATE`), nothing can commit: two read
//! transactions started then see the same state. The lock is held for the two first reads
//! only (well under a millisecond); a writer that comes meanwhile waits, as it would for any
//! write. When the lock cannot be had quickly (a long write is under way), or the database
//! is not a file, there is no twin and the export reads on one connection.
//!
//! The twin is best an idle connection of the pool ([`twin`]'s `spare`): it is open already,
//! its statements are prepared and its map of the file is made, which a connection opened for
//! one export pays for again each time.
use rusqlite::{Connection, OpenFlags};
use std::ops::Deref;
use std::time::Duration;

/// How long to wait for the write lock before reading on one connection instead.
const LOCK_WAIT: Duration = Duration::from_millis(200);

/// A connection in a read transaction that sees what another sees; the transaction ends
/// when it is dropped (a borrowed connection goes back to its owner out of any transaction).
pub(super) enum Twin<'a> {
    Opened(Connection),
    Borrowed(&'a mut Connection),
}

impl Deref for Twin<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Twin::Opened(c) => c,
            Twin::Borrowed(c) => c,
        }
    }
}

impl Drop for Twin<'_> {
    fn drop(&mut self) {
        if !self.is_autocommit() {
            // A read transaction: nothing to lose. Should it fail, the connection is one
            // of the pool's: better not to leave it holding an old snapshot, but there is
            // nothing more to do here.
            let _ = self.execute_batch("ROLLBACK");
        }
    }
}

/// A connection to `conn`'s database whose read transaction sees what `conn`'s sees: `spare`
/// when given (another connection to the same file, out of any transaction, only read
/// through here), else a read-only connection opened for it. `conn` must be in a
/// transaction that has not read yet: its snapshot is taken here.
pub(super) fn twin<'a>(conn: &Connection, spare: Option<&'a mut Connection>) -> Option<Twin<'a>> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let lock = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_WRITE).ok()?;
    lock.busy_timeout(LOCK_WAIT).ok()?;
    let second = match spare {
        Some(spare) if spare.path() == Some(path) && spare.is_autocommit() => Twin::Borrowed(spare),
        _ => {
            let c =
                Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
            c.execute_batch("PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;")
                .ok()?;
            Twin::Opened(c)
        }
    };
    lock.execute_batch("BEGIN IMMEDIATE").ok()?;
    let first_read = |c: &Connection| {
        c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
    };
    let both = first_read(conn)
        .and_then(|_| second.execute_batch("BEGIN"))
        .and_then(|_| first_read(&second));
    let released = lock.execute_batch("ROLLBACK");
    both.and(released).ok()?;
    Some(second)
}
