//! Published feeds: a secret URL per feed, revocable and regenerable.
use super::export::check_filter;
use super::plans::live_plan;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Feed, FeedInput};
use crate::queries::feeds;
use base64::Engine;
use rusqlite::Connection;

/// Random octets in a token: 192 bits, well over the 128 asked of a capability URL.
pub const TOKEN_BYTES: usize = 24;

impl Cadence {
    /// Publishes a new feed of a plan with the filters of `input`, under a fresh token.
    pub fn create_feed(&self, input: &FeedInput) -> Result<Feed> {
        let now = self.now();
        let token = new_token()?;
        self.db.with_tx(|tx| {
            let filter = check_filter(tx, &input.filter)?;
            let feed = Feed {
                id: new_id(),
                plan_id: filter.plan_id.clone(),
                name: validate::required("name", &input.name, limits::NAME)?,
                token,
                filter,
                created_at: now,
                updated_at: now,
                revision: 0,
                revoked_at: None,
            };
            feeds::upsert(tx, &feed)?;
            Ok(feed)
        })
    }

    /// Changes a feed's name and filters; its URL stays the same.
    pub fn update_feed(&self, id: &str, input: &FeedInput) -> Result<Feed> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let old = get(tx, id)?;
            if input.filter.plan_id != old.plan_id {
                return Err(Error::ForeignPlan {
                    field: "planId",
                    entity: "feed",
                    id: id.to_owned(),
                });
            }
            let mut feed = Feed {
                name: validate::required("name", &input.name, limits::NAME)?,
                filter: check_filter(tx, &input.filter)?,
                ..old.clone()
            };
            if feed != old {
                feed.updated_at = now;
                feed.revision += 1;
                feeds::upsert(tx, &feed)?;
            }
            Ok(feed)
        })
    }

    /// Every feed of a plan, revoked ones included.
    pub fn list_feeds(&self, plan_id: &str) -> Result<Vec<Feed>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            feeds::list_for_plan(c, plan_id)
        })
    }

    pub fn feed(&self, id: &str) -> Result<Feed> {
        self.db.read(|c| get(c, id))
    }

    /// Stops serving a feed: its URL answers 404 from now on. Revoking twice changes nothing.
    pub fn revoke_feed(&self, id: &str) -> Result<Feed> {
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut feed = get(tx, id)?;
            if feed.revoked_at.is_none() {
                feed.revoked_at = Some(now);
                feed.updated_at = now;
                feed.revision += 1;
                feeds::upsert(tx, &feed)?;
            }
            Ok(feed)
        })
    }

    /// Gives a feed a new secret URL (the old one answers 404) and serves it again if it was revoked.
    pub fn regenerate_feed_token(&self, id: &str) -> Result<Feed> {
        let now = self.now();
        let token = new_token()?;
        self.db.with_tx(|tx| {
            let mut feed = get(tx, id)?;
            live_plan(tx, &feed.plan_id)?;
            feed.token = token;
            feed.revoked_at = None;
            feed.updated_at = now;
            feed.revision += 1;
            feeds::upsert(tx, &feed)?;
            Ok(feed)
        })
    }
}

fn get(conn: &Connection, id: &str) -> Result<Feed> {
    feeds::get(conn, id)?.ok_or_else(|| Error::NotFound {
        entity: "feed",
        id: id.to_owned(),
    })
}

/// 192 bits from the operating system's random source, as URL-safe base64 (32 characters).
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Io(std::io::Error::other(format!("no random source: {e}"))))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}
