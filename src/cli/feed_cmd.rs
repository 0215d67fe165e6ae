//! `cadence feed …`: publish, list, revoke, regenerate and serve calendar feeds.
use super::args::FeedCommand;
use super::export_cmd::filter_of;
use super::output;
use crate::error::Result;
use crate::feed::{self, ServeOptions};
use crate::model::{Feed, FeedInput};
use crate::service::Cadence;
use std::io::Write;

pub fn run(cadence: &Cadence, command: FeedCommand, json: bool, out: &mut dyn Write) -> Result<()> {
    match command {
        FeedCommand::Create { filter, name, port } => {
            let filter = filter_of(cadence, &filter)?;
            let name = match name {
                Some(n) => n,
                None => cadence.plan(&filter.plan_id)?.name,
            };
            let feed = cadence.create_feed(&FeedInput { name, filter })?;
            show(out, json, "created feed", &feed, "127.0.0.1", port)?;
        }
        FeedCommand::List { plan, port, host } => {
            let plan = cadence.plan_named(&plan)?;
            let feeds = cadence.list_feeds(&plan.id)?;
            if json {
                let rows: Vec<_> = feeds
                    .iter()
                    .map(|f| serde_json::json!({ "feed": f, "urls": f.urls(&host, port) }))
                    .collect();
                output::json(out, &rows)?;
            } else if feeds.is_empty() {
                writeln!(
                    out,
                    "no feeds for \"{}\" — `cadence feed create --plan …` publishes one",
                    plan.name
                )?;
            } else {
                for f in &feeds {
                    let state = if f.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "published"
                    };
                    let urls = f.urls(&host, port);
                    writeln!(out, "{}  {}  ({state})", f.id, f.name)?;
                    writeln!(out, "  {}", urls.http)?;
                    writeln!(out, "  {}", urls.webcal)?;
                }
            }
        }
        FeedCommand::Revoke { id } => {
            let feed = cadence.revoke_feed(&id)?;
            if json {
                output::json(out, &feed)?;
            } else {
                writeln!(
                    out,
                    "revoked feed {} \"{}\": its URL now answers 404",
                    feed.id, feed.name
                )?;
            }
        }
        FeedCommand::Regenerate { id, port } => {
            let feed = cadence.regenerate_feed_token(&id)?;
            show(out, json, "new URL for feed", &feed, "127.0.0.1", port)?;
        }
        FeedCommand::Serve { port, bind, lan } => {
            let server = feed::serve(
                cadence,
                &ServeOptions {
                    bind,
                    port,
                    allow_lan: lan,
                    ..ServeOptions::default()
                },
            )?;
            let addr = server.addr();
            writeln!(
                out,
                "serving calendar feeds on http://{addr}/feeds/<token>.ics (Ctrl-C to stop)"
            )?;
            for plan in cadence.plans()? {
                for f in cadence.list_feeds(&plan.id)? {
                    if f.revoked_at.is_none() {
                        writeln!(out, "  {}: {}", f.name, server.urls(&f).webcal)?;
                    }
                }
            }
            out.flush()?;
            server.wait()?;
        }
    }
    Ok(())
}

fn show(
    out: &mut dyn Write,
    json: bool,
    what: &str,
    feed: &Feed,
    host: &str,
    port: u16,
) -> Result<()> {
    let urls = feed.urls(host, port);
    if json {
        return output::json(out, &serde_json::json!({ "feed": feed, "urls": urls }));
    }
    writeln!(out, "{what} {} \"{}\"", feed.id, feed.name)?;
    writeln!(out, "  {}", urls.http)?;
    writeln!(out, "  {}", urls.webcal)?;
    Ok(())
}
