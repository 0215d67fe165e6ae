//! Commands of the « Données » screens: calendar and CSV exports, feeds and their server,
//! backups and restore, the trash, CSV and ICS imports. Each calls the core and returns its
//! result; errors reach the UI as `{ code, message, field? }`.
//!
//! Files are chosen by the window with the native dialogs and arrive here as paths. A command
//! given no path uses `$CADENCE_TEST_SAVE_PATH` (files written) or `$CADENCE_TEST_OPEN_PATH`
//! (files read): the seam the end-to-end tests use, since WebDriver cannot drive a GTK dialog.
use crate::AppState;
use cadence::feed::{self, FeedServer, ServeOptions, DEFAULT_PORT};
use cadence::ics::ExportSummary;
use cadence::model::{ExportFilter, Feed, FeedInput, FeedUrls, Plan, Post};
use cadence::service::{
    BackupFile, CsvImportOptions, CsvPreview, IcsImport, Purged, Restored, Rotation,
    DEFAULT_BACKUPS_KEPT, TRASH_DAYS,
};
use cadence::{Cadence, Error};
use serde::Serialize;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use tauri::State;

type Result<T> = std::result::Result<T, Error>;

const SAVE_SEAM: &str = "CADENCE_TEST_SAVE_PATH";
const OPEN_SEAM: &str = "CADENCE_TEST_OPEN_PATH";
/// The setting that remembers the feed server's port, so subscribed URLs keep working.
const FEED_PORT_SETTING: &str = "feed.port";
/// Import files are read up to this size (the core refuses anything larger with its own code).
const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

