//! `cadence bench`: times the calendar's week query on a generated database.
use super::args::BenchArgs;
use crate::bench::{bench_start, generate, Rng};
use crate::error::{Error, Result};
use crate::service::Cadence;
use chrono::Duration;
use std::io::Write;
use std::time::Instant;

pub fn run(args: &BenchArgs, out: &mut dyn Write) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("cadence-bench-{}", std::process::id()));
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

fn measure(args: &BenchArgs, path: &std::path::Path, out: &mut dyn Write) -> Result<()> {
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
    let weeks = (args.years.max(1) as u64) * 52;
    let mut rng = Rng::new(42);
    let monday0 = crate::time::monday_of(bench_start());
    // Warm-up: the first queries pay for preparing statements and filling SQLite's cache.
    for _ in 0..50 {
        let from = monday0 + Duration::weeks(rng.below(weeks) as i64);
        cadence.range(&plans[0], from, from + Duration::days(7))?;
    }
    let mut times = Vec::with_capacity(args.queries);
    let mut total_posts = 0usize;
    for _ in 0..args.queries.max(1) {
        let plan = &plans[rng.below(plans.len() as u64) as usize];
        let from = monday0 + Duration::weeks(rng.below(weeks) as i64);
        let t = Instant::now();
        let view = cadence.range(plan, from, from + Duration::days(7))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        total_posts += view.posts.len();
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let median = pct(0.5);
    writeln!(
        out,
        "week query (range view with warnings, channels, objectives, events): {} runs, {:.1} posts/week on average",
        times.len(),
        total_posts as f64 / times.len() as f64
    )?;
    writeln!(
        out,
        "median {:.3} ms  p95 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
        median,
        pct(0.95),
        pct(0.99),
        pct(1.0)
    )?;
    if let Some(max) = args.max_median_ms {
        if median > max {
            return Err(Error::invalid(
                "max-median-ms",
                format!("median {median:.3} ms is over the {max} ms budget"),
            ));
        }
        writeln!(out, "within budget: median {median:.3} ms <= {max} ms")?;
    }
    Ok(())
}
