//! A blank Tauri 2 window whose page reports its first content, for comparing start-up time and
//! memory with Cadence under the same build settings (see `scripts/bench-app.sh`). It notes the
//! same shell steps as Cadence (src-tauri/src/startup.rs), so the bench can show both timelines.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// The shell's steps: name, ms since `main`.
type Steps = Mutex<Vec<(&'static str, f64)>>;

/// Wall-clock ms when `main` started, and the shell's steps since then.
static TRACE: OnceLock<(f64, Steps)> = OnceLock::new();

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

fn mark(step: &'static str) {
    if let Some((start, steps)) = TRACE.get() {
        if let Ok(mut steps) = steps.lock() {
            steps.push((step, epoch_ms() - start));
        }
    }
}

/// Writes "ready" and the steps (the page's are wall-clock ms) to `$CADENCE_READY_FILE` when the
/// page has shown its first content.
#[tauri::command]
fn ui_ready(steps: Option<Vec<(String, f64)>>) {
    let Some(path) = std::env::var_os("CADENCE_READY_FILE") else {
        return;
    };
    let mut out = String::from("ready\n");
    if let Some((start, shell)) = TRACE.get() {
        for (name, ms) in shell.lock().map(|s| s.clone()).unwrap_or_default() {
            out.push_str(&format!("{name} {ms:.0}\n"));
        }
        for (name, wall) in steps.unwrap_or_default() {
            let name: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-'))
                .collect();
            out.push_str(&format!("{name} {:.0}\n", wall - start));
        }
        out.push_str(&format!("ready {:.0}\n", epoch_ms() - start));
    }
    let path = std::path::PathBuf::from(path);
    let tmp = path.with_extension("part");
    if std::fs::write(&tmp, out).is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    }
}

fn main() {
    TRACE.get_or_init(|| (epoch_ms(), Mutex::new(Vec::new())));
    // The same WebKit setting as Cadence (src-tauri/src/lib.rs: no accelerated compositing).
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    if let Err(e) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .on_page_load(|_, payload| {
            mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started",
                tauri::webview::PageLoadEvent::Finished => "page-load-finished",
            })
        })
        .setup(|_| {
            mark("setup");
            Ok(())
        })
        .run(tauri::generate_context!())
    {
        eprintln!("blank-window: {e}");
        std::process::exit(1);
    }
}