fn chosen(path: Option<String>, seam: &str) -> Result<PathBuf> {
    path.filter(|p| !p.trim().is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os(seam)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .ok_or_else(|| Error::Invalid {
            field: "path",
            reason: "no file was chosen".into(),
        })
}

fn read_import(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What the data screens need to know once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataInfo {
    pub backup_dir: PathBuf,
    pub backups_kept: usize,
    pub trash_days: i64,
    /// The end-to-end seam is set: the window skips the native dialogs and sends no path.
    pub dialog_seam: bool,
}

#[tauri::command(async)]
pub fn data_info(state: State<'_, AppState>) -> Result<DataInfo> {
    Ok(DataInfo {
        backup_dir: state.cadence()?.backup_dir(),
        backups_kept: DEFAULT_BACKUPS_KEPT,
        trash_days: TRASH_DAYS,
        dialog_seam: std::env::var_os(SAVE_SEAM).is_some() || std::env::var_os(OPEN_SEAM).is_some(),
    })
}

// ── Exports ──────────────────────────────────────────────────────────────────────────────

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported<T: Serialize> {
    pub path: PathBuf,
    pub summary: T,
}

#[tauri::command(async)]
pub fn export_ics_file(
    state: State<'_, AppState>,
    filter: ExportFilter,
    path: Option<String>,
) -> Result<Exported<ExportSummary>> {
    let path = chosen(path, SAVE_SEAM)?;
    let summary = state.cadence()?.export_ics_file(&filter, &path)?;
    Ok(Exported { path, summary })
}

#[tauri::command(async)]
pub fn export_csv_file(
    state: State<'_, AppState>,
    filter: ExportFilter,
    path: Option<String>,
) -> Result<Exported<usize>> {
    let path = chosen(path, SAVE_SEAM)?;
    let summary = state.cadence()?.export_csv_file(&filter, &path)?;
    Ok(Exported { path, summary })
}

// ── Feeds ────────────────────────────────────────────────────────────────────────────────

/// A feed with the addresses it has on the server (running, or as it will run).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedRow {
    pub feed: Feed,
    pub urls: FeedUrls,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedServerStatus {
    pub running: bool,
    pub host: String,
    pub port: u16,
    pub lan: bool,
}

fn configured_port(cadence: &Cadence) -> Result<u16> {
    Ok(cadence
        .setting(FEED_PORT_SETTING)?
        .and_then(|p| p.parse().ok())
        .unwrap_or(DEFAULT_PORT))
}

/// The name other computers of the network reach this one by (`<hostname>.local`).
fn lan_host() -> String {
    let name = std::fs::read_to_string("/etc/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|n| n.trim().to_owned())
        .unwrap_or_default();
    match name.as_str() {
        "" => "localhost".into(),
        n if n.contains('.') => n.into(),
        n => format!("{n}.local"),
    }
}

fn status_of(server: Option<&FeedServer>, cadence: &Cadence) -> Result<FeedServerStatus> {
    Ok(match server {
        Some(s) => {
            let lan = !s.addr().ip().is_loopback();
            FeedServerStatus {
                running: true,
                host: if lan {
                    lan_host()
                } else {
                    s.addr().ip().to_string()
                },
                port: s.addr().port(),
                lan,
            }
        }
        None => FeedServerStatus {
            running: false,
            host: Ipv4Addr::LOCALHOST.to_string(),
            port: configured_port(cadence)?,
            lan: false,
        },
    })
}

fn row(feed: Feed, status: &FeedServerStatus) -> FeedRow {
    FeedRow {
        urls: feed.urls(&status.host, status.port),
        feed,
    }
}

#[tauri::command(async)]
pub fn feed_server_status(state: State<'_, AppState>) -> Result<FeedServerStatus> {
    let cadence = state.cadence()?;
    status_of(state.feed_server().as_ref(), &cadence)
}

/// Starts (or restarts) the feed server on 127.0.0.1, or on every interface when `lan` is
/// true, at `port`, else the remembered port, else 8719; a remembered or default port that is
/// taken gives way to a free one, which is then remembered.
#[tauri::command(async)]
pub fn start_feed_server(
    state: State<'_, AppState>,
    port: Option<u16>,
    lan: bool,
) -> Result<FeedServerStatus> {
    let cadence = state.cadence()?;
    let mut slot = state.feed_server();
    if let Some(old) = slot.take() {
        old.stop()?;
    }
    let options = ServeOptions {
        bind: if lan {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        },
        port: port.unwrap_or(configured_port(&cadence)?),
        allow_lan: lan,
        ..ServeOptions::default()
    };
    let server = match feed::serve(&cadence, &options) {
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::AddrInUse && port.is_none() => {
            feed::serve(&cadence, &ServeOptions { port: 0, ..options })?
        }
        other => other?,
    };
    cadence.set_setting(FEED_PORT_SETTING, &server.addr().port().to_string())?;
    *slot = Some(server);
    status_of(slot.as_ref(), &cadence)
}

/// Stops the feed server and frees its port (requests in flight finish first).
#[tauri::command(async)]
pub fn stop_feed_server(state: State<'_, AppState>) -> Result<FeedServerStatus> {
    let cadence = state.cadence()?;
    let mut slot = state.feed_server();
    if let Some(server) = slot.take() {
        server.stop()?;
    }
    status_of(None, &cadence)
}

#[tauri::command(async)]
pub fn list_feeds(state: State<'_, AppState>, plan_id: String) -> Result<Vec<FeedRow>> {
    let cadence = state.cadence()?;
    let status = status_of(state.feed_server().as_ref(), &cadence)?;
    Ok(cadence
        .list_feeds(&plan_id)?
        .into_iter()
        .map(|f| row(f, &status))
        .collect())
}

fn feed_command(state: &AppState, f: impl FnOnce(&Cadence) -> Result<Feed>) -> Result<FeedRow> {
    let cadence = state.cadence()?;
    let feed = f(&cadence)?;
    Ok(row(
        feed,
        &status_of(state.feed_server().as_ref(), &cadence)?,
    ))
}

#[tauri::command(async)]
pub fn create_feed(state: State<'_, AppState>, input: FeedInput) -> Result<FeedRow> {
    feed_command(&state, |c| c.create_feed(&input))
}

#[tauri::command(async)]
pub fn revoke_feed(state: State<'_, AppState>, id: String) -> Result<FeedRow> {
    feed_command(&state, |c| c.revoke_feed(&id))
}

#[tauri::command(async)]
pub fn regenerate_feed_token(state: State<'_, AppState>, id: String) -> Result<FeedRow> {
    feed_command(&state, |c| c.regenerate_feed_token(&id))
}

// ── Backups ──────────────────────────────────────────────────────────────────────────────

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>, path: Option<String>) -> Result<BackupFile> {
    let path = chosen(path, SAVE_SEAM)?;
    state.cadence()?.backup_to(&path)
}

/// The automatic backups, newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>> {
    let cadence = state.cadence()?;
    cadence.backups(&cadence.backup_dir())
}

/// Replaces the database with a backup (checked first; the current content is saved in the
/// backups folder, whose file is returned), then opens it again with a new pool.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: Option<String>) -> Result<BackupFile> {
    let path = chosen(path, OPEN_SEAM)?;
    let safety = state.cadence()?.restore_from(&path)?;
    state.reopen()?;
    Ok(safety)
}

