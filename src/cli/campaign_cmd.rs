//! `cadence templates`, `template`, `campaign`, `move-event`, `slots` and `holidays`.
use super::campaign_args::{
    CampaignCommand, HolidaysArgs, MoveEventArgs, SlotCommand, TemplateCommand,
};
use super::{output, resolve};
use crate::campaigns::offset_label;
use crate::error::{Error, Result};
use crate::model::{
    CampaignPreview, CampaignRequest, CampaignTemplate, Channel, EventMoveInput, HolidayKind,
    HolidayRegion, Platform, SlotInput, TemplateInput, TemplateStep,
};
use crate::service::Cadence;
use chrono::{Datelike, Duration, Local, NaiveDate, NaiveTime, Utc};
use std::io::Write;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

pub fn templates(
    cadence: &Cadence,
    plan: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let list = match plan {
        Some(p) => cadence.templates_for_plan(&cadence.plan_named(p)?.id)?,
        None => cadence.templates(None)?,
    };
    if json {
        return output::json(out, &list);
    }
    for t in &list {
        let origin = if t.builtin { "built-in" } else { "yours" };
        writeln!(out, "{}  ({origin}, {})", t.name, t.id)?;
        for s in &t.steps {
            writeln!(
                out,
                "  {:<5} {:<5}  {:<12}  {}",
                offset_label(s.offset_days),
                s.time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_else(|| "—".into()),
                s.platform.map(Platform::label).unwrap_or("all channels"),
                s.title
            )?;
        }
    }
    Ok(())
}

/// "J-7 10:00 instagram Teasing", "-7 all Teasing", "J+1 Merci".
pub fn parse_step(text: &str, status: crate::model::PostStatus) -> Result<TemplateStep> {
    let bad = || {
        Error::invalid(
            "steps",
            format!("\"{text}\" is not a step like \"J-7 10:00 instagram Teasing\""),
        )
    };
    let mut words = text.split_whitespace().peekable();
    let first = words.next().ok_or_else(bad)?;
    let offset = first.trim_start_matches(['J', 'j', 'D', 'd']);
    let offset_days: i32 = if offset.is_empty() {
        0
    } else {
        offset.trim_start_matches('+').parse().map_err(|_| bad())?
    };
    let time = match words
        .peek()
        .and_then(|w| NaiveTime::parse_from_str(w, "%H:%M").ok())
    {
        Some(t) => {
            words.next();
            Some(t)
        }
        None => None,
    };
    let platform = match words.peek().copied() {
        Some(w) if ["all", "*", "tous", "toutes"].contains(&w.to_lowercase().as_str()) => {
            words.next();
            None
        }
        Some(w) => match Platform::parse(w) {
            Some(p) => {
                words.next();
                Some(p)
            }
            None => None,
        },
        None => None,
    };
    let title = words.collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(bad());
    }
    Ok(TemplateStep {
        offset_days,
        time,
        platform,
        title,
        status,
    })
}

fn find_template(
    cadence: &Cadence,
    wanted: &str,
    plan_locale: Option<&str>,
) -> Result<CampaignTemplate> {
    let all = cadence.templates(plan_locale)?;
    let w = wanted.trim().to_lowercase();
    all.iter()
        .find(|t| t.id == wanted.trim())
        .or_else(|| all.iter().find(|t| t.name.to_lowercase() == w))
        .or_else(|| {
            // A built-in key like "product_launch" or "open-day".
            let key = w.replace(['-', ' '], "_");
            all.iter()
                .find(|t| t.builtin && t.id.contains(&format!(":{key}:")))
        })
        .cloned()
        .ok_or_else(|| Error::NotFound {
            entity: "template",
            id: wanted.to_owned(),
        })
}

pub fn template(
    cadence: &Cadence,
    command: TemplateCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let t = match command {
        TemplateCommand::Add {
            name,
            description,
            step,
            status,
        } => {
            let status = resolve::status(&status)?;
            let steps = step
                .iter()
                .map(|s| parse_step(s, status))
                .collect::<Result<Vec<_>>>()?;
            let t = cadence.create_template(&TemplateInput {
                name,
                description: description.unwrap_or_default(),
                steps,
            })?;
            if !json {
                writeln!(
                    out,
                    "created template \"{}\" ({}) with {} steps",
                    t.name,
                    t.id,
                    t.steps.len()
                )?;
            }
            t
        }
        TemplateCommand::Copy { template, name } => {
            let from = find_template(cadence, &template, None)?;
            let t = cadence.create_template(&TemplateInput {
                name,
                description: from.description.clone(),
                steps: from.steps.clone(),
            })?;
            if !json {
                writeln!(out, "copied \"{}\" to \"{}\" ({})", from.name, t.name, t.id)?;
            }
            t
        }
        TemplateCommand::Remove { template } => {
            let t = find_template(cadence, &template, None)?;
            let t = cadence.delete_template(&t.id)?;
            if !json {
                writeln!(out, "removed template \"{}\"", t.name)?;
            }
            t
        }
    };
    if json {
        output::json(out, &t)?;
    }
    Ok(())
}

