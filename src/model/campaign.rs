//! Campaigns around one-off events: templates of dated steps, applied to an event to create its
//! linked draft posts, and moving an event with its posts.
use super::{Event, Platform, PostStatus, PostView};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One step of a campaign: "J-7, Instagram, teasing, draft".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateStep {
    /// Days from the event's first day: -14 is J-14, 0 is J, 1 is J+1.
    pub offset_days: i32,
    /// Wall-clock time in the plan's zone; `null`: some time that day (a date-only post).
    #[serde(default)]
    pub time: Option<NaiveTime>,
    /// The kind of channel the post goes to; `null`: every channel chosen for the campaign.
    #[serde(default)]
    pub platform: Option<Platform>,
    pub title: String,
    pub status: PostStatus,
}

/// A named list of steps. Built-in templates have ids starting with `builtin:` and cannot be
/// edited (copy one to change it); the others are the user's, stored in the database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignTemplate {
    pub id: String,
    pub name: String,
    pub description: String,
    pub builtin: bool,
    /// `fr` or `en` for built-in templates; empty for the user's.
    pub language: String,
    pub steps: Vec<TemplateStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub steps: Vec<TemplateStep>,
}

/// Apply a template to an event (or preview what applying would create).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignRequest {
    pub event_id: String,
    pub template_id: String,
    /// The plan's channels the campaign may use; `null`: every channel of the plan.
    #[serde(default)]
    pub channel_ids: Option<Vec<String>>,
}

/// One post a campaign would create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignPost {
    /// Index of the step in the template.
    pub step: u32,
    pub offset_days: i32,
    pub title: String,
    pub status: PostStatus,
    pub date: NaiveDate,
    /// Wall-clock time in the plan's zone (after any DST shift); `null` for a date-only post.
    pub local: Option<NaiveDateTime>,
    pub at: Option<DateTime<Utc>>,
    /// The step's time does not exist that day (clocks jump forward): moved to `local`.
    pub shifted_by_dst: bool,
    pub channel_ids: Vec<String>,
    /// A live post of this event with this title is already planned that day: not created again.
    pub already_exists: bool,
}

/// A step that creates nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedStep {
    pub step: u32,
    pub title: String,
    pub platform: Option<Platform>,
    /// `no_channel_of_kind`: the plan has no (chosen) channel of that kind.
    pub reason: String,
}

/// What applying a template does (the preview), or did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignPreview {
    pub event: Event,
    pub template: CampaignTemplate,
    pub posts: Vec<CampaignPost>,
    pub skipped: Vec<SkippedStep>,
    /// Posts created (empty for a preview).
    pub created: Vec<PostView>,
}

/// Move an event by a number of days, and optionally its linked posts with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventMoveInput {
    pub event_id: String,
    /// The event's new first day.
    pub new_start: NaiveDate,
    pub move_posts: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventMove {
    pub event: Event,
    #[ts(type = "number")]
    pub days: i64,
    /// Linked posts moved with the event.
    pub moved: Vec<PostView>,
    /// Linked posts left where they are (already published, or not asked to move).
    pub kept: u32,
}
