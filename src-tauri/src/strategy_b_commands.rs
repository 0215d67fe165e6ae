//! Tauri commands of the dashboard, results, ambassadors and the crisis switch: each calls one
//! core function. Errors reach the UI as `{ code, message, field? }`.
use crate::AppState;
use cadence::model::{
    Ambassador, AmbassadorInput, CrisisLogEntry, CrisisPlan, CrisisState, Dashboard, PostView,
    Relay, Results,
};
use cadence::Error;
use tauri::State;

type Result<T> = std::result::Result<T, Error>;

/// The balance of a month (`2026-12`) or an ISO week (`2026-W49`).
#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, plan_id: String, period: String) -> Result<Dashboard> {
    state.cadence()?.dashboard(&plan_id, &period)
}

/// Writes the dashboard as CSV to `path` (chosen in the native save dialog) and returns the
/// path written. With no path, the one of `CADENCE_TEST_SAVE_PATH` (end-to-end tests drive no
/// native dialog); with neither, a coded error and nothing written.
#[tauri::command(async)]
pub fn export_dashboard_csv(
    state: State<'_, AppState>,
    plan_id: String,
    period: String,
    path: Option<String>,
) -> Result<String> {
    let path = match path.or_else(|| std::env::var("CADENCE_TEST_SAVE_PATH").ok()) {
        Some(p) if !p.trim().is_empty() => p,
        _ => {
            return Err(Error::Invalid {
                field: "path",
                reason: "no file chosen".into(),
            })
        }
    };
    let csv = state.cadence()?.dashboard_csv(&plan_id, &period)?;
    std::fs::write(&path, csv)?;
    Ok(path)
}

#[tauri::command(async)]
pub fn set_post_results(
    state: State<'_, AppState>,
    post_id: String,
    results: Results,
) -> Result<PostView> {
    state.cadence()?.set_post_results(&post_id, &results)
}

#[tauri::command(async)]
pub fn list_ambassadors(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Ambassador>> {
    state.cadence()?.ambassadors(&plan_id)
}

#[tauri::command(async)]
pub fn create_ambassador(state: State<'_, AppState>, input: AmbassadorInput) -> Result<Ambassador> {
    state.cadence()?.create_ambassador(&input)
}

#[tauri::command(async)]
pub fn delete_ambassador(state: State<'_, AppState>, id: String) -> Result<Ambassador> {
    state.cadence()?.delete_ambassador(&id)
}

#[tauri::command(async)]
pub fn list_relays(state: State<'_, AppState>, post_id: String) -> Result<Vec<Relay>> {
    state.cadence()?.relays(&post_id)
}

#[tauri::command(async)]
pub fn set_relay_asked(
    state: State<'_, AppState>,
    post_id: String,
    ambassador_id: String,
    asked: bool,
) -> Result<Vec<Relay>> {
    state
        .cadence()?
        .set_relay_asked(&post_id, &ambassador_id, asked)
}

#[tauri::command(async)]
pub fn set_relay_done(
    state: State<'_, AppState>,
    post_id: String,
    ambassador_id: String,
    done: bool,
) -> Result<Vec<Relay>> {
    state
        .cadence()?
        .set_relay_done(&post_id, &ambassador_id, done)
}

#[tauri::command(async)]
pub fn crisis_plan(state: State<'_, AppState>, plan_id: String) -> Result<CrisisPlan> {
    state.cadence()?.crisis_plan(&plan_id)
}

#[tauri::command(async)]
pub fn save_crisis_plan(
    state: State<'_, AppState>,
    plan_id: String,
    crisis: CrisisPlan,
) -> Result<CrisisPlan> {
    state.cadence()?.save_crisis_plan(&plan_id, &crisis)
}

#[tauri::command(async)]
pub fn crisis_state(state: State<'_, AppState>, plan_id: String) -> Result<CrisisState> {
    state.cadence()?.crisis_state(&plan_id)
}

#[tauri::command(async)]
pub fn crisis_log(state: State<'_, AppState>, plan_id: String) -> Result<Vec<CrisisLogEntry>> {
    state.cadence()?.crisis_log(&plan_id)
}

/// "Hold everything".
#[tauri::command(async)]
pub fn hold_scheduled_posts(
    state: State<'_, AppState>,
    plan_id: String,
    reason: String,
) -> Result<CrisisLogEntry> {
    state.cadence()?.hold_scheduled_posts(&plan_id, &reason)
}

/// "Resume".
#[tauri::command(async)]
pub fn resume_held_posts(
    state: State<'_, AppState>,
    plan_id: String,
    reason: String,
) -> Result<CrisisLogEntry> {
    state.cadence()?.resume_held_posts(&plan_id, &reason)
}
