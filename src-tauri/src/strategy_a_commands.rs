//! Commands of campaigns, recurring slots and holidays: each calls one core function.
use crate::AppState;
use cadence::model::{
    CalendarOverlay, CampaignPreview, CampaignRequest, CampaignTemplate, EventMove, EventMoveInput,
    HolidayRegion, OpenSlot, PostView, Slot, SlotInput, TemplateInput,
};
use cadence::Error;
use chrono::{DateTime, NaiveDate, Utc};
use tauri::State;

type Result<T> = std::result::Result<T, Error>;

#[tauri::command(async)]
pub fn list_templates(
    state: State<'_, AppState>,
    plan_id: String,
) -> Result<Vec<CampaignTemplate>> {
    state.cadence()?.templates_for_plan(&plan_id)
}

#[tauri::command(async)]
pub fn create_template(
    state: State<'_, AppState>,
    input: TemplateInput,
) -> Result<CampaignTemplate> {
    state.cadence()?.create_template(&input)
}

#[tauri::command(async)]
pub fn update_template(
    state: State<'_, AppState>,
    id: String,
    input: TemplateInput,
) -> Result<CampaignTemplate> {
    state.cadence()?.update_template(&id, &input)
}

#[tauri::command(async)]
pub fn delete_template(state: State<'_, AppState>, id: String) -> Result<CampaignTemplate> {
    state.cadence()?.delete_template(&id)
}

#[tauri::command(async)]
pub fn preview_campaign(
    state: State<'_, AppState>,
    request: CampaignRequest,
) -> Result<CampaignPreview> {
    state.cadence()?.preview_campaign(&request)
}

#[tauri::command(async)]
pub fn apply_campaign(
    state: State<'_, AppState>,
    request: CampaignRequest,
) -> Result<CampaignPreview> {
    state.cadence()?.apply_campaign(&request)
}

#[tauri::command(async)]
pub fn event_posts(state: State<'_, AppState>, event_id: String) -> Result<Vec<PostView>> {
    state.cadence()?.event_posts(&event_id)
}

#[tauri::command(async)]
pub fn move_event(state: State<'_, AppState>, input: EventMoveInput) -> Result<EventMove> {
    state.cadence()?.move_event(&input)
}

#[tauri::command(async)]
pub fn calendar_overlay(
    state: State<'_, AppState>,
    plan_id: String,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<CalendarOverlay> {
    state.cadence()?.calendar_overlay(&plan_id, from, to)
}

#[tauri::command(async)]
pub fn set_holiday_region(
    state: State<'_, AppState>,
    plan_id: String,
    region: HolidayRegion,
) -> Result<HolidayRegion> {
    state.cadence()?.set_holiday_region(&plan_id, region)
}

#[tauri::command(async)]
pub fn list_slots(state: State<'_, AppState>, plan_id: String) -> Result<Vec<Slot>> {
    state.cadence()?.slots(&plan_id)
}

#[tauri::command(async)]
pub fn create_slot(state: State<'_, AppState>, input: SlotInput) -> Result<Slot> {
    state.cadence()?.create_slot(&input)
}

#[tauri::command(async)]
pub fn delete_slot(state: State<'_, AppState>, id: String) -> Result<Slot> {
    state.cadence()?.delete_slot(&id)
}

#[tauri::command(async)]
pub fn next_free_slot(
    state: State<'_, AppState>,
    channel_id: String,
    after: DateTime<Utc>,
) -> Result<Option<OpenSlot>> {
    state.cadence()?.next_free_slot(&channel_id, after)
}

#[tauri::command(async)]
pub fn fill_slot(
    state: State<'_, AppState>,
    slot_id: String,
    date: NaiveDate,
    title: String,
) -> Result<PostView> {
    state.cadence()?.fill_slot(&slot_id, date, &title)
}
