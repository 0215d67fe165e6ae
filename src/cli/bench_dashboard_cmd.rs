//! `cadence bench-dashboard`: times the dashboard of one month on the generated database of
//! `cadence bench` (N posts over Y years), for random plans and months, on several database
//! shapes: the posts spread over P plans, and all of them in one plan (the densest months).
use super::args::BenchDashboardArgs;
use crate::bench::{bench_start, generate, Rng};
use crate::error::{Error, Result};
use crate::service::Cadence;
use chrono::{Datelike, Months};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

pub fn run(args: &BenchDashboardArgs, out: &mut dyn Write) -> Result<()> {
    let dir = match &args.keep {
        Some(p) => p.clone(),
        None => {
            std::env::temp_dir().join(format!("cadence-bench-dashboard-{}", std::process::id()))
        }
    };
    if args.keep.is_some() && dir.exists() {
        return Err(Error::invalid(
            "keep",
            format!("{} already exists", dir.display()),
        ));
    }
    std::fs::create_dir_all(&dir)?;
    let mut shapes = args.plans.clone();
    shapes.dedup();
    let mut results = Vec::new();
    for plans in shapes.iter().copied() {
        let path = dir.join(format!("bench-{}-plans.db", plans.max(1)));
        match measure(args, plans.max(1), &path, out) {
            Ok(m) => results.push((plans.max(1), m)),
            Err(e) => {
                if args.keep.is_none() {
                    let _ = std::fs::remove_dir_all(&dir);
                }
                return Err(e);
            }
        }
    }
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let Some(max) = args.max_median_ms else {
        return Ok(());
    };
    let mut over = Vec::new();
    for (plans, median) in &results {
        let verdict = if *median > max { "FAIL" } else { "PASS" };
        writeln!(
            out,
            "{verdict}: {plans} plan(s): median {median:.3} ms {} {max} ms",
            if *median > max { ">" } else { "<=" }
        )?;
        if *median > max {
            over.push(format!("{plans} plan(s): {median:.3} ms"));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(
            "max-median-ms",
            format!("median over the {max} ms budget: {}", over.join(", ")),
        ))
    }
}

/// Generates one database shape and returns the median time of a month dashboard, in ms.
fn measure(
    args: &BenchDashboardArgs,
    plans: usize,
    path: &Path,
    out: &mut dyn Write,
) -> Result<f64> {
    let cadence = Cadence::open(path)?;
    let t = Instant::now();
    let plans = generate(&cadence, plans, args.posts, args.years)?;
    // A database at rest: every page back in the main file, as after the app's checkpoints.
    cadence
        .db()
        .read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))?;
    writeln!(
        out,
        "generated {} posts in {} plan(s) over {} years in {:.1} s ({})",
        args.posts,
        plans.len(),
        args.years,
        t.elapsed().as_secs_f64(),
        path.display()
    )?;
    let months = u64::from(args.years.max(1)) * 12;
    let month_label = |rng: &mut Rng| {
        let first = bench_start() + Months::new(rng.below(months) as u32);
        format!("{:04}-{:02}", first.year(), first.month())
    };
    let mut rng = Rng::new(7);
    // Warm-up: prepared statements and SQLite's cache.
    for _ in 0..20 {
        let label = month_label(&mut rng);
        cadence.dashboard(&plans[0], &label)?;
    }
    let mut times = Vec::with_capacity(args.queries);
    let mut total_posts = 0u64;
    let mut over_limit = 0u64;
    for _ in 0..args.queries.max(1) {
        let plan = &plans[rng.below(plans.len() as u64) as usize];
        let label = month_label(&mut rng);
        let t = Instant::now();
        let d = cadence.dashboard(plan, &label)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        total_posts += u64::from(d.posts);
        over_limit += d.over_limit.len() as u64;
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let median = pct(0.5);
    writeln!(
        out,
        "month dashboard, {} plan(s) (objective mix, channel cadence + 8 weeks, gaps, over-limit, \
         results, ambassadors): {} runs, {:.1} posts/month and {:.1} over-limit texts on average",
        plans.len(),
        times.len(),
        total_posts as f64 / times.len() as f64,
        over_limit as f64 / times.len() as f64
    )?;
    writeln!(
        out,
        "median {:.3} ms  p95 {:.3} ms  max {:.3} ms",
        median,
        pct(0.95),
        pct(1.0)
    )?;
    Ok(median)
}
