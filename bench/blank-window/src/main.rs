//! A blank Tauri 2 window whose page reports its first content, for comparing start-up time and
//! memory with Cadence under the same build settings (see `scripts/bench-app.sh`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Appends "ready" to `$CADENCE_READY_FILE` when the page has shown its first content.
#[tauri::command]
fn ui_ready() {
    if let Some(path) = std::env::var_os("CADENCE_READY_FILE") {
        let _ = std::fs::write(path, b"ready\n");
    }
}

fn main() {
    // The same WebKit setting as Cadence (src-tauri/src/lib.rs: no accelerated compositing).
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    if let Err(e) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
    {
        eprintln!("blank-window: {e}");
        std::process::exit(1);
    }
}