fn channel_names(ids: &[String], channels: &[Channel]) -> String {
    ids.iter()
        .filter_map(|id| channels.iter().find(|c| &c.id == id))
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn campaign(
    cadence: &Cadence,
    command: CampaignCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let CampaignCommand::Apply {
        plan,
        event,
        template,
        channel,
        preview,
    } = command;
    let plan = cadence.plan_named(&plan)?;
    let overview = cadence.plan_overview(&plan.id)?;
    let event = resolve::event(&overview.events, &event)?;
    let template = find_template(cadence, &template, Some(&plan.locale))?;
    let channel_ids = if channel.is_empty() {
        None
    } else {
        Some(
            channel
                .iter()
                .map(|c| resolve::channel(&overview.channels, c).map(|c| c.id.clone()))
                .collect::<Result<Vec<_>>>()?,
        )
    };
    let request = CampaignRequest {
        event_id: event.id.clone(),
        template_id: template.id.clone(),
        channel_ids,
    };
    let result = if preview {
        cadence.preview_campaign(&request)?
    } else {
        cadence.apply_campaign(&request)?
    };
    if json {
        return output::json(out, &result);
    }
    print_campaign(out, &result, &overview.channels, preview)
}

fn print_campaign(
    out: &mut dyn Write,
    r: &CampaignPreview,
    channels: &[Channel],
    preview: bool,
) -> Result<()> {
    writeln!(
        out,
        "{} \"{}\" → \"{}\"",
        if preview { "preview of" } else { "applied" },
        r.template.name,
        r.event.title
    )?;
    for p in &r.posts {
        let when = match p.local {
            Some(l) => l.format("%a %Y-%m-%d %H:%M").to_string(),
            None => p.date.format("%a %Y-%m-%d  all day").to_string(),
        };
        let note = match (p.already_exists, p.shifted_by_dst) {
            (true, _) => "  (already planned: not created again)",
            (false, true) => "  (moved forward: clocks change that night)",
            _ => "",
        };
        writeln!(
            out,
            "  {:<5} {}  {}  [{}]{note}",
            offset_label(p.offset_days),
            when,
            p.title,
            channel_names(&p.channel_ids, channels)
        )?;
    }
    for s in &r.skipped {
        writeln!(
            out,
            "  skipped: \"{}\" — no {} channel chosen in this plan",
            s.title,
            s.platform.map(Platform::label).unwrap_or("")
        )?;
    }
    let new = r.posts.iter().filter(|p| !p.already_exists).count();
    if preview {
        writeln!(out, "{new} posts would be created (nothing written)")?;
    } else {
        writeln!(out, "{} posts created", r.created.len())?;
    }
    Ok(())
}

pub fn move_event(
    cadence: &Cadence,
    a: &MoveEventArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let plan = cadence.plan_named(&a.plan)?;
    let overview = cadence.plan_overview(&plan.id)?;
    let event = resolve::event(&overview.events, &a.event)?;
    let moved = cadence.move_event(&EventMoveInput {
        event_id: event.id.clone(),
        new_start: a.to,
        move_posts: a.with_posts,
    })?;
    if json {
        return output::json(out, &moved);
    }
    writeln!(
        out,
        "moved \"{}\" by {} days to {}; {} linked posts moved, {} left in place",
        moved.event.title,
        moved.days,
        a.to,
        moved.moved.len(),
        moved.kept
    )?;
    Ok(())
}

fn parse_time(text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| Error::invalid("time", format!("\"{text}\" is not a time like 10:00")))
}

