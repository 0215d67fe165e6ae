//! The `cadence` command: the same database as the app, without a window.
mod args;
mod backup_cmd;
mod bench_cmd;
mod bench_dashboard_cmd;
mod bench_ics_cmd;
mod campaign_args;
mod campaign_cmd;
mod crisis_cmd;
mod csv_cmd;
mod dashboard_cmd;
mod export_cmd;
mod feed_cmd;
mod output;
mod resolve;
mod trash_cmd;
mod write_loop;

use crate::error::Error;
use crate::model::{PlannedInput, PostChannel, PostInput, PostStatus, Results};
use crate::service::Cadence;
use crate::time::{iso_week_label, monday_of, parse_iso_week};
use args::{AddPost, Cli, Command};
use chrono::{Duration, Local, NaiveDate, NaiveDateTime};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cadence: error [{}]: {e}", e.code());
            ExitCode::from(match e {
                Error::Io(_) | Error::Database(_) | Error::Pool(_) | Error::Migration(_) => 3,
                _ => 2,
            })
        }
    }
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

pub fn run(cli: Cli, out: &mut dyn Write) -> crate::Result<()> {
    let db_path = cli.db.clone().unwrap_or_else(crate::default_db_path);
    if let Command::Bindings { out: path } = &cli.command {
        std::fs::write(path, crate::bindings::typescript())?;
        writeln!(out, "wrote {}", path.display())?;
        return Ok(());
    }
    if let Command::Bench(args) = &cli.command {
        return bench_cmd::run(args, out);
    }
    if let Command::BenchIcs(args) = &cli.command {
        return bench_ics_cmd::run(args, out);
    }
    if let Command::BenchDashboard(args) = &cli.command {
        return bench_dashboard_cmd::run(args, out);
    }
    let cadence = Cadence::open(&db_path)?;
    match cli.command {
        Command::Path => writeln!(out, "{}", cadence.db().path().display())?,
        Command::Trash { plan, purge } => {
            trash_cmd::list(&cadence, plan.as_deref(), purge, cli.json, out)?
        }
        Command::RestoreItem { id } => trash_cmd::restore_item(&cadence, &id, cli.json, out)?,
        Command::ImportCsv {
            plan,
            file,
            create_missing,
            dry_run,
        } => {
            let a = csv_cmd::ImportCsv {
                plan: &plan,
                file: &file,
                create_missing,
                dry_run,
            };
            csv_cmd::import(&cadence, &a, cli.json, out)?
        }
        Command::ImportIcs { plan, file } => {
            csv_cmd::import_ics(&cadence, &plan, &file, cli.json, out)?
        }
        Command::ExportCsv {
            plan,
            from,
            to,
            status,
            output,
        } => csv_cmd::export(&cadence, &plan, from, to, &status, &output, out)?,
        Command::Backup(args) => backup_cmd::backup(&cadence, &args, cli.json, out)?,
        Command::Restore { file } => backup_cmd::restore(&cadence, &file, cli.json, out)?,
        Command::Demo => {
            let plan = crate::demo::create_sample(&cadence, today())?;
            writeln!(
                out,
                "created the sample plan \"{}\" around week {} in {}",
                plan.name,
                iso_week_label(today()),
                db_path.display()
            )?;
        }
        Command::Plans => {
            let plans = cadence.plans()?;
            if cli.json {
                output::json(out, &plans)?;
            } else {
                output::plans(out, &cadence, &plans)?;
            }
        }
        Command::Posts { plan, week } => {
            let plan = cadence.plan_named(&plan)?;
            let monday = match week {
                Some(w) => parse_iso_week(&w)?,
                None => monday_of(today()),
            };
            let view = cadence.range(&plan.id, monday, monday + Duration::days(7))?;
            if cli.json {
                output::json(out, &view)?;
            } else {
                output::week(out, &view)?;
            }
        }
        Command::AddPost(args) => {
            let input = add_post_input(&cadence, &args)?;
            let view = cadence.create_post(&input)?;
            if cli.json {
                output::json(out, &view)?;
            } else {
                let plan = cadence.plan(&view.post.plan_id)?;
                let channels = cadence.channels(&plan.id)?;
                writeln!(out, "created post {} \"{}\"", view.post.id, view.post.title)?;
                output::warnings(out, &view.warnings, &channels)?;
            }
        }
        Command::Check { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let views = cadence.check(&plan.id)?;
            if cli.json {
                output::json(out, &views)?;
            } else {
                output::check(out, &cadence, &plan, &views)?;
            }
        }
        Command::WriteLoop { plan, count } => write_loop::run(&cadence, &plan, count, out)?,
        Command::Export(args) => export_cmd::run(&cadence, &args, cli.json, out)?,
        Command::Feed { command } => feed_cmd::run(&cadence, command, cli.json, out)?,
        Command::Templates { plan } => {
            campaign_cmd::templates(&cadence, plan.as_deref(), cli.json, out)?
        }
        Command::Template { command } => campaign_cmd::template(&cadence, command, cli.json, out)?,
        Command::Campaign { command } => campaign_cmd::campaign(&cadence, command, cli.json, out)?,
        Command::MoveEvent(args) => campaign_cmd::move_event(&cadence, &args, cli.json, out)?,
        Command::Slots { command } => campaign_cmd::slots(&cadence, command, cli.json, out)?,
        Command::Holidays(args) => campaign_cmd::holidays(&cadence, &args, cli.json, out)?,
        Command::Dashboard(args) => dashboard_cmd::dashboard(&cadence, &args, cli.json, out)?,
        Command::Results { command } => dashboard_cmd::results(&cadence, command, cli.json, out)?,
        Command::Ambassadors { command } => {
            dashboard_cmd::ambassadors(&cadence, command, cli.json, out)?
        }
        Command::Crisis { command } => crisis_cmd::run(&cadence, command, cli.json, out)?,
        Command::Bindings { .. }
        | Command::Bench(_)
        | Command::BenchIcs(_)
        | Command::BenchDashboard(_) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

fn add_post_input(cadence: &Cadence, a: &AddPost) -> crate::Result<PostInput> {
    let plan = cadence.plan_named(&a.plan)?;
    let overview = cadence.plan_overview(&plan.id)?;
    let channels = a
        .channel
        .iter()
        .map(|name| {
            resolve::channel(&overview.channels, name).map(|c| PostChannel {
                channel_id: c.id.clone(),
                variant: None,
            })
        })
        .collect::<crate::Result<Vec<_>>>()?;
    let objective_id = match &a.objective {
        Some(o) => Some(resolve::objective(&overview.objectives, o)?.id.clone()),
        None => None,
    };
    let event_id = match &a.event {
        Some(e) => Some(resolve::event(&overview.events, e)?.id.clone()),
        None => None,
    };
    let planned = match (&a.at, a.date) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid(
                "planned",
                "give either --at or --date, not both",
            ))
        }
        (Some(at), None) => Some(PlannedInput::At {
            local: parse_local(at)?,
            timezone: a.zone.clone().unwrap_or_else(|| plan.timezone.clone()),
        }),
        (None, Some(date)) => Some(PlannedInput::Day { date }),
        (None, None) => None,
    };
    let status = match &a.status {
        Some(s) => resolve::status(s)?,
        None => PostStatus::Draft,
    };
    Ok(PostInput {
        plan_id: plan.id,
        title: a.title.clone(),
        body: a.body.clone().unwrap_or_default(),
        channels,
        objective_id,
        customer_value: a.value.clone().unwrap_or_default(),
        status,
        planned,
        duration_minutes: a.duration,
        event_id,
        assignee: a.assignee.clone().unwrap_or_default(),
        tags: a.tag.clone(),
        links: a.link.clone(),
        notes: String::new(),
        results: Results::default(),
    })
}

fn parse_local(text: &str) -> crate::Result<NaiveDateTime> {
    let t = text.trim();
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .ok_or_else(|| {
        Error::invalid(
            "planned",
            format!("\"{t}\" is not a time like 2026-12-03 10:00"),
        )
    })
}
