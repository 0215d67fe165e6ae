//! Numbered SQL files from `migrations/`, embedded at compile time by `build.rs`,
//! applied in order (each in its own transaction) and tracked in `PRAGMA user_version`.
use crate::error::Result;
use rusqlite::Connection;
use rusqlite_migration::{HookError, HookResult, Migrations, M};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// The newest schema this binary knows.
pub const SUPPORTED_SCHEMA: i64 = MIGRATION_FILES.len() as i64;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATION_FILES
            .iter()
            .map(|(name, sql)| match *name {
                n if n.starts_with("0005_") => M::up_with_hook(sql, allow_held_status),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// The IN list of `posts.status` as schema 1 wrote it, and as schema 5 widens it.
const STATUS_LIST_BEFORE: &str = "'published','cancelled')";
const STATUS_LIST_AFTER: &str = "'published','cancelled','held')";

/// Schema 5: `posts.status` may also be `held`. Widening a CHECK leaves every stored row
/// valid, so the stored CREATE TABLE text is edited in place (SQLite's documented procedure
/// for constraint changes that do not touch the stored rows), in the migration's transaction,
/// and `schema_version` goes up so every connection — this one included — reloads the schema.
/// Unlike a table rebuild, this keeps whatever columns other migrations added to `posts`.
fn allow_held_status(tx: &rusqlite::Transaction) -> HookResult {
    let sql: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'posts'",
        [],
        |r| r.get(0),
    )?;
    if sql.matches(STATUS_LIST_BEFORE).count() != 1 {
        return Err(HookError::Hook(
            "posts.status CHECK is not the one schema 1 created".into(),
        ));
    }
    let widened = sql.replacen(STATUS_LIST_BEFORE, STATUS_LIST_AFTER, 1);
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.execute_batch("PRAGMA writable_schema = ON")?;
    tx.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'posts'",
        [&widened],
    )?;
    tx.execute_batch(&format!(
        "PRAGMA schema_version = {}; PRAGMA writable_schema = OFF;",
        version + 1
    ))?;
    let check: String = tx.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(HookError::Hook(format!(
            "after widening posts.status: {check}"
        )));
    }
    Ok(())
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().expect("migrations validate");
        assert_eq!(SUPPORTED_SCHEMA as usize, MIGRATION_FILES.len());
        assert!(MIGRATION_FILES[0].0.starts_with("0001_"));
    }
}
