//! What a social media manager plans: plans, objectives, channels, posts and one-off events.
//! These types cross every boundary (SQLite rows, CLI, Tauri commands, TypeScript via ts-rs).
mod campaign;
mod crisis;
mod dashboard;
mod feed;
mod kinds;
mod slot;

pub use campaign::{
    CampaignPost, CampaignPreview, CampaignRequest, CampaignTemplate, EventMove, EventMoveInput,
    SkippedStep, TemplateInput, TemplateStep,
};
pub use crisis::{
    CrisisAction, CrisisContact, CrisisLogEntry, CrisisPlan, CrisisState, HoldingStatement,
};
pub use dashboard::{
    Ambassador, AmbassadorInput, ChannelCadence, Dashboard, ObjectiveMix, OverLimit, Participation,
    PostRef, Relay, ResultTotals, WeekCadence,
};

pub use feed::{ExportFilter, Feed, FeedInput, FeedUrls, DEFAULT_RETENTION_DAYS};
pub use kinds::{EventKind, ObjectiveKind, Platform, PostStatus};
pub use slot::{CalendarOverlay, Holiday, HolidayKind, HolidayRegion, OpenSlot, Slot, SlotInput};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Bookkeeping every row carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowMeta {
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
    #[ts(type = "number")]
    pub revision: i64,
    /// Set when the row is in the trash.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// One brand or client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub id: String,
    pub name: String,
    /// IANA zone, e.g. `Europe/Paris`.
    pub timezone: String,
    /// BCP 47 locale, e.g. `fr-FR`, `fr-CA`, `en`.
    pub locale: String,
    #[serde(flatten)]
    pub meta: RowMeta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    pub name: String,
    pub timezone: String,
    pub locale: String,
}

/// A business objective of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Objective {
    pub id: String,
    pub plan_id: String,
    pub kind: ObjectiveKind,
    pub title: String,
    /// Measurable target in the user's words, e.g. "+15 % d'abonnés LinkedIn".
    pub target: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// `#rrggbb`.
    pub color: String,
    /// Target share of the plan's posts, in percent.
    pub target_share: u8,
    #[serde(flatten)]
    pub meta: RowMeta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveInput {
    pub plan_id: String,
    pub kind: ObjectiveKind,
    pub title: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    pub color: String,
    #[serde(default)]
    pub target_share: u8,
}

/// One account on one platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub id: String,
    pub plan_id: String,
    pub platform: Platform,
    pub name: String,
    /// Text limit in user-perceived characters (grapheme clusters); `null`: none.
    pub char_limit: Option<u32>,
    pub weekly_target: u32,
    pub color: String,
    #[serde(flatten)]
    pub meta: RowMeta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelInput {
    pub plan_id: String,
    pub platform: Platform,
    pub name: String,
    /// Absent: the platform's default limit.
    #[serde(default)]
    pub char_limit: Option<u32>,
    /// Absent: the platform's default cadence.
    #[serde(default)]
    pub weekly_target: Option<u32>,
    pub color: String,
}

/// When a post goes out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Planned {
    /// A precise instant, planned in a zone.
    #[serde(rename_all = "camelCase")]
    At {
        at: DateTime<Utc>,
        timezone: String,
        /// Wall-clock time in `timezone` (derived from `at`).
        local: NaiveDateTime,
    },
    /// Some time that day (in the plan's zone).
    #[serde(rename_all = "camelCase")]
    Day { date: NaiveDate },
}

/// When a post goes out, as the user types it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PlannedInput {
    #[serde(rename_all = "camelCase")]
    At {
        local: NaiveDateTime,
        timezone: String,
    },
    #[serde(rename_all = "camelCase")]
    Day { date: NaiveDate },
}

/// A channel a post goes to, with an optional text written for that channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostChannel {
    pub channel_id: String,
    #[serde(default)]
    pub variant: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Results {
    pub url: Option<String>,
    pub likes: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
}

