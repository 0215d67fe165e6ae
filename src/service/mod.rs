//! What the app and the CLI can do: every operation validates its input, runs in one
//! transaction and returns the stored result (with warnings for posts).
mod ambassadors;
mod backup;
mod campaigns;
mod channels;
mod crisis;
mod csv_import;
mod dashboard;
mod dashboard_csv;
mod events;
mod export;
mod feeds;
mod holidays;
mod ics_import;
mod objectives;
mod plans;
mod posts;
mod slots;
mod trash;
mod validate;

use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, Utc};
use std::path::Path;

pub use backup::{BackupFile, Rotation, DEFAULT_BACKUPS_KEPT};
pub use crisis::MAX_CRISIS_ITEMS;
pub use csv_import::{CsvImportOptions, CsvPreview, RowProblem};
pub use dashboard::{period_days, HISTORY_WEEKS};
pub use dashboard_csv::dashboard_to_csv;
pub use export::MAX_RETENTION_DAYS;
pub use feeds::{new_token, TOKEN_BYTES};
pub use ics_import::IcsImport;
pub use posts::input_of;
pub use slots::{NEXT_SLOT_HORIZON_DAYS, SLOT_TOLERANCE_MINUTES};
pub use trash::{Purged, Restored, Trash, TRASH_DAYS};
pub use validate::limits;

/// The Cadence core on one database.
#[derive(Clone, Debug)]
pub struct Cadence {
    db: Db,
    clock: fn() -> DateTime<Utc>,
}

impl Cadence {
    pub fn open(path: impl AsRef<Path>) -> Result<Cadence> {
        Ok(Cadence::new(Db::open(path)?))
    }

    pub fn new(db: Db) -> Cadence {
        Cadence { db, clock: now }
    }

    /// The same core reading the time from `clock` (tests pin "now" with it).
    pub fn with_clock(self, clock: fn() -> DateTime<Utc>) -> Cadence {
        Cadence { clock, ..self }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Version, database path, the plan to open first, and today.
    pub fn app_info(&self, today: chrono::NaiveDate) -> Result<crate::model::AppInfo> {
        let plans = self.plans()?;
        let default_plan_id = plans
            .iter()
            .find(|p| p.name == crate::demo::SAMPLE_PLAN_NAME)
            .or(plans.first())
            .map(|p| p.id.clone());
        Ok(crate::model::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: self.db.path().display().to_string(),
            default_plan_id,
            today,
            system_locale: sys_locale::get_locale(),
        })
    }

    /// Reads a small fact stored with the database.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.db.read(|c| {
            Ok(
                c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?,
            )
        })
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.db.with_tx(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }
}

fn now() -> DateTime<Utc> {
    // Millisecond precision, as stored.
    let t = Utc::now();
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
