//! `cadence bench-ics`: times the .ics export of one generated plan, next to writing a plain
//! file of the same size; optionally leaves the data as JSON (for the Python comparison in
//! `scripts/bench-ics.sh`) and a published feed (for the load generator).
use super::args::BenchIcsArgs;
use crate::bench::generate;
use crate::error::{Error, Result};
use crate::ics::writer::BUFFER_BYTES;
use crate::ics::{css_color_name, post_uid};
use crate::model::{ExportFilter, FeedInput, PostStatus};
use crate::queries::post_export::{self, ExportPlanned};
use crate::queries::{channels, objectives};
use crate::service::Cadence;
use chrono::{Duration, Utc};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

pub fn run(args: &BenchIcsArgs, out: &mut dyn Write) -> Result<()> {
    let (dir, temporary) = match &args.dir {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("cadence-bench-ics-{}", std::process::id())),
            true,
        ),
    };
    std::fs::create_dir_all(&dir)?;
    let result = measure(args, &dir, out);
    if temporary {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn measure(args: &BenchIcsArgs, dir: &Path, out: &mut dyn Write) -> Result<()> {
    let db = dir.join("bench.db");
    if db.exists() {
        return Err(Error::invalid(
            "dir",
            format!("{} already exists", db.display()),
        ));
    }
    let cadence = Cadence::open(&db)?;
    let t = Instant::now();
    let plans = generate(&cadence, 1, args.posts, args.years)?;
    writeln!(
        out,
        "generated {} posts in one plan over {} years in {:.1} s ({})",
        args.posts,
        args.years,
        t.elapsed().as_secs_f64(),
        db.display()
    )?;
    let filter = ExportFilter {
        include_drafts: true,
        ..ExportFilter::for_plan(&plans[0])
    };
    let ics = dir.join("export.ics");
    let now = Utc::now();
    // One warm-up run: the first pays for reading the database file into the page cache.
    let mut summary = cadence.export_ics_at(&filter, now, std::fs::File::create(&ics)?)?;
    let mut export_ms = Vec::new();
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        summary = cadence.export_ics_at(&filter, now, std::fs::File::create(&ics)?)?;
        export_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let export = median(export_ms.clone());

    // The floor: the same number of bytes written to a file in the same directory, through a
    // buffer of the size the export writes in ([`BUFFER_BYTES`]), with no fsync (as the export).
    let plain = dir.join("plain.bin");
    let chunk = vec![b'x'; 1024];
    let mut plain_ms = Vec::new();
    // Like the export's file, the plain file exists (full size) before each timed run.
    std::fs::write(&plain, vec![b'x'; summary.bytes as usize])?;
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        let mut w = BufWriter::with_capacity(BUFFER_BYTES, std::fs::File::create(&plain)?);
        let mut left = summary.bytes as usize;
        while left > 0 {
            let n = left.min(chunk.len());
            w.write_all(&chunk[..n])?;
            left -= n;
        }
        w.flush()?;
        drop(w);
        plain_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let plain_median = median(plain_ms);
    let _ = std::fs::remove_file(&plain);

    writeln!(
        out,
        "export: {} VEVENTs ({} cancelled), {} bytes to {}",
        summary.posts + summary.events,
        summary.cancelled,
        summary.bytes,
        ics.display()
    )?;
    writeln!(
        out,
        "export_ms_median={export:.1} export_ms_min={:.1} runs={}",
        export_ms.iter().copied().fold(f64::INFINITY, f64::min),
        export_ms.len()
    )?;
    writeln!(out, "plain_write_ms_median={plain_median:.1}")?;
    writeln!(out, "export_bytes={}", summary.bytes)?;
    writeln!(
        out,
        "ratio_export_to_plain_write={:.2}",
        export / plain_median.max(1e-6)
    )?;
    if args.json {
        let path = dir.join("data.json");
        write_json(&cadence, &filter, now, &path)?;
        writeln!(out, "data_json={}", path.display())?;
    }
    if args.feed {
        let feed = cadence.create_feed(&FeedInput {
            name: "Bench".into(),
            filter: filter.clone(),
        })?;
        writeln!(out, "feed_path={}", feed.path())?;
    }
    if let Some(max) = args.max_median_ms {
        if export > max {
            return Err(Error::invalid(
                "max-median-ms",
                format!("median export {export:.1} ms is over the {max} ms budget"),
            ));
        }
        writeln!(out, "within budget: median {export:.1} ms <= {max} ms")?;
    }
    Ok(())
}

/// The rows of the export, as plain JSON: what a Python script needs to build the same calendar.
fn write_json(
    cadence: &Cadence,
    filter: &ExportFilter,
    now: chrono::DateTime<Utc>,
    path: &Path,
) -> Result<()> {
    let cutoff = crate::ics::retention_cutoff(now, filter.retention_days());
    cadence.db().read(|c| {
        let plan =
            crate::queries::plans::get(c, &filter.plan_id)?.ok_or_else(|| Error::NotFound {
                entity: "plan",
                id: filter.plan_id.clone(),
            })?;
        let chans = channels::list_for_plan(c, &plan.id)?;
        let channel_ids: Vec<&str> = chans.iter().map(|ch| ch.id.as_str()).collect();
        let objs: HashMap<String, _> = objectives::list_for_plan(c, &plan.id)?
            .into_iter()
            .map(|o| (o.id.clone(), o))
            .collect();
        let posts = post_export::list_for_export(c, &plan.id, cutoff, &channel_ids)?;
        let rows: Vec<serde_json::Value> = posts
            .iter()
            .map(|p| {
                let (start, end, all_day) = match p.planned {
                    ExportPlanned::At(at) => (
                        at.to_rfc3339(),
                        (at + Duration::minutes(
                            p.duration_minutes
                                .unwrap_or(crate::ics::DEFAULT_POST_MINUTES),
                        ))
                        .to_rfc3339(),
                        false,
                    ),
                    ExportPlanned::Day(date) => (
                        date.to_string(),
                        date.succ_opt().unwrap_or(date).to_string(),
                        true,
                    ),
                };
                let channels: Vec<&str> = p
                    .channels
                    .iter()
                    .filter_map(|&i| chans.get(usize::from(i)).map(|ch| ch.name.as_str()))
                    .collect();
                let objective = p.objective_id.and_then(|o| objs.get(o));
                serde_json::json!({
                    "uid": post_uid(p.id),
                    "sequence": p.revision,
                    "created": p.created.rfc3339().replace('Z', "+00:00"),
                    "updated": p.updated.rfc3339().replace('Z', "+00:00"),
                    "start": start,
                    "end": end,
                    "allDay": all_day,
                    "title": p.title,
                    "body": p.body,
                    "channels": channels,
                    "objective": objective.map(|o| o.title.clone()),
                    "color": objective.and_then(|o| css_color_name(&o.color)),
                    "customerValue": p.customer_value,
                    "status": p.status.as_str(),
                    "cancelled": p.status == PostStatus::Cancelled || p.deleted,
                    "tags": p.tags.iter().collect::<Vec<_>>(),
                })
            })
            .collect();
        let file = BufWriter::new(std::fs::File::create(path)?);
        serde_json::to_writer(
            file,
            &serde_json::json!({ "name": plan.name, "posts": rows }),
        )
        .map_err(std::io::Error::other)?;
        Ok(())
    })
}
