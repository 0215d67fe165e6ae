//! Cadence desktop shell: opens the core's database and exposes it to the window as commands.
mod commands;
mod state;
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
    let result = register(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
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
