//! Cadence desktop shell: opens the core's database and exposes it to the window as commands.
mod commands;
mod startup;
mod state;

pub use state::AppState;

use tauri::{Manager, Runtime};

/// Registers every command on `builder`; generic over the runtime so tests can use Tauri's mock
/// runtime.
pub fn register<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::ui_ready,
        commands::list_plans,
        commands::plan_overview,
        commands::range_view,
        commands::create_post,
        commands::update_post,
        commands::reschedule_post,
        commands::delete_post,
        commands::restore_post,
        commands::check_plan,
        commands::trash,
        commands::create_plan,
        commands::update_plan,
        commands::delete_plan,
        commands::restore_plan,
        commands::list_objectives,
        commands::create_objective,
        commands::update_objective,
        commands::delete_objective,
        commands::list_channels,
        commands::create_channel,
        commands::update_channel,
        commands::delete_channel,
        commands::list_events,
        commands::create_event,
        commands::update_event,
        commands::delete_event,
        commands::restore_event,
    ])
}

pub fn run() {
    startup::begin();
    #[cfg(target_os = "linux")]
    software_rendering();
    let result = register(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .on_page_load(|_, payload| {
            startup::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started",
                tauri::webview::PageLoadEvent::Finished => "page-load-finished",
            })
        })
        .setup(|app| {
            startup::mark("setup");
            let data_dir = app.path().app_data_dir()?;
            app.manage(AppState::open_default(&data_dir));
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("cadence: the window could not start: {e}");
        std::process::exit(1);
    }
}

/// WebKitGTK draws without accelerated compositing unless told otherwise
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0`). A calendar needs no GPU layers, and compositing costs
/// about 100 MB more (a GL context with its buffers, Mesa's software renderer when there is no
/// GPU) and presents frames later. Must run before GTK starts, while the process has one thread.
#[cfg(target_os = "linux")]
fn software_rendering() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
