//! Readable tables for the terminal.
use crate::error::Result;
use crate::model::{Channel, EventWhen, Plan, Planned, PostView, RangeView, Warning, WarningCode};
use crate::service::Cadence;
use crate::time::{iso_week_label, parse_zone};
use chrono::{Datelike, Duration, NaiveDate};
use std::io::Write;

pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}

pub fn plans(out: &mut dyn Write, cadence: &Cadence, plans: &[Plan]) -> Result<()> {
    if plans.is_empty() {
        writeln!(out, "no plans yet — `cadence demo` creates a sample one")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<36}  {:<18}  {:<6}  {:>8}  {:>10}",
        "PLAN", "ZONE", "LOCALE", "CHANNELS", "OBJECTIVES"
    )?;
    for p in plans {
        let o = cadence.plan_overview(&p.id)?;
        writeln!(
            out,
            "{:<36}  {:<18}  {:<6}  {:>8}  {:>10}",
            p.name,
            p.timezone,
            p.locale,
            o.channels.len(),
            o.objectives.len()
        )?;
    }
    Ok(())
}

fn day_label(d: NaiveDate) -> String {
    d.format("%a %d %b").to_string()
}

pub fn warning_text(w: &Warning, channels: &[Channel]) -> String {
    let channel = w
        .channel_id
        .as_deref()
        .and_then(|id| channels.iter().find(|c| c.id == id))
        .map(|c| c.name.as_str())
        .unwrap_or("?");
    match w.code {
        WarningCode::NoObjective => "no business objective".into(),
        WarningCode::NoCustomerValue => "no value for the customer".into(),
        WarningCode::NoChannel => "no channel".into(),
        WarningCode::OverChannelLimit => format!(
            "text too long for {channel}: {} characters, limit {}",
            w.length.unwrap_or(0),
            w.limit.unwrap_or(0)
        ),
        WarningCode::OutsideObjectivePeriod => "planned outside its objective's period".into(),
        WarningCode::OnPublicHoliday => format!(
            "planned on a public holiday ({})",
            w.holiday.as_deref().unwrap_or("?")
        ),
    }
}

pub fn warnings(out: &mut dyn Write, warnings: &[Warning], channels: &[Channel]) -> Result<()> {
    for w in warnings {
        writeln!(out, "  ! {}", warning_text(w, channels))?;
    }
    Ok(())
}

fn channel_names(v: &PostView, channels: &[Channel]) -> String {
    v.post
        .channels
        .iter()
        .filter_map(|pc| channels.iter().find(|c| c.id == pc.channel_id))
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn week(out: &mut dyn Write, view: &RangeView) -> Result<()> {
    let tz = parse_zone("timezone", &view.plan.timezone)?;
    let last = view.to - Duration::days(1);
    writeln!(
        out,
        "{} — week {} ({} – {} {}, {})",
        view.plan.name,
        iso_week_label(view.from),
        day_label(view.from),
        day_label(last),
        last.year(),
        view.plan.timezone
    )?;
    for e in &view.events {
        let when = match &e.when {
            EventWhen::AllDay { start, end } if start == end => day_label(*start),
            EventWhen::AllDay { start, end } => {
                format!("{} – {}", day_label(*start), day_label(*end))
            }
            EventWhen::Timed { start, end, .. } => format!(
                "{} {}–{}",
                day_label(start.with_timezone(&tz).date_naive()),
                start.with_timezone(&tz).format("%H:%M"),
                end.with_timezone(&tz).format("%H:%M")
            ),
        };
        writeln!(out, "  event: {} ({when})", e.title)?;
    }
    let mut warning_count = 0;
    let mut day = view.from;
    while day < view.to {
        writeln!(out, "\n{}", day_label(day))?;
        let mut any = false;
        for v in &view.posts {
            let (post_day, time) = match &v.post.planned {
                Some(Planned::At { at, .. }) => {
                    let local = at.with_timezone(&tz);
                    (local.date_naive(), local.format("%H:%M").to_string())
                }
                Some(Planned::Day { date }) => (*date, "all day".to_owned()),
                None => continue,
            };
            if post_day != day {
                continue;
            }
            any = true;
            writeln!(
                out,
                "  {:<7}  {:<10}  {}  [{}]",
                time,
                v.post.status.as_str(),
                v.post.title,
                channel_names(v, &view.channels)
            )?;
            warnings(out, &v.warnings, &view.channels)?;
            warning_count += v.warnings.len();
        }
        if !any {
            writeln!(out, "  (nothing planned)")?;
        }
        day += Duration::days(1);
    }
    writeln!(
        out,
        "\n{} posts, {} warnings",
        view.posts.len(),
        warning_count
    )?;
    Ok(())
}

pub fn check(
    out: &mut dyn Write,
    cadence: &Cadence,
    plan: &Plan,
    views: &[PostView],
) -> Result<()> {
    let channels = cadence.channels(&plan.id)?;
    let tz = parse_zone("timezone", &plan.timezone)?;
    let count: usize = views.iter().map(|v| v.warnings.len()).sum();
    writeln!(
        out,
        "{}: {} warnings on {} posts",
        plan.name,
        count,
        views.len()
    )?;
    for v in views {
        let when = match &v.post.planned {
            Some(Planned::At { at, .. }) => {
                at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
            }
            Some(Planned::Day { date }) => date.format("%Y-%m-%d").to_string(),
            None => "unscheduled".into(),
        };
        writeln!(out, "\n{when}  {}  ({})", v.post.title, v.post.id)?;
        warnings(out, &v.warnings, &channels)?;
    }
    Ok(())
}