/// The daily backup (rotation keeps the newest 14) and the trash purge: run at start-up and
/// then by the maintenance thread.
pub fn daily_maintenance(state: &AppState) -> Result<(Rotation, Purged)> {
    let cadence = state.cadence()?;
    let rotation = cadence.rotate_backups(&cadence.backup_dir(), DEFAULT_BACKUPS_KEPT)?;
    let purged = cadence.purge_trash(chrono::Utc::now())?;
    Ok((rotation, purged))
}

// ── Trash ────────────────────────────────────────────────────────────────────────────────

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrashItems {
    pub posts: Vec<Post>,
    pub events: Vec<cadence::model::Event>,
    pub plans: Vec<Plan>,
}

#[tauri::command(async)]
pub fn trash_items(state: State<'_, AppState>, plan_id: String) -> Result<TrashItems> {
    let cadence = state.cadence()?;
    let trash = cadence.trash_of_plan(&plan_id)?;
    Ok(TrashItems {
        posts: trash.posts,
        events: trash.events,
        plans: cadence.trashed_plans()?,
    })
}

#[tauri::command(async)]
pub fn restore_item(state: State<'_, AppState>, id: String) -> Result<Restored> {
    state.cadence()?.restore_item(&id)
}

/// Removes for good the plan's posts and events in the trash for more than 30 days, or all of
/// them with `everything` (the window asks first).
#[tauri::command(async)]
pub fn empty_trash(
    state: State<'_, AppState>,
    plan_id: String,
    everything: bool,
) -> Result<Purged> {
    let now = chrono::Utc::now();
    let before = if everything {
        now
    } else {
        now - chrono::Duration::days(TRASH_DAYS)
    };
    state.cadence()?.empty_trash(&plan_id, before)
}

// ── Imports ──────────────────────────────────────────────────────────────────────────────

/// `createOnly`: the unknown channels and objectives to create (`null`: none).
#[tauri::command(async)]
pub fn preview_csv_import(
    state: State<'_, AppState>,
    plan_id: String,
    path: Option<String>,
    create_only: Option<Vec<String>>,
) -> Result<CsvPreview> {
    let bytes = read_import(&chosen(path, OPEN_SEAM)?)?;
    state
        .cadence()?
        .preview_csv(&plan_id, &bytes, csv_options(create_only))
}

#[tauri::command(async)]
pub fn import_csv(
    state: State<'_, AppState>,
    plan_id: String,
    path: Option<String>,
    create_only: Option<Vec<String>>,
) -> Result<CsvPreview> {
    let bytes = read_import(&chosen(path, OPEN_SEAM)?)?;
    state
        .cadence()?
        .import_csv(&plan_id, &bytes, csv_options(create_only))
}

fn csv_options(create_only: Option<Vec<String>>) -> CsvImportOptions {
    CsvImportOptions {
        create_missing: create_only.as_ref().is_some_and(|o| !o.is_empty()),
        create_only,
    }
}

#[tauri::command(async)]
pub fn import_ics(
    state: State<'_, AppState>,
    plan_id: String,
    path: Option<String>,
) -> Result<IcsImport> {
    let bytes = read_import(&chosen(path, OPEN_SEAM)?)?;
    state.cadence()?.import_ics(&plan_id, &bytes)
}
