//! The core's one error type. Every error has a stable `code` the UI translates,
//! an English `message` for the CLI and logs, and the `field` it concerns when there is one.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("{field} is too long ({length} characters, at most {max})")]
    TooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("unknown time zone \"{zone}\"")]
    UnknownZone { field: &'static str, zone: String },
    #[error("{field}: {local} does not exist in {zone} (clocks jump forward)")]
    NonexistentLocalTime {
        field: &'static str,
        local: String,
        zone: String,
    },
    #[error("{field}: the end is before the start")]
    EndBeforeStart { field: &'static str },
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },
    #[error("no plan named \"{0}\"")]
    PlanNotFound(String),
    #[error("{field}: {entity} {id} belongs to another plan")]
    ForeignPlan {
        field: &'static str,
        entity: &'static str,
        id: String,
    },
    #[error("{field}: \"{value}\" is already used")]
    Duplicate { field: &'static str, value: String },
    #[error(
        "this database was written by a newer Cadence (schema {found}, this version knows up to {supported}); \
         it was left untouched — please update Cadence"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("not a Cadence database: {0}")]
    NotADatabase(String),
    #[error("row {row}, column \"{column}\": {reason}")]
    ImportRow {
        row: usize,
        column: String,
        reason: String,
    },
    #[error("the file is too large ({bytes} bytes, at most {max})")]
    FileTooLarge { bytes: u64, max: u64 },
    #[error("this file cannot be imported: {reason}")]
    UnsupportedFile { reason: String },
    #[error("the plan is already on hold since {since}: resume it first")]
    CrisisActive { since: String },
    #[error("nothing is on hold in this plan")]
    NoCrisis,
    #[error("{field}: only the crisis switch puts a post on hold")]
    HeldReserved { field: &'static str },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// The database could not be opened when the app started; every command answers this.
    #[error("{}", .0.message)]
    Unavailable(ErrorPayload),
}

/// What the UI receives when a command fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl Error {
    pub fn code(&self) -> &str {
        match self {
            Error::Empty { .. } => "empty",
            Error::TooLong { .. } => "too_long",
            Error::Invalid { .. } => "invalid",
            Error::UnknownZone { .. } => "unknown_zone",
            Error::NonexistentLocalTime { .. } => "nonexistent_local_time",
            Error::EndBeforeStart { .. } => "end_before_start",
            Error::NotFound { .. } => "not_found",
            Error::PlanNotFound(_) => "plan_not_found",
            Error::ForeignPlan { .. } => "foreign_plan",
            Error::Duplicate { .. } => "duplicate",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotADatabase(_) => "not_a_database",
            Error::ImportRow { .. } => "import_row",
            Error::FileTooLarge { .. } => "file_too_large",
            Error::UnsupportedFile { .. } => "unsupported_file",
            Error::CrisisActive { .. } => "crisis_active",
            Error::NoCrisis => "no_crisis",
            Error::HeldReserved { .. } => "held_reserved",
            Error::Database(e) if is_busy(e) => "busy",
            Error::Database(_) | Error::Migration(_) | Error::Pool(_) => "database",
            Error::Io(_) => "io",
            Error::Unavailable(p) => &p.code,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Empty { field }
            | Error::TooLong { field, .. }
            | Error::Invalid { field, .. }
            | Error::UnknownZone { field, .. }
            | Error::NonexistentLocalTime { field, .. }
            | Error::EndBeforeStart { field }
            | Error::ForeignPlan { field, .. }
            | Error::Duplicate { field, .. }
            | Error::HeldReserved { field } => Some(field),
            Error::Unavailable(p) => p.field.as_deref(),
            Error::ImportRow { column, .. } => Some(column),
            _ => None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
            field: self.field().map(str::to_owned),
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.payload().serialize(s)
    }
}
