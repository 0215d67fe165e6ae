//! The crisis plan and the crisis switch.
//!
//! "Hold everything" puts every live approved or scheduled post of the plan planned from now on
//! (timed posts from this instant, date-only posts from today in the plan's zone) in the `held`
//! status, remembering each one's status, in one IMMEDIATE transaction logged in `crisis_log`.
//! Drafts, ideas, posts in review, published and past posts are left alone. Each held post's
//! revision goes up, so .ics exports and feeds show it on hold and subscribed clients update.
//!
//! "Resume" gives every held post exactly the status it had, even if its text, time or channels
//! were edited while held. A held post whose status someone changed by hand meanwhile (say,
//! cancelled, or back to draft) is left as they set it: that later, deliberate decision wins
//! over the automatic restore, and the log counts it as `kept`. Posts created or scheduled during
//! the crisis are not held (the switch holds what existed when it was pulled).
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{
    CrisisAction, CrisisContact, CrisisLogEntry, CrisisPlan, CrisisState, HoldingStatement,
};
use crate::queries::crisis;
use crate::time::parse_zone;

/// At most this many contacts, steps or statements in a crisis plan.
pub const MAX_CRISIS_ITEMS: usize = 100;

fn check_count<T>(field: &'static str, items: &[T]) -> Result<()> {
    if items.len() > MAX_CRISIS_ITEMS {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_CRISIS_ITEMS} entries"),
        ));
    }
    Ok(())
}

/// The crisis plan as it will be stored: trimmed, blank entries dropped, sizes checked.
fn clean(input: &CrisisPlan) -> Result<CrisisPlan> {
    check_count("contacts", &input.contacts)?;
    check_count("steps", &input.steps)?;
    check_count("statements", &input.statements)?;
    let mut out = CrisisPlan::default();
    for c in &input.contacts {
        let blank = [&c.name, &c.role, &c.phone, &c.email]
            .iter()
            .all(|s| s.trim().is_empty());
        if blank {
            continue;
        }
        out.contacts.push(CrisisContact {
            name: validate::required("contacts.name", &c.name, limits::NAME)?,
            role: validate::optional("contacts.role", &c.role, limits::NAME)?,
            phone: validate::optional("contacts.phone", &c.phone, limits::NAME)?,
            email: validate::optional("contacts.email", &c.email, limits::NAME)?,
        });
    }
    for s in &input.steps {
        if !s.trim().is_empty() {
            out.steps
                .push(validate::optional("steps", s, limits::SHORT_TEXT)?);
        }
    }
    for s in &input.statements {
        if s.title.trim().is_empty() && s.body.trim().is_empty() {
            continue;
        }
        out.statements.push(HoldingStatement {
            title: validate::required("statements.title", &s.title, limits::TITLE)?,
            body: validate::required("statements.body", &s.body, limits::SHORT_TEXT)?,
        });
    }
    Ok(out)
}

impl Cadence {
    pub fn crisis_plan(&self, plan_id: &str) -> Result<CrisisPlan> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            live_plan(&tx, plan_id)?;
            crisis::plan(&tx, plan_id)
        })
    }

    /// Replaces the plan's crisis plan (contacts, steps, statements) as a whole.
    pub fn save_crisis_plan(&self, plan_id: &str, input: &CrisisPlan) -> Result<CrisisPlan> {
        let cleaned = clean(input)?;
        self.db.with_tx(|tx| {
            live_plan(tx, plan_id)?;
            crisis::replace_plan(tx, plan_id, &cleaned)?;
            Ok(cleaned)
        })
    }

    /// "Hold everything": see the module's documentation.
    pub fn hold_scheduled_posts(&self, plan_id: &str, reason: &str) -> Result<CrisisLogEntry> {
        let reason = validate::required("reason", reason, limits::SHORT_TEXT)?;
        let now = self.now();
        self.db.with_tx(|tx| {
            let plan = live_plan(tx, plan_id)?;
            if let Some(last) =
                crisis::last_log(tx, plan_id)?.filter(|l| l.action == CrisisAction::Hold)
            {
                return Err(Error::CrisisActive {
                    since: last.at.to_rfc3339(),
                });
            }
            let today = now
                .with_timezone(&parse_zone("timezone", &plan.timezone)?)
                .date_naive();
            let mut entry = CrisisLogEntry {
                id: new_id(),
                plan_id: plan.id,
                action: CrisisAction::Hold,
                reason,
                at: now,
                posts: 0,
                kept: 0,
            };
            // The log row first: the holds reference it.
            crisis::insert_log(tx, &entry)?;
            let held = crisis::hold_posts(tx, plan_id, &entry.id, now, today)?;
            entry.posts = held as u32;
            tx.execute(
                "UPDATE crisis_log SET posts = ?2 WHERE id = ?1",
                rusqlite::params![entry.id, entry.posts],
            )?;
            Ok(entry)
        })
    }

    /// "Resume": see the module's documentation.
    pub fn resume_held_posts(&self, plan_id: &str, reason: &str) -> Result<CrisisLogEntry> {
        let reason = validate::required("reason", reason, limits::SHORT_TEXT)?;
        let now = self.now();
        self.db.with_tx(|tx| {
            let plan = live_plan(tx, plan_id)?;
            let active =
                crisis::last_log(tx, plan_id)?.is_some_and(|l| l.action == CrisisAction::Hold);
            if !active {
                return Err(Error::NoCrisis);
            }
            let (restored, kept) = crisis::resume_posts(tx, plan_id, now)?;
            let entry = CrisisLogEntry {
                id: new_id(),
                plan_id: plan.id,
                action: CrisisAction::Resume,
                reason,
                at: now,
                posts: restored as u32,
                kept: kept as u32,
            };
            crisis::insert_log(tx, &entry)?;
            Ok(entry)
        })
    }

    /// Whether the plan is on hold (for the banner), and how many posts are held.
    pub fn crisis_state(&self, plan_id: &str) -> Result<CrisisState> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            live_plan(&tx, plan_id)?;
            let hold = crisis::last_log(&tx, plan_id)?.filter(|l| l.action == CrisisAction::Hold);
            Ok(CrisisState {
                plan_id: plan_id.to_owned(),
                active: hold.is_some(),
                hold,
                held_posts: crisis::held_count(&tx, plan_id)?,
            })
        })
    }

    /// Every use of the switch for the plan, newest first.
    pub fn crisis_log(&self, plan_id: &str) -> Result<Vec<CrisisLogEntry>> {
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            live_plan(&tx, plan_id)?;
            crisis::log(&tx, plan_id)
        })
    }
}
