//! `cadence crisis`: the crisis plan and the switch.
use super::args::CrisisCommand;
use super::output;
use crate::error::{Error, Result};
use crate::model::{CrisisAction, CrisisContact, CrisisLogEntry, HoldingStatement};
use crate::service::Cadence;
use std::io::Write;

fn entry_line(e: &CrisisLogEntry) -> String {
    let when = e.at.format("%Y-%m-%d %H:%M UTC");
    match e.action {
        CrisisAction::Hold => format!("{when}  HOLD    {} posts held — {}", e.posts, e.reason),
        CrisisAction::Resume => format!(
            "{when}  RESUME  {} posts restored, {} left as changed by hand — {}",
            e.posts, e.kept, e.reason
        ),
    }
}

pub fn run(
    cadence: &Cadence,
    command: CrisisCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        CrisisCommand::Hold { plan, reason } => {
            let plan = cadence.plan_named(&plan)?;
            let e = cadence.hold_scheduled_posts(&plan.id, &reason)?;
            if json {
                return output::json(out, &e);
            }
            writeln!(out, "{}: {}", plan.name, entry_line(&e))?;
        }
        CrisisCommand::Resume { plan, reason } => {
            let plan = cadence.plan_named(&plan)?;
            let e = cadence.resume_held_posts(&plan.id, &reason)?;
            if json {
                return output::json(out, &e);
            }
            writeln!(out, "{}: {}", plan.name, entry_line(&e))?;
        }
        CrisisCommand::Status { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let s = cadence.crisis_state(&plan.id)?;
            if json {
                return output::json(out, &s);
            }
            match &s.hold {
                Some(h) => writeln!(
                    out,
                    "{}: ON HOLD since {} — {} ({} posts held now)",
                    plan.name,
                    h.at.format("%Y-%m-%d %H:%M UTC"),
                    h.reason,
                    s.held_posts
                )?,
                None => writeln!(out, "{}: not on hold", plan.name)?,
            }
        }
        CrisisCommand::Log { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let log = cadence.crisis_log(&plan.id)?;
            if json {
                return output::json(out, &log);
            }
            if log.is_empty() {
                writeln!(out, "{}: the crisis switch was never used", plan.name)?;
            }
            for e in &log {
                writeln!(out, "{}", entry_line(e))?;
            }
        }
        CrisisCommand::Show { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let p = cadence.crisis_plan(&plan.id)?;
            if json {
                return output::json(out, &p);
            }
            writeln!(out, "Crisis plan of {}", plan.name)?;
            writeln!(out, "\nContacts")?;
            for (i, c) in p.contacts.iter().enumerate() {
                writeln!(
                    out,
                    "  {}. {} — {}  {}  {}",
                    i + 1,
                    c.name,
                    c.role,
                    c.phone,
                    c.email
                )?;
            }
            writeln!(out, "\nSteps")?;
            for (i, s) in p.steps.iter().enumerate() {
                writeln!(out, "  {}. {s}", i + 1)?;
            }
            writeln!(out, "\nHolding statements")?;
            for (i, s) in p.statements.iter().enumerate() {
                writeln!(out, "  {}. {}\n     {}", i + 1, s.title, s.body)?;
            }
        }
        CrisisCommand::AddContact {
            plan,
            name,
            role,
            phone,
            email,
        } => edit(cadence, &plan, out, |p| {
            p.contacts.push(CrisisContact {
                name,
                role,
                phone,
                email,
            });
            Ok(())
        })?,
        CrisisCommand::AddStep { plan, text } => edit(cadence, &plan, out, |p| {
            p.steps.push(text);
            Ok(())
        })?,
        CrisisCommand::AddStatement { plan, title, body } => edit(cadence, &plan, out, |p| {
            p.statements.push(HoldingStatement { title, body });
            Ok(())
        })?,
        CrisisCommand::Remove { plan, kind, number } => edit(cadence, &plan, out, |p| {
            let len = match kind.as_str() {
                "contact" => p.contacts.len(),
                "step" => p.steps.len(),
                _ => p.statements.len(),
            };
            if number == 0 || number > len {
                return Err(Error::invalid(
                    "number",
                    format!("there is no {kind} number {number} (1 to {len})"),
                ));
            }
            match kind.as_str() {
                "contact" => drop(p.contacts.remove(number - 1)),
                "step" => drop(p.steps.remove(number - 1)),
                _ => drop(p.statements.remove(number - 1)),
            }
            Ok(())
        })?,
    }
    Ok(())
}

fn edit(
    cadence: &Cadence,
    plan: &str,
    out: &mut dyn Write,
    change: impl FnOnce(&mut crate::model::CrisisPlan) -> Result<()>,
) -> Result<()> {
    let plan = cadence.plan_named(plan)?;
    let mut p = cadence.crisis_plan(&plan.id)?;
    change(&mut p)?;
    let saved = cadence.save_crisis_plan(&plan.id, &p)?;
    writeln!(
        out,
        "crisis plan of {}: {} contacts, {} steps, {} holding statements",
        plan.name,
        saved.contacts.len(),
        saved.steps.len(),
        saved.statements.len()
    )?;
    Ok(())
}
