//! Cadence desktop shell: opens the core's database and exposes it to the window as commands.
mod commands;
pub mod data_commands;
mod maintenance;
mod startup;
mod state;
mod strategy_a_commands;
mod strategy_b_commands;

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
        data_commands::data_info,
        data_commands::export_ics_file,
        data_commands::export_csv_file,
        data_commands::feed_server_status,
        data_commands::start_feed_server,
        data_commands::stop_feed_server,
        data_commands::list_feeds,
        data_commands::create_feed,
        data_commands::revoke_feed,
        data_commands::regenerate_feed_token,
        data_commands::backup_now,
        data_commands::list_backups,
        data_commands::restore_backup,
        data_commands::trash_items,
        data_commands::restore_item,
        data_commands::empty_trash,
        data_commands::preview_csv_import,
        data_commands::import_csv,
        data_commands::import_ics,
        strategy_a_commands::list_templates,
        strategy_a_commands::create_template,
        strategy_a_commands::update_template,
        strategy_a_commands::delete_template,
        strategy_a_commands::preview_campaign,
        strategy_a_commands::apply_campaign,
        strategy_a_commands::event_posts,
        strategy_a_commands::move_event,
        strategy_a_commands::calendar_overlay,
        strategy_a_commands::set_holiday_region,
        strategy_a_commands::list_slots,
        strategy_a_commands::create_slot,
        strategy_a_commands::delete_slot,
        strategy_a_commands::next_free_slot,
        strategy_a_commands::fill_slot,
        strategy_b_commands::dashboard,
        strategy_b_commands::export_dashboard_csv,
        strategy_b_commands::set_post_results,
        strategy_b_commands::list_ambassadors,
        strategy_b_commands::create_ambassador,
        strategy_b_commands::delete_ambassador,
        strategy_b_commands::list_relays,
        strategy_b_commands::set_relay_asked,
        strategy_b_commands::set_relay_done,
        strategy_b_commands::crisis_plan,
        strategy_b_commands::save_crisis_plan,
        strategy_b_commands::crisis_state,
        strategy_b_commands::crisis_log,
        strategy_b_commands::hold_scheduled_posts,
        strategy_b_commands::resume_held_posts,
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
            maintenance::start(app.handle().clone());
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
