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
use rusqlite::{Connection, OpenFlags};
use std::time::Duration;

/// How long to wait for the write lock before reading on one connection instead.
const LOCK_WAIT: Duration = Duration::from_millis(200);

/// A read-only connection to `conn`'s database whose read transaction sees what `conn`'s
/// sees. `conn` must be in a transaction that has not read yet: its snapshot is taken here.
pub(super) fn twin(conn: &Connection) -> Option<Connection> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let lock = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_WRITE).ok()?;
    let second =
        Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    lock.busy_timeout(LOCK_WAIT).ok()?;
    second
        .execute_batch("PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;")
        .ok()?;
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
