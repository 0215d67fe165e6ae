//! What goes into a calendar export, and the published feeds that serve one.
use super::PostStatus;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How long a cancelled or deleted post stays in exports as `STATUS:CANCELLED`, by default.
pub const DEFAULT_RETENTION_DAYS: u32 = 60;

/// Which posts and events of a plan an `.ics` export (or a feed) holds.
/// Empty lists mean "no filter" on that criterion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportFilter {
    pub plan_id: String,
    /// Posts going to at least one of these channels.
    #[serde(default)]
    pub channel_ids: Vec<String>,
    /// Posts serving one of these objectives.
    #[serde(default)]
    pub objective_ids: Vec<String>,
    /// Posts attached to one of these events; only these events are exported.
    #[serde(default)]
    pub event_ids: Vec<String>,
    /// Posts in one of these statuses. Empty: every status but `idea` and `draft`
    /// (those too with `include_drafts`). Cancelled posts are always exported, as cancelled.
    #[serde(default)]
    pub statuses: Vec<PostStatus>,
    /// First day (in the plan's zone), inclusive.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day (in the plan's zone), inclusive.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub include_drafts: bool,
    /// A reminder this many minutes before each post.
    #[serde(default)]
    pub alarm_minutes: Option<u32>,
    /// Days a cancelled or deleted post stays in the export [default: 60].
    #[serde(default)]
    pub retention_days: Option<u32>,
    /// The calendar's name in the client [default: the plan's name].
    #[serde(default)]
    pub calendar_name: Option<String>,
}

impl ExportFilter {
    pub fn for_plan(plan_id: impl Into<String>) -> ExportFilter {
        ExportFilter {
            plan_id: plan_id.into(),
            ..ExportFilter::default()
        }
    }

    pub fn retention_days(&self) -> u32 {
        self.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS)
    }

    /// Whether a live, not cancelled post of this status is exported.
    pub fn wants_status(&self, status: PostStatus) -> bool {
        if !self.statuses.is_empty() {
            // A held post was approved or scheduled before the hold: a feed of those statuses
            // keeps showing it (marked on hold) instead of dropping it from subscribers' calendars.
            return self.statuses.contains(&status)
                || (status == PostStatus::Held
                    && self
                        .statuses
                        .iter()
                        .any(|s| matches!(s, PostStatus::Approved | PostStatus::Scheduled)));
        }
        self.include_drafts || !matches!(status, PostStatus::Idea | PostStatus::Draft)
    }
}

/// A published calendar feed: a secret URL serving a plan's export with stored filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feed {
    pub id: String,
    pub plan_id: String,
    pub name: String,
    /// The secret in the URL: 192 random bits, URL-safe base64. Whoever has it can read the feed.
    pub token: String,
    pub filter: ExportFilter,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Goes up on every change (filters, name, token, revocation).
    #[ts(type = "number")]
    pub revision: i64,
    /// Set when the feed was revoked: its URL then answers 404.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Feed {
    /// The path the feed server answers for this feed: `/feeds/<token>.ics`.
    pub fn path(&self) -> String {
        format!("/feeds/{}.ics", self.token)
    }

    /// The `http://` and `webcal://` addresses of this feed on `host:port`.
    pub fn urls(&self, host: &str, port: u16) -> FeedUrls {
        let rest = format!("{host}:{port}{}", self.path());
        FeedUrls {
            http: format!("http://{rest}"),
            webcal: format!("webcal://{rest}"),
        }
    }
}

/// Where a calendar client subscribes to a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedUrls {
    pub http: String,
    pub webcal: String,
}

/// What creating or editing a feed takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedInput {
    pub name: String,
    pub filter: ExportFilter,
}
