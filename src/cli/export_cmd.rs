//! `cadence export`: a plan as an .ics file, with the same filters as feeds.
use super::args::{ExportArgs, FilterArgs};
use super::{output, resolve};
use crate::error::Result;
use crate::ics::parse_alarm;
use crate::model::ExportFilter;
use crate::service::Cadence;
use std::io::Write;
use std::path::Path;

pub fn run(cadence: &Cadence, args: &ExportArgs, json: bool, out: &mut dyn Write) -> Result<()> {
    let filter = cadence.check_export_filter(&filter_of(cadence, &args.filter)?)?;
    if args.output == Path::new("-") {
        cadence.export_ics(&filter, &mut *out)?;
        return Ok(());
    }
    let summary = write_atomically(&args.output, |file| cadence.export_ics(&filter, file))?;
    if json {
        output::json(
            out,
            &serde_json::json!({
                "file": args.output.display().to_string(),
                "posts": summary.posts,
                "events": summary.events,
                "cancelled": summary.cancelled,
                "bytes": summary.bytes,
            }),
        )?;
    } else {
        writeln!(
            out,
            "wrote {} posts and {} events ({} cancelled) to {} ({} bytes)",
            summary.posts,
            summary.events,
            summary.cancelled,
            args.output.display(),
            summary.bytes
        )?;
    }
    Ok(())
}

/// Writes to `FILE.part` and renames it over `path` once complete, so a failed export never
/// leaves a half-written calendar behind.
fn write_atomically<T>(path: &Path, f: impl FnOnce(&std::fs::File) -> Result<T>) -> Result<T> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = std::path::PathBuf::from(part);
    let file = std::fs::File::create(&part)?;
    let result = f(&file).and_then(|v| {
        file.sync_all()?;
        Ok(v)
    });
    drop(file);
    match result {
        Ok(v) => {
            std::fs::rename(&part, path)?;
            Ok(v)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// The filter the arguments describe, names resolved to ids.
pub fn filter_of(cadence: &Cadence, a: &FilterArgs) -> Result<ExportFilter> {
    let plan = cadence.plan_named(&a.plan)?;
    let overview = cadence.plan_overview(&plan.id)?;
    let channel_ids = a
        .channel
        .iter()
        .map(|n| resolve::channel(&overview.channels, n).map(|c| c.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    let objective_ids = a
        .objective
        .iter()
        .map(|n| resolve::objective(&overview.objectives, n).map(|o| o.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    let event_ids = a
        .event
        .iter()
        .map(|n| resolve::event(&overview.events, n).map(|e| e.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    let statuses = a
        .status
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| resolve::status(s))
        .collect::<Result<Vec<_>>>()?;
    Ok(ExportFilter {
        plan_id: plan.id,
        channel_ids,
        objective_ids,
        event_ids,
        statuses,
        from: a.from,
        to: a.to,
        include_drafts: a.include_drafts,
        alarm_minutes: a.alarm.as_deref().map(parse_alarm).transpose()?,
        retention_days: a.retention_days,
        calendar_name: a.calendar_name.clone(),
    })
}