pub fn slots(
    cadence: &Cadence,
    command: SlotCommand,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        SlotCommand::List { plan } => {
            let plan = cadence.plan_named(&plan)?;
            let channels = cadence.channels(&plan.id)?;
            let list = cadence.slots(&plan.id)?;
            if json {
                return output::json(out, &list);
            }
            if list.is_empty() {
                writeln!(out, "no slots — `cadence slots add` creates one")?;
            }
            for s in &list {
                writeln!(
                    out,
                    "{}  {:<24}  {}  {}  from {}{}{}",
                    s.id,
                    channel_names(std::slice::from_ref(&s.channel_id), &channels),
                    s.time.format("%H:%M"),
                    s.rule,
                    s.start,
                    s.until.map(|u| format!(" until {u}")).unwrap_or_default(),
                    if s.skipped.is_empty() {
                        String::new()
                    } else {
                        format!(", {} days skipped", s.skipped.len())
                    }
                )?;
            }
        }
        SlotCommand::Add {
            plan,
            channel,
            rule,
            time,
            start,
            until,
            skip,
            label,
        } => {
            let plan = cadence.plan_named(&plan)?;
            let channels = cadence.channels(&plan.id)?;
            let channel = resolve::channel(&channels, &channel)?;
            let slot = cadence.create_slot(&SlotInput {
                channel_id: channel.id.clone(),
                rule,
                time: parse_time(&time)?,
                start: start.unwrap_or_else(today),
                until,
                skipped: skip,
                label,
            })?;
            if json {
                return output::json(out, &slot);
            }
            writeln!(
                out,
                "created slot {} on {}: {} at {}",
                slot.id,
                channel.name,
                slot.rule,
                slot.time.format("%H:%M")
            )?;
        }
        SlotCommand::Remove { id } => {
            let slot = cadence.delete_slot(&id)?;
            if json {
                return output::json(out, &slot);
            }
            writeln!(out, "removed slot {}", slot.id)?;
        }
        SlotCommand::Skip { id, date } => {
            let slot = cadence.skip_slot_day(&id, date)?;
            if json {
                return output::json(out, &slot);
            }
            writeln!(out, "slot {} skips {date}", slot.id)?;
        }
        SlotCommand::Open { plan, from, to } => {
            let plan = cadence.plan_named(&plan)?;
            let channels = cadence.channels(&plan.id)?;
            let from = from.unwrap_or_else(today);
            let to = to.unwrap_or(from + Duration::days(13));
            let open = cadence.open_slots(&plan.id, from, to + Duration::days(1))?;
            if json {
                return output::json(out, &open);
            }
            for o in &open {
                writeln!(
                    out,
                    "{}  {}  (slot {})",
                    o.local.format("%a %Y-%m-%d %H:%M"),
                    channel_names(std::slice::from_ref(&o.channel_id), &channels),
                    o.slot_id
                )?;
            }
            writeln!(out, "{} open slots from {from} to {to}", open.len())?;
        }
        SlotCommand::Next {
            plan,
            channel,
            after,
        } => {
            let plan = cadence.plan_named(&plan)?;
            let channels = cadence.channels(&plan.id)?;
            let channel = resolve::channel(&channels, &channel)?;
            let after = match after {
                Some(a) => crate::time::to_utc("after", super::parse_local(&a)?, &plan.timezone)?,
                None => Utc::now(),
            };
            let next = cadence.next_free_slot(&channel.id, after)?;
            if json {
                return output::json(out, &next);
            }
            match next {
                Some(o) => writeln!(
                    out,
                    "next free slot on {}: {} ({}), slot {}",
                    channel.name,
                    o.local.format("%a %Y-%m-%d %H:%M"),
                    o.timezone,
                    o.slot_id
                )?,
                None => writeln!(
                    out,
                    "no free slot on {} in the next {} days",
                    channel.name,
                    crate::service::NEXT_SLOT_HORIZON_DAYS
                )?,
            }
        }
        SlotCommand::Fill { id, date, title } => {
            let view = cadence.fill_slot(&id, date, &title)?;
            if json {
                return output::json(out, &view);
            }
            writeln!(out, "created post {} \"{}\"", view.post.id, view.post.title)?;
        }
    }
    Ok(())
}

pub fn holidays(
    cadence: &Cadence,
    a: &HolidaysArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let year = a.year.unwrap_or_else(|| today().year());
    let (region, list) = match &a.plan {
        Some(name) => {
            let plan = cadence.plan_named(name)?;
            if let Some(set) = &a.set {
                let region = HolidayRegion::parse(set).ok_or_else(|| {
                    Error::invalid("region", format!("\"{set}\" is not fr, ca-qc or none"))
                })?;
                cadence.set_holiday_region(&plan.id, region)?;
            }
            let from = NaiveDate::from_ymd_opt(year, 1, 1)
                .ok_or_else(|| Error::invalid("year", "out of range"))?;
            let to = NaiveDate::from_ymd_opt(year + 1, 1, 1)
                .ok_or_else(|| Error::invalid("year", "out of range"))?;
            (
                cadence.holiday_region(&plan.id)?,
                cadence.holidays(&plan.id, from, to)?,
            )
        }
        None => {
            let text = a.region.as_deref().unwrap_or_default();
            let region = HolidayRegion::parse(text).ok_or_else(|| {
                Error::invalid("region", format!("\"{text}\" is not fr, ca-qc or none"))
            })?;
            if !crate::holidays::YEARS.contains(&year) {
                return Err(Error::invalid("year", "a year from 1900 to 2200"));
            }
            (region, crate::holidays::of_year(region, year, !a.english))
        }
    };
    let list: Vec<_> = list
        .into_iter()
        .filter(|h| !a.public_only || h.kind != HolidayKind::KeyDate)
        .collect();
    if json {
        return output::json(out, &list);
    }
    writeln!(out, "{year} — {}", region.as_str())?;
    for h in &list {
        let kind = match h.kind {
            HolidayKind::Public => "public holiday",
            HolidayKind::Observed => "day off",
            HolidayKind::KeyDate => "key date",
        };
        writeln!(
            out,
            "  {}  {:<14}  {}",
            h.date.format("%a %Y-%m-%d"),
            kind,
            h.name
        )?;
    }
    Ok(())
}
