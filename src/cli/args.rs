//! Command-line arguments.
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "cadence",
    version,
    about = "Cadence: an editorial calendar for social media, on the command line"
)]
pub struct Cli {
    /// The database file [default: the app's data directory]
    #[arg(long, global = true, env = "CADENCE_DB")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of tables
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the French sample plan (a bakery) around the current week
    Demo,
    /// List plans
    Plans,
    /// Show one week of a plan's posts, with warnings
    Posts {
        /// Plan name
        #[arg(long)]
        plan: String,
        /// ISO week, e.g. 2026-W49 [default: this week]
        #[arg(long)]
        week: Option<String>,
    },
    /// Add a post to a plan
    AddPost(AddPost),
    /// List every warning of a plan
    Check {
        #[arg(long)]
        plan: String,
    },
    /// Print the database path in use
    Path,
    /// Measure the calendar's week query on a generated database
    Bench(BenchArgs),
    /// Write the TypeScript types of the models (for the UI)
    Bindings {
        #[arg(long, default_value = crate::bindings::BINDINGS_PATH)]
        out: PathBuf,
    },
    /// Test helper: write posts continuously, printing each committed id
    #[command(hide = true)]
    WriteLoop {
        #[arg(long)]
        plan: String,
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
    },
}

#[derive(Debug, Args)]
pub struct AddPost {
    #[arg(long)]
    pub plan: String,
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub body: Option<String>,
    /// Channel name or platform (repeat for several)
    #[arg(long)]
    pub channel: Vec<String>,
    /// Objective title or kind
    #[arg(long)]
    pub objective: Option<String>,
    /// What the customer gains from this post
    #[arg(long)]
    pub value: Option<String>,
    /// idea, draft, in_review, approved, scheduled, published, cancelled [default: draft]
    #[arg(long)]
    pub status: Option<String>,
    /// Local time, e.g. "2026-12-03 10:00" (in --zone, default the plan's zone)
    #[arg(long)]
    pub at: Option<String>,
    /// A day without a time, e.g. 2026-12-03
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// IANA time zone of --at, e.g. America/Toronto
    #[arg(long)]
    pub zone: Option<String>,
    /// Duration in minutes
    #[arg(long)]
    pub duration: Option<u32>,
    /// Event title this post belongs to
    #[arg(long)]
    pub event: Option<String>,
    #[arg(long)]
    pub assignee: Option<String>,
    #[arg(long)]
    pub tag: Vec<String>,
    #[arg(long)]
    pub link: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Number of posts to generate
    #[arg(long, default_value_t = 100_000)]
    pub posts: usize,
    /// Number of plans they are spread over
    #[arg(long, default_value_t = 10)]
    pub plans: usize,
    /// Years they are spread over
    #[arg(long, default_value_t = 5)]
    pub years: u32,
    /// Week queries to time
    #[arg(long, default_value_t = 2000)]
    pub queries: usize,
    /// Fail (exit 1) if the median exceeds this many milliseconds
    #[arg(long)]
    pub max_median_ms: Option<f64>,
    /// Keep the generated database at this path instead of a temporary file
    #[arg(long)]
    pub keep: Option<std::path::PathBuf>,
}
