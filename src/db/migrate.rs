//! Numbered SQL files from `migrations/`, embedded at compile time by `build.rs`,
//! applied in order (each in its own transaction) and tracked in `PRAGMA user_version`.
use crate::error::Result;
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// The newest schema this binary knows.
pub const SUPPORTED_SCHEMA: i64 = MIGRATION_FILES.len() as i64;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_FILES.iter().map(|(_, sql)| M::up(sql)).collect())
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
