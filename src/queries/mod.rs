//! SQL, one module per table. Functions take a connection (or a transaction, which derefs
//! to one) and know nothing of rules: validation lives in `service`.
pub mod ambassadors;
pub mod channels;
pub mod crisis;
pub mod dashboard;
pub mod events;
pub mod feeds;
pub mod objectives;
pub mod plans;
pub mod post_export;
pub mod posts;
pub mod slots;
pub mod templates;

use crate::model::RowMeta;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Type;
use rusqlite::Row;

/// Instants are stored as fixed-width RFC 3339 UTC text, so text order is time order.
pub(crate) fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn conversion(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e))
}

pub(crate) fn get_instant(row: &Row, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conversion(idx, e))
}

pub(crate) fn get_opt_instant(row: &Row, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => get_instant(row, idx).map(Some),
    }
}

pub(crate) fn get_opt_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|e| conversion(idx, e)),
    }
}

pub(crate) fn get_enum<T>(
    row: &Row,
    idx: usize,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            format!("unknown value {s}").into(),
        )
    })
}

/// Reads `created_at, updated_at, revision, deleted_at` starting at column `idx`.
pub(crate) fn get_meta(row: &Row, idx: usize) -> rusqlite::Result<RowMeta> {
    Ok(RowMeta {
        created_at: get_instant(row, idx)?,
        updated_at: get_instant(row, idx + 1)?,
        revision: row.get(idx + 2)?,
        deleted_at: get_opt_instant(row, idx + 3)?,
    })
}

pub(crate) const META_COLUMNS: &str = "created_at, updated_at, revision, deleted_at";