/// A piece of content for one or more channels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: String,
    pub plan_id: String,
    pub title: String,
    pub body: String,
    pub channels: Vec<PostChannel>,
    pub objective_id: Option<String>,
    /// What the reader gains from this post.
    pub customer_value: String,
    pub status: PostStatus,
    pub planned: Option<Planned>,
    pub duration_minutes: Option<u32>,
    pub event_id: Option<String>,
    pub assignee: String,
    pub tags: Vec<String>,
    pub links: Vec<String>,
    pub notes: String,
    pub results: Results,
    #[serde(flatten)]
    pub meta: RowMeta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostInput {
    pub plan_id: String,
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub channels: Vec<PostChannel>,
    #[serde(default)]
    pub objective_id: Option<String>,
    #[serde(default)]
    pub customer_value: String,
    pub status: PostStatus,
    #[serde(default)]
    pub planned: Option<PlannedInput>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    #[serde(default)]
    pub event_id: Option<String>,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub results: Results,
}

/// What the core found worth telling about a post. Warnings never block a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The post serves no business objective.
    NoObjective,
    /// The post says nothing of what the customer gains.
    NoCustomerValue,
    /// The text for a channel is longer than the channel allows.
    OverChannelLimit,
    /// The post is planned outside its objective's period.
    OutsideObjectivePeriod,
    /// The post goes to no channel.
    NoChannel,
    /// The post is planned on a public holiday of its plan's region.
    OnPublicHoliday,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: WarningCode,
    /// The field to fix: `objectiveId`, `customerValue`, `channels`, `planned`, `body`.
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub channel_id: Option<String>,
    /// Measured length, for `over_channel_limit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub limit: Option<u32>,
    /// The holiday's key (e.g. `easter_monday`), for `on_public_holiday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub holiday: Option<String>,
}

/// A post with the warnings the core found on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostView {
    pub post: Post,
    pub warnings: Vec<Warning>,
}

/// When a one-off event happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum EventWhen {
    /// Whole days; `end` is the last day (inclusive).
    #[serde(rename_all = "camelCase")]
    AllDay { start: NaiveDate, end: NaiveDate },
    #[serde(rename_all = "camelCase")]
    Timed {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        timezone: String,
        start_local: NaiveDateTime,
        end_local: NaiveDateTime,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum EventWhenInput {
    #[serde(rename_all = "camelCase")]
    AllDay { start: NaiveDate, end: NaiveDate },
    #[serde(rename_all = "camelCase")]
    Timed {
        start_local: NaiveDateTime,
        end_local: NaiveDateTime,
        timezone: String,
    },
}

/// A one-off event of a plan: a launch, an open day, a trade show…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: String,
    pub plan_id: String,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub location: String,
    pub when: EventWhen,
    #[serde(flatten)]
    pub meta: RowMeta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventInput {
    pub plan_id: String,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub location: String,
    pub when: EventWhenInput,
}

/// Everything of one plan in a range of days (in the plan's zone): what a calendar view shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RangeView {
    pub plan: Plan,
    /// First day shown.
    pub from: NaiveDate,
    /// Day after the last day shown (exclusive).
    pub to: NaiveDate,
    pub posts: Vec<PostView>,
    pub events: Vec<Event>,
    pub channels: Vec<Channel>,
    pub objectives: Vec<Objective>,
}

/// A plan with its channels and objectives: what its settings screens show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    pub plan: Plan,
    pub channels: Vec<Channel>,
    pub objectives: Vec<Objective>,
    pub events: Vec<Event>,
}

/// Facts about the running core, for the UI's settings and about screens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// The SQLite file in use.
    pub db_path: String,
    /// The plan to open first (the sample plan on a first run), if any.
    pub default_plan_id: Option<String>,
    /// Today in the computer's zone, `YYYY-MM-DD`.
    pub today: NaiveDate,
    /// The operating system's language, e.g. `fr-CA` (the UI's default language).
    pub system_locale: Option<String>,
}
