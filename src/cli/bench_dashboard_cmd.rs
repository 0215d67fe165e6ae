//! `cadence bench-dashboard`: times the dashboard of one month on the generated database of
//! `cadence bench` (N posts over Y years in P plans), for random plans and months.
use super::args::BenchDashboardArgs;
use crate::bench::{bench_start, generate, Rng};
use crate::error::{Error, Result};
use crate::service::Cadence;
use chrono::{Datelike, Months};
use std::io::Write;
use std::time::Instant;

pub fn run(args: &BenchDashboardArgs, out: &mut dyn Write) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("cadence-bench-dashboard-{}", std::process::id()));
    let path = match &args.keep {
        Some(p) => p.clone(),
        None => {
            std::fs::create_dir_all(&dir)?;
            dir.join("bench.db")
        }
    };
    if path.exists() {
        return Err(Error::invalid(
            "keep",
            format!("{} already exists", path.display()),
        ));
    }
    let result = measure(args, &path, out);
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn measure(args: &BenchDashboardArgs, path: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let cadence = Cadence::open(path)?;
    let t = Instant::now();
    let plans = generate(&cadence, args.plans.max(1), args.posts, args.years)?;
    writeln!(
        out,
        "generated {} posts in {} plans over {} years in {:.1} s ({})",
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
    for _ in 0..args.queries.max(1) {
        let plan = &plans[rng.below(plans.len() as u64) as usize];
        let label = month_label(&mut rng);
        let t = Instant::now();
        let d = cadence.dashboard(plan, &label)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        total_posts += u64::from(d.posts);
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let median = pct(0.5);
    writeln!(
        out,
        "month dashboard (objective mix, channel cadence + 8 weeks, gaps, over-limit, results, ambassadors): \
         {} runs, {:.1} posts/month on average",
        times.len(),
        total_posts as f64 / times.len() as f64
    )?;
    writeln!(
        out,
        "median {:.3} ms  p95 {:.3} ms  max {:.3} ms",
        median,
        pct(0.95),
        pct(1.0)
    )?;
    if let Some(max) = args.max_median_ms {
        if median > max {
            writeln!(out, "FAIL: median {median:.3} ms > {max} ms")?;
            return Err(Error::invalid(
                "max-median-ms",
                format!("median {median:.3} ms is over the {max} ms budget"),
            ));
        }
        writeln!(out, "PASS: median {median:.3} ms <= {max} ms")?;
    }
    Ok(())
}
