//! Backups of the whole database: on demand, automatic with rotation, and restore.
use super::Cadence;
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Automatic backups are named `cadence-YYYYMMDD-HHMMSS.db` (UTC), so name order is time order.
const AUTO_PREFIX: &str = "cadence-";
const SAFETY_PREFIX: &str = "before-restore-";
const STAMP: &str = "%Y%m%d-%H%M%S";
/// How many automatic backups the app keeps unless told otherwise.
pub const DEFAULT_BACKUPS_KEPT: usize = 14;

/// A backup file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: PathBuf,
    pub bytes: u64,
    /// When it was taken (from its name for automatic backups).
    pub taken_at: DateTime<Utc>,
}

/// What `rotate_backups` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rotation {
    /// The backup taken now, or `None` when one was already taken today.
    pub created: Option<BackupFile>,
    /// Older automatic backups removed to keep the newest `keep`.
    pub removed: Vec<PathBuf>,
}

impl Cadence {
    /// The folder of automatic backups and safety copies: `backups/` beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        self.db
            .path()
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join("backups")
    }

    /// Writes a consistent copy of the database to `dest`, even while others write to it.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupFile> {
        let taken_at = self.now();
        let bytes = self.db.backup_to(dest)?;
        Ok(BackupFile {
            path: dest.to_path_buf(),
            bytes,
            taken_at,
        })
    }

    /// Replaces everything with the backup `src` (checked first: a Cadence database of a known
    /// schema, intact). The current content is first saved in `backup_dir()`; returns that copy.
    pub fn restore_from(&self, src: &Path) -> Result<BackupFile> {
        let now = self.now();
        let safety = self
            .backup_dir()
            .join(format!("{SAFETY_PREFIX}{}.db", now.format(STAMP)));
        let safety = unique(safety);
        self.db.restore_from(src, &safety)?;
        Ok(BackupFile {
            bytes: std::fs::metadata(&safety)?.len(),
            path: safety,
            taken_at: now,
        })
    }

    /// The daily automatic backup: takes one in `dir` unless one was already taken today (UTC),
    /// then keeps only the newest `keep` automatic backups. Other files in `dir` are left alone.
    pub fn rotate_backups(&self, dir: &Path, keep: usize) -> Result<Rotation> {
        if keep == 0 {
            return Err(Error::invalid("keep", "keep at least one backup"));
        }
        let now = self.now();
        let today = format!("{AUTO_PREFIX}{}", now.format("%Y%m%d-"));
        let existing = auto_backups(dir)?;
        let created = if existing
            .iter()
            .any(|b| file_name(&b.path).starts_with(&today))
        {
            None
        } else {
            let dest = dir.join(format!("{AUTO_PREFIX}{}.db", now.format(STAMP)));
            Some(self.backup_to(&dest)?)
        };
        let mut removed = Vec::new();
        for old in auto_backups(dir)?.into_iter().skip(keep) {
            std::fs::remove_file(&old.path)?;
            removed.push(old.path);
        }
        Ok(Rotation { created, removed })
    }

    /// The automatic backups in `dir`, newest first.
    pub fn backups(&self, dir: &Path) -> Result<Vec<BackupFile>> {
        auto_backups(dir)
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// When an automatic backup named `name` was taken, if `name` is one.
fn auto_stamp(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(AUTO_PREFIX)?.strip_suffix(".db")?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

fn auto_backups(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(taken_at) = auto_stamp(&name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if meta.is_file() {
            found.push(BackupFile {
                path: entry.path(),
                bytes: meta.len(),
                taken_at,
            });
        }
    }
    found.sort_by(|a, b| b.path.cmp(&a.path));
    Ok(found)
}

/// `path`, or `path` with `-2`, `-3`… before its extension when it exists.
fn unique(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.db")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}
