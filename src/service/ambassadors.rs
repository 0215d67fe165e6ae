//! Ambassadors (people who relay a plan's posts) and the results entered for published posts.
use super::plans::live_plan;
use super::posts::input_of;
use super::validate::{self, limits};
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{Ambassador, AmbassadorInput, PostInput, PostView, Relay, Results};
use crate::queries::{ambassadors, posts};
use rusqlite::Connection;

fn live_ambassador(conn: &Connection, id: &str) -> Result<Ambassador> {
    ambassadors::get(conn, id)?.ok_or_else(|| Error::NotFound {
        entity: "ambassador",
        id: id.to_owned(),
    })
}

/// The post and the ambassador, checked to be live and of the same plan.
fn post_and_ambassador(conn: &Connection, post_id: &str, ambassador_id: &str) -> Result<()> {
    let post = posts::get(conn, post_id)?
        .filter(|p| p.meta.deleted_at.is_none())
        .ok_or_else(|| Error::NotFound {
            entity: "post",
            id: post_id.to_owned(),
        })?;
    let a = live_ambassador(conn, ambassador_id)?;
    if a.plan_id != post.plan_id {
        return Err(Error::ForeignPlan {
            field: "ambassadorId",
            entity: "ambassador",
            id: a.id,
        });
    }
    Ok(())
}

impl Cadence {
    pub fn create_ambassador(&self, input: &AmbassadorInput) -> Result<Ambassador> {
        let name = validate::required("name", &input.name, limits::NAME)?;
        let email = validate::optional("email", &input.email, limits::NAME)?;
        let now = self.now();
        self.db.with_tx(|tx| {
            let plan = live_plan(tx, &input.plan_id)?;
            let taken = ambassadors::list_for_plan(tx, &plan.id)?
                .iter()
                .any(|a| a.name.to_lowercase() == name.to_lowercase());
            if taken {
                return Err(Error::Duplicate {
                    field: "name",
                    value: name,
                });
            }
            let a = Ambassador {
                id: new_id(),
                plan_id: plan.id,
                name,
                email,
                created_at: now,
            };
            ambassadors::insert(tx, &a)?;
            Ok(a)
        })
    }

    pub fn ambassadors(&self, plan_id: &str) -> Result<Vec<Ambassador>> {
        self.db.read(|c| {
            live_plan(c, plan_id)?;
            ambassadors::list_for_plan(c, plan_id)
        })
    }

    /// Removes an ambassador and the record of their relays.
    pub fn delete_ambassador(&self, id: &str) -> Result<Ambassador> {
        self.db.with_tx(|tx| {
            let a = live_ambassador(tx, id)?;
            ambassadors::delete(tx, id)?;
            Ok(a)
        })
    }

    /// Who was asked to relay a post, and who did.
    pub fn relays(&self, post_id: &str) -> Result<Vec<Relay>> {
        self.db.read(|c| ambassadors::relays_of_post(c, post_id))
    }

    /// Asks an ambassador to relay a post (`asked`), or stops asking (`!asked`).
    pub fn set_relay_asked(
        &self,
        post_id: &str,
        ambassador_id: &str,
        asked: bool,
    ) -> Result<Vec<Relay>> {
        self.db.with_tx(|tx| {
            post_and_ambassador(tx, post_id, ambassador_id)?;
            if asked {
                ambassadors::ask(tx, post_id, ambassador_id)?;
            } else {
                ambassadors::unask(tx, post_id, ambassador_id)?;
            }
            ambassadors::relays_of_post(tx, post_id)
        })
    }

    /// Records whether an ambassador relayed a post (asking them first if needed).
    pub fn set_relay_done(
        &self,
        post_id: &str,
        ambassador_id: &str,
        done: bool,
    ) -> Result<Vec<Relay>> {
        let now = self.now();
        self.db.with_tx(|tx| {
            post_and_ambassador(tx, post_id, ambassador_id)?;
            ambassadors::ask(tx, post_id, ambassador_id)?;
            ambassadors::set_done(tx, post_id, ambassador_id, done.then_some(now))?;
            ambassadors::relays_of_post(tx, post_id)
        })
    }

    /// Enters a published post's address and figures (likes, comments, shares) by hand.
    pub fn set_post_results(&self, post_id: &str, results: &Results) -> Result<PostView> {
        self.edit_post(post_id, |old| PostInput {
            results: results.clone(),
            ..input_of(old)
        })
    }
}
