//! `cadence dashboard`, `cadence results`, `cadence ambassadors`.
use super::args::{AmbassadorsCommand, DashboardArgs, ResultsCommand};
use super::output;
use crate::error::{Error, Result};
use crate::model::{Ambassador, AmbassadorInput, Dashboard, PostRef, ResultTotals, Results};
use crate::service::{dashboard_to_csv, Cadence};
use crate::time::iso_week_label;
use chrono::Duration;
use std::io::Write;
use std::path::Path;

pub fn dashboard(
    cadence: &Cadence,
    a: &DashboardArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let plan = cadence.plan_named(&a.plan)?;
    let d = cadence.dashboard(&plan.id, a.period.text())?;
    if let Some(path) = &a.csv {
        let csv = dashboard_to_csv(&d, &plan.locale)?;
        if path == Path::new("-") {
            out.write_all(csv.as_bytes())?;
            return Ok(());
        }
        std::fs::write(path, csv)?;
        writeln!(
            out,
            "wrote the dashboard of {} to {}",
            d.period,
            path.display()
        )?;
    }
    if json {
        return output::json(out, &d);
    }
    print(out, &plan.name, &d)
}

fn totals(r: &ResultTotals) -> String {
    format!(
        "{} published ({} measured): {} likes, {} comments, {} shares",
        r.published, r.measured, r.likes, r.comments, r.shares
    )
}

fn posts_list(out: &mut dyn Write, title: &str, list: &[PostRef]) -> Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title} ({})", list.len())?;
    for p in list {
        writeln!(out, "  {}  {}  ({})", p.day, p.title, p.post_id)?;
    }
    Ok(())
}

fn print(out: &mut dyn Write, plan: &str, d: &Dashboard) -> Result<()> {
    let last = d.to - Duration::days(1);
    writeln!(
        out,
        "{plan} — {} ({} – {}): {} posts",
        d.period, d.from, last, d.posts
    )?;
    writeln!(
        out,
        "\n{:<32} {:>6} {:>7} {:>7}",
        "OBJECTIVE", "POSTS", "SHARE", "TARGET"
    )?;
    for o in &d.objectives {
        writeln!(
            out,
            "{:<32} {:>6} {:>6.1}% {:>6}%",
            o.title, o.posts, o.share, o.target_share
        )?;
    }
    let share = if d.posts > 0 {
        f64::from(d.without_objective) * 100.0 / f64::from(d.posts)
    } else {
        0.0
    };
    writeln!(
        out,
        "{:<32} {:>6} {:>6.1}%",
        "(no objective)", d.without_objective, share
    )?;
    writeln!(
        out,
        "\n{:<32} {:>6} {:>7} {:>7}",
        "CHANNEL", "POSTS", "TARGET", "WEEKLY"
    )?;
    for c in &d.channels {
        let mark = if f64::from(c.posts) + 0.5 < c.target {
            "  below"
        } else {
            ""
        };
        writeln!(
            out,
            "{:<32} {:>6} {:>7.1} {:>7}{mark}",
            c.name, c.posts, c.target, c.weekly_target
        )?;
    }
    writeln!(out, "\nResults: {}", totals(&d.results))?;
    for o in d.objectives.iter().filter(|o| o.results.published > 0) {
        writeln!(out, "  {}: {}", o.title, totals(&o.results))?;
    }
    for c in d.channels.iter().filter(|c| c.results.published > 0) {
        writeln!(out, "  {}: {}", c.name, totals(&c.results))?;
    }
    if !d.empty_days.is_empty() {
        let days: Vec<String> = d.empty_days.iter().map(|x| x.to_string()).collect();
        writeln!(
            out,
            "\nDays with nothing planned ({}): {}",
            days.len(),
            days.join(", ")
        )?;
    }
    posts_list(out, "Posts without objective", &d.missing_objective)?;
    posts_list(out, "Posts without customer value", &d.missing_value)?;
    if !d.over_limit.is_empty() {
        writeln!(out, "\nPosts over a channel limit ({})", d.over_limit.len())?;
        for o in &d.over_limit {
            let channel = d
                .channels
                .iter()
                .find(|c| c.channel_id == o.channel_id)
                .map_or("?", |c| c.name.as_str());
            writeln!(
                out,
                "  {}  {}  {channel}: {}/{} characters  ({})",
                o.post.day, o.post.title, o.length, o.limit, o.post.post_id
            )?;
        }
    }
    writeln!(out, "\nChannel cadence, last {} weeks", d.history.len())?;
    write!(out, "{:<10}", "WEEK")?;
    for c in &d.channels {
        write!(out, " {:>12.12}", c.name)?;
    }
    writeln!(out)?;
    for w in &d.history {
        write!(out, "{:<10}", iso_week_label(w.monday))?;
        for n in &w.posts {
            write!(out, " {n:>12}")?;
        }
        writeln!(out)?;
    }
    participation(out, d)
}

