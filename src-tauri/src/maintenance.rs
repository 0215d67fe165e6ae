//! The daily chores, off the window's thread: an automatic backup (one a day, the newest 14
//! kept, in `backups/` beside the database) and the trash purge, shortly after start-up (once
//! the first week is drawn: the backup reads the whole file and would slow it down) and then
//! every hour that finds a new day. `CADENCE_NO_MAINTENANCE=1` turns them off (benchmarks);
//! `CADENCE_MAINTENANCE_DELAY_MS` changes the start-up delay.
use crate::data_commands::daily_maintenance;
use crate::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How often the thread wakes to see whether today's backup is taken.
const WAKE_EVERY: Duration = Duration::from_secs(60 * 60);
/// How long after start-up the first run waits.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(20);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    if std::env::var_os("CADENCE_NO_MAINTENANCE").is_some_and(|v| v == "1") {
        return;
    }
    let delay = std::env::var("CADENCE_MAINTENANCE_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(FIRST_RUN_AFTER, Duration::from_millis);
    let spawned = std::thread::Builder::new()
        .name("cadence-maintenance".into())
        .spawn(move || loop {
            std::thread::sleep(delay);
            let state = app.state::<AppState>();
            match daily_maintenance(&state) {
                Ok((rotation, purged)) => {
                    if let Some(b) = rotation.created {
                        eprintln!("cadence: automatic backup {}", b.path.display());
                    }
                    if purged.posts + purged.events + purged.plans > 0 {
                        eprintln!("cadence: trash purged: {purged:?}");
                    }
                }
                Err(e) => eprintln!("cadence: daily backup or purge failed: {e}"),
            }
            std::thread::sleep(WAKE_EVERY.saturating_sub(delay));
        });
    if let Err(e) = spawned {
        eprintln!("cadence: no maintenance thread: {e}");
    }
}
