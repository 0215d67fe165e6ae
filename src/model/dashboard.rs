//! The balance of a plan over a week or a month: objective mix, channel cadence, gaps and
//! problems to fix, results entered by hand, and who relayed what.
use super::PostStatus;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Likes, comments and shares added up over published posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResultTotals {
    /// Published posts counted.
    pub published: u32,
    /// Of those, how many have results entered.
    pub measured: u32,
    #[ts(type = "number")]
    pub likes: u64,
    #[ts(type = "number")]
    pub comments: u64,
    #[ts(type = "number")]
    pub shares: u64,
}

/// One objective's share of the period's posts against its target share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveMix {
    pub objective_id: String,
    pub title: String,
    pub color: String,
    /// Target share of the plan's posts, in percent.
    pub target_share: u8,
    pub posts: u32,
    /// Share of the period's posts, in percent (0 when the period has none).
    pub share: f64,
    pub results: ResultTotals,
}

/// One channel's posts against its weekly cadence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelCadence {
    pub channel_id: String,
    pub name: String,
    pub color: String,
    pub weekly_target: u32,
    /// The weekly target scaled to the period (a 31-day month: × 31/7).
    pub target: f64,
    pub posts: u32,
    pub results: ResultTotals,
}

/// A post the dashboard points at, with what the UI needs to open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostRef {
    pub post_id: String,
    pub title: String,
    /// The local day it is planned on.
    pub day: NaiveDate,
    pub status: PostStatus,
}

/// A post whose text is longer than one of its channels allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverLimit {
    pub post: PostRef,
    pub channel_id: String,
    /// The field holding the text: "body", or "variant" (the channel's own text).
    pub field: String,
    /// User-perceived characters.
    pub length: u32,
    pub limit: u32,
}

/// Posts per channel in one week (Monday to Sunday, plan's zone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCadence {
    pub monday: NaiveDate,
    /// Posts per channel, in the order of `Dashboard::channels`.
    pub posts: Vec<u32>,
}

/// How one ambassador answered the requests to relay posts of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    pub ambassador_id: String,
    pub name: String,
    /// Posts of the period they were asked to relay.
    pub asked: u32,
    /// Of those, how many they relayed.
    pub relayed: u32,
}

/// Everything the dashboard shows for one plan and one week or month.
///
/// Counted posts: live (not in the trash), not cancelled, planned on a day of the period in the
/// plan's zone. Held posts count (they are still planned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub plan_id: String,
    /// `2026-12` or `2026-W49`.
    pub period: String,
    /// First day.
    pub from: NaiveDate,
    /// Day after the last day (exclusive).
    pub to: NaiveDate,
    pub posts: u32,
    pub objectives: Vec<ObjectiveMix>,
    /// Posts serving no objective (they count in `posts`, not in any objective).
    pub without_objective: u32,
    pub channels: Vec<ChannelCadence>,
    /// Days of the period with nothing planned.
    pub empty_days: Vec<NaiveDate>,
    pub missing_objective: Vec<PostRef>,
    pub missing_value: Vec<PostRef>,
    pub over_limit: Vec<OverLimit>,
    /// Results of the period's published posts (each post once).
    pub results: ResultTotals,
    /// The 8 weeks ending with the period's last week, oldest first.
    pub history: Vec<WeekCadence>,
    pub ambassadors: Vec<Participation>,
}

/// A colleague or partner who relays a plan's posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ambassador {
    pub id: String,
    pub plan_id: String,
    pub name: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AmbassadorInput {
    pub plan_id: String,
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// An ambassador asked to relay a post, and whether they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Relay {
    pub post_id: String,
    pub ambassador_id: String,
    pub name: String,
    /// When they relayed it; `null`: not yet.
    pub done_at: Option<DateTime<Utc>>,
}
