//! The daily chores, off the window's thread: an automatic backup (one a day, the newest 14
//! kept, in `backups/` beside the database) and the trash purge, at start-up and then every
//! hour that finds a new day. `CADENCE_NO_MAINTENANCE=1` turns them off (benchmarks).
use crate::data_commands::daily_maintenance;
use crate::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How often the thread wakes to see whether today's backup is taken.
const WAKE_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    if std::env::var_os("CADENCE_NO_MAINTENANCE").is_some_and(|v| v == "1") {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("cadence-maintenance".into())
        .spawn(move || loop {
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
            std::thread::sleep(WAKE_EVERY);
        });
    if let Err(e) = spawned {
        eprintln!("cadence: no maintenance thread: {e}");
    }
}
