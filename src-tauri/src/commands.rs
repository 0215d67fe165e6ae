//! Tauri commands: each takes its arguments, calls one core function, returns its result.
//! Errors reach the UI as `{ code, message, field? }`.
use crate::AppState;
use cadence::model::{
    AppInfo, Channel, ChannelInput, Event, EventInput, Objective, ObjectiveInput, Plan, PlanInput,
    PlanOverview, PlannedInput, Post, PostInput, PostView, RangeView,
};
use cadence::Error;
use chrono::NaiveDate;
use tauri::State;

type Result<T> = std::result::Result<T, Error>;

/// The window drew its first view with data: noted in `$CADENCE_READY_FILE` when set, with the
/// page's start-up steps (`[name, wall-clock ms]`), for `scripts/bench-app.sh`.
#[tauri::command(async)]
pub fn ui_ready(steps: Option<Vec<(String, f64)>>) {
    crate::startup::report_ready(&steps.unwrap_or_default());
}

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

#[tauri::command(async)]
pub fn trash(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Post>> {
    state.cadence()?.trash(&plan_id)
}

// Plans.

#[tauri::command(async)]
pub fn create_plan(state: State<'_, AppState>, input: PlanInput) -> Result<Plan> {
    state.cadence()?.create_plan(&input)
}

#[tauri::command(async)]
pub fn update_plan(state: State<'_, AppState>, id: String, input: PlanInput) -> Result<Plan> {
    state.cadence()?.update_plan(&id, &input)
}

#[tauri::command(async)]
pub fn delete_plan(state: State<'_, AppState>, id: String) -> Result<Plan> {
    state.cadence()?.delete_plan(&id)
}

#[tauri::command(async)]
pub fn restore_plan(state: State<'_, AppState>, id: String) -> Result<Plan> {
    state.cadence()?.restore_plan(&id)
}

// Objectives.

#[tauri::command(async)]
pub fn list_objectives(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Objective>> {
    state.cadence()?.objectives(&plan_id)
}

#[tauri::command(async)]
pub fn create_objective(state: State<'_, AppState>, input: ObjectiveInput) -> Result<Objective> {
    state.cadence()?.create_objective(&input)
}

#[tauri::command(async)]
pub fn update_objective(
    state: State<'_, AppState>,
    id: String,
    input: ObjectiveInput,
) -> Result<Objective> {
    state.cadence()?.update_objective(&id, &input)
}

#[tauri::command(async)]
pub fn delete_objective(state: State<'_, AppState>, id: String) -> Result<Objective> {
    state.cadence()?.delete_objective(&id)
}

// Channels.

#[tauri::command(async)]
pub fn list_channels(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Channel>> {
    state.cadence()?.channels(&plan_id)
}

#[tauri::command(async)]
pub fn create_channel(state: State<'_, AppState>, input: ChannelInput) -> Result<Channel> {
    state.cadence()?.create_channel(&input)
}

#[tauri::command(async)]
pub fn update_channel(
    state: State<'_, AppState>,
    id: String,
    input: ChannelInput,
) -> Result<Channel> {
    state.cadence()?.update_channel(&id, &input)
}

#[tauri::command(async)]
pub fn delete_channel(state: State<'_, AppState>, id: String) -> Result<Channel> {
    state.cadence()?.delete_channel(&id)
}

// Events.

#[tauri::command(async)]
pub fn list_events(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Event>> {
    state.cadence()?.events(&plan_id)
}

#[tauri::command(async)]
pub fn create_event(state: State<'_, AppState>, input: EventInput) -> Result<Event> {
    state.cadence()?.create_event(&input)
}

#[tauri::command(async)]
pub fn update_event(state: State<'_, AppState>, id: String, input: EventInput) -> Result<Event> {
    state.cadence()?.update_event(&id, &input)
}

#[tauri::command(async)]
pub fn delete_event(state: State<'_, AppState>, id: String) -> Result<Event> {
    state.cadence()?.delete_event(&id)
}

#[tauri::command(async)]
pub fn restore_event(state: State<'_, AppState>, id: String) -> Result<Event> {
    state.cadence()?.restore_event(&id)
}
