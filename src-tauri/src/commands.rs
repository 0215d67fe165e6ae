//! Tauri commands: each takes its arguments, calls one core function, returns its result.
//! Errors reach the UI as `{ code, message, field? }`.
use crate::AppState;
use cadence::model::{AppInfo, Plan, PlanOverview, PlannedInput, PostInput, PostView, RangeView};
use cadence::Error;
use chrono::NaiveDate;
use tauri::State;

type Result<T> = std::result::Result<T, Error>;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    state.cadence()?.app_info(chrono::Local::now().date_naive())
}

#[tauri::command(async)]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<Plan>> {
    state.cadence()?.plans()
}

#[tauri::command(async)]
pub fn plan_overview(state: State<'_, AppState>, plan_id: String) -> Result<PlanOverview> {
    state.cadence()?.plan_overview(&plan_id)
}

#[tauri::command(async)]
pub fn range_view(
    state: State<'_, AppState>,
    plan_id: String,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<RangeView> {
    state.cadence()?.range(&plan_id, from, to)
}

#[tauri::command(async)]
pub fn create_post(state: State<'_, AppState>, input: PostInput) -> Result<PostView> {
    state.cadence()?.create_post(&input)
}

#[tauri::command(async)]
pub fn update_post(state: State<'_, AppState>, id: String, input: PostInput) -> Result<PostView> {
    state.cadence()?.update_post(&id, &input)
}

#[tauri::command(async)]
pub fn reschedule_post(
    state: State<'_, AppState>,
    id: String,
    planned: Option<PlannedInput>,
) -> Result<PostView> {
    state.cadence()?.reschedule_post(&id, planned)
}

#[tauri::command(async)]
pub fn delete_post(state: State<'_, AppState>, id: String) -> Result<PostView> {
    state.cadence()?.delete_post(&id)
}

#[tauri::command(async)]
pub fn restore_post(state: State<'_, AppState>, id: String) -> Result<PostView> {
    state.cadence()?.restore_post(&id)
}

#[tauri::command(async)]
pub fn check_plan(state: State<'_, AppState>, plan_id: String) -> Result<Vec<PostView>> {
    state.cadence()?.check(&plan_id)
}
