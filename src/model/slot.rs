//! Recurring publication slots of a channel ("every Tuesday and Thursday at 10:00 on LinkedIn"),
//! public holidays and key dates: what the calendar draws around the posts.
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A recurring slot of one channel, in its plan's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    pub id: String,
    pub plan_id: String,
    pub channel_id: String,
    /// An RRULE (RFC 5545) of the supported subset, e.g. `FREQ=WEEKLY;BYDAY=TU,TH`.
    pub rule: String,
    pub time: NaiveTime,
    /// First day the rule counts from.
    pub start: NaiveDate,
    /// Last day (inclusive), if any.
    pub until: Option<NaiveDate>,
    /// Days the slot does not happen (holidays, closures…).
    pub skipped: Vec<NaiveDate>,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlotInput {
    pub channel_id: String,
    pub rule: String,
    pub time: NaiveTime,
    pub start: NaiveDate,
    #[serde(default)]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub skipped: Vec<NaiveDate>,
    #[serde(default)]
    pub label: String,
}

/// One occurrence of a slot with no post of its channel yet: a placeholder in the views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenSlot {
    pub slot_id: String,
    pub channel_id: String,
    pub date: NaiveDate,
    /// Wall-clock time in `timezone` (moved forward if the slot's time falls in a DST gap).
    pub local: NaiveDateTime,
    pub at: DateTime<Utc>,
    pub timezone: String,
    pub label: String,
}

/// Whose public holidays a plan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HolidayRegion {
    None,
    /// Metropolitan France.
    Fr,
    /// Québec (Canada).
    CaQc,
}

impl HolidayRegion {
    pub const ALL: &'static [HolidayRegion] =
        &[HolidayRegion::None, HolidayRegion::Fr, HolidayRegion::CaQc];

    pub fn as_str(self) -> &'static str {
        match self {
            HolidayRegion::None => "none",
            HolidayRegion::Fr => "fr",
            HolidayRegion::CaQc => "ca_qc",
        }
    }

    /// `fr`, `FR`, `ca-qc`, `qc`, `none`…
    pub fn parse(text: &str) -> Option<Self> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "none" | "off" | "" => Some(HolidayRegion::None),
            "fr" | "france" => Some(HolidayRegion::Fr),
            "ca_qc" | "qc" | "quebec" | "québec" => Some(HolidayRegion::CaQc),
            _ => None,
        }
    }
}

impl std::fmt::Display for HolidayRegion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// A public holiday (jour férié).
    Public,
    /// The day off given when a holiday falls on a Sunday (Québec).
    Observed,
    /// A date that matters to marketing but is a working day (Saint-Valentin, Fête des mères…).
    KeyDate,
}

/// One holiday or key date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Holiday {
    pub date: NaiveDate,
    /// Stable key the UI translates, e.g. `easter_monday`.
    pub key: String,
    /// Name in the plan's language (French or English), for the CLI.
    pub name: String,
    pub kind: HolidayKind,
    pub region: HolidayRegion,
}

/// What the calendar draws around a plan's posts for `[from, to)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarOverlay {
    pub region: HolidayRegion,
    pub holidays: Vec<Holiday>,
    pub open_slots: Vec<OpenSlot>,
    pub slots: Vec<Slot>,
}
