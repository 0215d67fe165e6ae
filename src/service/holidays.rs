//! Each plan's holiday region, its holidays and key dates, and the calendar overlay (holidays
//! plus open slots) the views draw.
use super::plans::live_plan;
use super::Cadence;
use crate::error::{Error, Result};
use crate::holidays::{self, HolidayCalendar};
use crate::model::{CalendarOverlay, Holiday, HolidayRegion, Plan};
use crate::queries::{plans, slots};
use chrono::NaiveDate;
use rusqlite::Connection;

impl Cadence {
    /// The plan's region: the one chosen, else the one its zone suggests.
    pub fn holiday_region(&self, plan_id: &str) -> Result<HolidayRegion> {
        self.db.read(|c| {
            let plan = live_plan(c, plan_id)?;
            region_of(c, &plan)
        })
    }

    /// Chooses whose holidays the plan shows and warns about (`none` turns the overlay off).
    pub fn set_holiday_region(
        &self,
        plan_id: &str,
        region: HolidayRegion,
    ) -> Result<HolidayRegion> {
        self.db.with_tx(|tx| {
            live_plan(tx, plan_id)?;
            slots::set_holiday_region(tx, plan_id, region)?;
            Ok(region)
        })
    }

    /// Holidays and key dates of the plan's region on the days `[from, to)`.
    pub fn holidays(&self, plan_id: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<Holiday>> {
        check_range(from, to)?;
        self.db.read(|c| {
            let plan = live_plan(c, plan_id)?;
            let region = region_of(c, &plan)?;
            Ok(holidays::between(region, from, to, french(&plan)))
        })
    }

    /// What the calendar draws around the posts of `[from, to)`: holidays and open slots.
    pub fn calendar_overlay(
        &self,
        plan_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<CalendarOverlay> {
        check_range(from, to)?;
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let plan = live_plan(&tx, plan_id)?;
            let region = region_of(&tx, &plan)?;
            let slots = slots::list_for_plan(&tx, plan_id)?;
            let open_slots = super::slots::open_in_range(&tx, &plan, &slots, None, (from, to))?;
            Ok(CalendarOverlay {
                region,
                holidays: holidays::between(region, from, to, french(&plan)),
                open_slots,
                slots,
            })
        })
    }
}

pub(super) fn check_range(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::EndBeforeStart { field: "to" });
    }
    if (to - from).num_days() > 366 * 2 {
        return Err(Error::invalid("to", "a range is at most two years"));
    }
    Ok(())
}

pub(super) fn french(plan: &Plan) -> bool {
    plan.locale.to_ascii_lowercase().starts_with("fr")
}

pub(super) fn region_of(conn: &Connection, plan: &Plan) -> Result<HolidayRegion> {
    Ok(slots::holiday_region(conn, &plan.id)?
        .unwrap_or_else(|| holidays::default_region(&plan.timezone, &plan.locale)))
}

/// The holiday calendar the warning rule uses for the posts of `plan_id`.
pub(super) fn calendar_for(conn: &Connection, plan_id: &str) -> Result<HolidayCalendar> {
    Ok(match plans::get(conn, plan_id)? {
        Some(plan) => HolidayCalendar::new(region_of(conn, &plan)?, french(&plan)),
        None => HolidayCalendar::default(),
    })
}