fn participation(out: &mut dyn Write, d: &Dashboard) -> Result<()> {
    if d.ambassadors.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{:<32} {:>7} {:>6}",
        "AMBASSADOR", "RELAYED", "ASKED"
    )?;
    for a in &d.ambassadors {
        writeln!(out, "{:<32} {:>7} {:>6}", a.name, a.relayed, a.asked)?;
    }
    Ok(())
}

pub fn results(
    cadence: &Cadence,
    command: ResultsCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let ResultsCommand::Set {
        post,
        url,
        likes,
        comments,
        shares,
        clear,
    } = command;
    let old = cadence.post(&post)?.post.results;
    let results = if clear {
        Results::default()
    } else {
        Results {
            url: url.or(old.url),
            likes: likes.or(old.likes),
            comments: comments.or(old.comments),
            shares: shares.or(old.shares),
        }
    };
    let view = cadence.set_post_results(&post, &results)?;
    if json {
        return output::json(out, &view);
    }
    let r = &view.post.results;
    let n = |v: Option<u32>| v.map_or("-".to_owned(), |v| v.to_string());
    writeln!(
        out,
        "\"{}\": {} likes, {} comments, {} shares{}",
        view.post.title,
        n(r.likes),
        n(r.comments),
        n(r.shares),
        r.url
            .as_deref()
            .map(|u| format!(" — {u}"))
            .unwrap_or_default()
    )?;
    Ok(())
}

fn named<'a>(list: &'a [Ambassador], name: &str) -> Result<&'a Ambassador> {
    let w = name.trim().to_lowercase();
    list.iter()
        .find(|a| a.name.to_lowercase() == w)
        .ok_or_else(|| Error::NotFound {
            entity: "ambassador",
            id: name.to_owned(),
        })
}

pub fn ambassadors(
    cadence: &Cadence,
    command: AmbassadorsCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        AmbassadorsCommand::List { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let list = cadence.ambassadors(&plan.id)?;
            if json {
                return output::json(out, &list);
            }
            if list.is_empty() {
                writeln!(out, "no ambassadors in \"{}\" yet", plan.name)?;
            }
            for a in list {
                writeln!(out, "{:<32} {}", a.name, a.email)?;
            }
        }
        AmbassadorsCommand::Add { plan, name, email } => {
            let plan = cadence.plan_named(&plan)?;
            let a = cadence.create_ambassador(&AmbassadorInput {
                plan_id: plan.id,
                name,
                email: email.unwrap_or_default(),
            })?;
            if json {
                return output::json(out, &a);
            }
            writeln!(out, "added ambassador {} ({})", a.name, a.id)?;
        }
        AmbassadorsCommand::Remove { plan, name } => {
            let plan = cadence.plan_named(&plan)?;
            let list = cadence.ambassadors(&plan.id)?;
            let a = cadence.delete_ambassador(&named(&list, &name)?.id)?;
            writeln!(out, "removed ambassador {}", a.name)?;
        }
        AmbassadorsCommand::Ask { post, name } => {
            let plan_id = cadence.post(&post)?.post.plan_id;
            let list = cadence.ambassadors(&plan_id)?;
            let mut relays = Vec::new();
            for n in &name {
                relays = cadence.set_relay_asked(&post, &named(&list, n)?.id, true)?;
            }
            relay_list(out, &relays, json)?;
        }
        AmbassadorsCommand::Done { post, name, undo } => {
            let plan_id = cadence.post(&post)?.post.plan_id;
            let list = cadence.ambassadors(&plan_id)?;
            let relays = cadence.set_relay_done(&post, &named(&list, &name)?.id, !undo)?;
            relay_list(out, &relays, json)?;
        }
        AmbassadorsCommand::Relays { post } => {
            let relays = cadence.relays(&post)?;
            relay_list(out, &relays, json)?;
        }
        AmbassadorsCommand::Participation { plan, period } => {
            let plan = cadence.plan_named(&plan)?;
            let d = cadence.dashboard(&plan.id, period.text())?;
            if json {
                return output::json(out, &d.ambassadors);
            }
            writeln!(out, "{} — {}", plan.name, d.period)?;
            participation(out, &d)?;
        }
    }
    Ok(())
}

fn relay_list(out: &mut dyn Write, relays: &[crate::model::Relay], json: bool) -> Result<()> {
    if json {
        return output::json(out, &relays);
    }
    for r in relays {
        let done = r.done_at.map_or("not yet".to_owned(), |t| {
            format!("relayed {}", t.format("%Y-%m-%d %H:%M UTC"))
        });
        writeln!(out, "{:<32} {done}", r.name)?;
    }
    Ok(())
}
