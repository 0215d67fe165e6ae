//! A plan's crisis plan and the crisis switch ("Hold everything" / "Resume").
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisContact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// A statement approved in advance, to publish as is when a crisis starts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HoldingStatement {
    pub title: String,
    pub body: String,
}

/// Whom to call, what to do, what may be said: kept with the plan, edited in calm times.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisPlan {
    #[serde(default)]
    pub contacts: Vec<CrisisContact>,
    /// What to do, in order.
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub statements: Vec<HoldingStatement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CrisisAction {
    Hold,
    Resume,
}

impl CrisisAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CrisisAction::Hold => "hold",
            CrisisAction::Resume => "resume",
        }
    }

    pub fn parse(s: &str) -> Option<CrisisAction> {
        match s {
            "hold" => Some(CrisisAction::Hold),
            "resume" => Some(CrisisAction::Resume),
            _ => None,
        }
    }
}

/// One use of the crisis switch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisLogEntry {
    pub id: String,
    pub plan_id: String,
    pub action: CrisisAction,
    pub reason: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Hold: posts put on hold. Resume: posts given back their previous status.
    pub posts: u32,
    /// Resume only: held posts whose status someone changed by hand meanwhile (left as set).
    pub kept: u32,
}

/// Whether a plan is on hold, since when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisState {
    pub plan_id: String,
    /// The last use of the switch was "Hold everything".
    pub active: bool,
    /// That hold, when active.
    pub hold: Option<CrisisLogEntry>,
    /// Posts of the plan in the `held` status now.
    pub held_posts: u32,
}
