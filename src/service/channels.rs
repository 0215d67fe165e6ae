//! Channels: one account on one platform.
use super::objectives::meta;
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Channel, ChannelInput, RowMeta};
use crate::queries::channels;
use rusqlite::Connection;

impl Cadence {
    pub fn create_channel(&self, input: &ChannelInput) -> Result<Channel> {
        let now = self.now();
        self.db.with_tx(|tx| {
            live_plan(tx, &input.plan_id)?;
            let c = build(input, new_id(), meta(now))?;
            channels::upsert(tx, &c)?;
            Ok(c)
        })
    }

    pub fn update_channel(&self, id: &str, input: &ChannelInput) -> Result<Channel> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = live_channel(tx, id)?;
            if old.plan_id != input.plan_id {
                return Err(Error::ForeignPlan {
                    field: "planId",
                    entity: "channel",
                    id: id.to_owned(),
                });
            }
            let mut c = build(input, old.id.clone(), old.meta.clone())?;
            if c != old {
                c.meta.updated_at = now;
                c.meta.revision += 1;
                channels::upsert(tx, &c)?;
            }
            Ok(c)
        })
    }

    pub fn delete_channel(&self, id: &str) -> Result<Channel> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut c = live_channel(tx, id)?;
            c.meta.deleted_at = Some(now);
            c.meta.updated_at = now;
            c.meta.revision += 1;
            channels::upsert(tx, &c)?;
            Ok(c)
        })
    }

    pub fn channels(&self, plan_id: &str) -> Result<Vec<Channel>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            channels::list_for_plan(c, plan_id)
        })
    }
}

fn live_channel(conn: &Connection, id: &str) -> Result<Channel> {
    channels::get(conn, id)?
        .filter(|c| c.meta.deleted_at.is_none())
        .ok_or_else(|| Error::NotFound {
            entity: "channel",
            id: id.to_owned(),
        })
}

pub(super) fn build(input: &ChannelInput, id: String, meta: RowMeta) -> Result<Channel> {
    let char_limit = match input.char_limit {
        Some(0) => {
            return Err(Error::invalid(
                "charLimit",
                "a limit is at least 1 character",
            ))
        }
        Some(n) => Some(validate::at_most("charLimit", n, limits::CHAR_LIMIT)?),
        None => input.platform.default_char_limit(),
    };
    let weekly_target = validate::at_most(
        "weeklyTarget",
        input
            .weekly_target
            .unwrap_or_else(|| input.platform.default_weekly_target()),
        limits::WEEKLY_TARGET,
    )?;
    Ok(Channel {
        id,
        plan_id: input.plan_id.clone(),
        platform: input.platform,
        name: validate::required("name", &input.name, limits::NAME)?,
        char_limit,
        weekly_target,
        color: validate::color("color", &input.color)?,
        meta,
    })
}
