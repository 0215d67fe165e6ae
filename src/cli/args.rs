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
    /// List the trash: deleted plans, or with --plan a plan's deleted posts and events
    Trash {
        /// Plan name
        #[arg(long)]
        plan: Option<String>,
        /// Remove for good what was deleted more than 30 days ago
        #[arg(long, conflicts_with = "plan")]
        purge: bool,
    },
    /// Bring back a deleted plan, post or event (by id) with its links
    RestoreItem { id: String },
    /// Import a spreadsheet content calendar (CSV, French or English headers) into a plan
    ImportCsv {
        #[arg(long)]
        plan: String,
        file: PathBuf,
        /// Create the channels and objectives the file names but the plan lacks
        #[arg(long)]
        create_missing: bool,
        /// Only show what would be imported and every row's problem
        #[arg(long)]
        dry_run: bool,
    },
    /// Import the events of an .ics file as one-off events (re-importing updates them)
    ImportIcs {
        #[arg(long)]
        plan: String,
        file: PathBuf,
    },
    /// Write a plan's posts as CSV (re-importable with import-csv)
    ExportCsv {
        #[arg(long)]
        plan: String,
        /// First day, e.g. 2026-12-01
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Last day, inclusive
        #[arg(long)]
        to: Option<NaiveDate>,
        /// Only posts in this status (repeat, or separate with commas)
        #[arg(long, value_delimiter = ',')]
        status: Vec<String>,
        /// The .csv file to write (`-` for standard output)
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Copy the database to a backup file (safe while the app runs)
    Backup(BackupArgs),
    /// Replace the database with a backup file (the current content is kept in backups/ first)
    Restore {
        /// The backup file to restore
        file: PathBuf,
    },
    /// Measure the calendar's week query on a generated database
    Bench(BenchArgs),
    /// Write a plan as an .ics calendar (Outlook, Google Calendar, Apple Calendar, Thunderbird)
    Export(ExportArgs),
    /// Published calendar feeds: create, list, revoke, regenerate, serve
    Feed {
        #[command(subcommand)]
        command: FeedCommand,
    },
    /// Measure the .ics export on a generated plan (see scripts/bench-ics.sh)
    BenchIcs(BenchIcsArgs),
    /// Write the TypeScript types of the models (for the UI)
    Bindings {
        #[arg(long, default_value = crate::bindings::BINDINGS_PATH)]
        out: PathBuf,
    },
    // ── campaigns, slots and holidays (issue 5, part A) ──
    /// List campaign templates (built-in ones in the plan's language, then yours)
    Templates {
        /// Plan name: built-in templates in its language [default: French and English]
        #[arg(long)]
        plan: Option<String>,
    },
    /// Create, change or remove your campaign templates
    Template {
        #[command(subcommand)]
        command: super::campaign_args::TemplateCommand,
    },
    /// Apply a campaign template to an event (with --preview: only show what it would create)
    Campaign {
        #[command(subcommand)]
        command: super::campaign_args::CampaignCommand,
    },
    /// Move an event to a new first day, optionally with its linked posts
    MoveEvent(super::campaign_args::MoveEventArgs),
    /// Recurring publication slots of a plan's channels
    Slots {
        #[command(subcommand)]
        command: super::campaign_args::SlotCommand,
    },
    /// Public holidays and key dates (France, Québec), by region and year or for a plan
    Holidays(super::campaign_args::HolidaysArgs),
    // ── end of campaigns, slots and holidays ──
    // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
    /// The balance of a month or a week: objective mix, channel cadence, gaps, results
    Dashboard(DashboardArgs),
    /// Enter a published post's address and figures by hand
    Results {
        #[command(subcommand)]
        command: ResultsCommand,
    },
    /// People who relay a plan's posts, and whether they did
    Ambassadors {
        #[command(subcommand)]
        command: AmbassadorsCommand,
    },
    /// The crisis plan and the crisis switch (hold everything / resume)
    Crisis {
        #[command(subcommand)]
        command: CrisisCommand,
    },
    /// Measure the dashboard of one month on a generated database
    BenchDashboard(BenchDashboardArgs),
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
pub struct BackupArgs {
    /// The backup file to write (replaced if it exists)
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// The daily automatic backup: one a day in --dir, keeping the newest --keep
    #[arg(long, conflicts_with = "output")]
    pub auto: bool,
    /// Folder of automatic backups [default: backups/ beside the database]
    #[arg(long, requires = "auto")]
    pub dir: Option<PathBuf>,
    /// Automatic backups to keep
    #[arg(long, default_value_t = crate::service::DEFAULT_BACKUPS_KEPT, requires = "auto")]
    pub keep: usize,
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

/// What goes into an export or a feed.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Plan name
    #[arg(long)]
    pub plan: String,
    /// Only posts on this channel (name or platform; repeat for several)
    #[arg(long)]
    pub channel: Vec<String>,
    /// Only posts serving this objective (title or kind; repeat for several)
    #[arg(long)]
    pub objective: Vec<String>,
    /// Only posts of this event, and only this event (title; repeat for several)
    #[arg(long)]
    pub event: Vec<String>,
    /// Only posts in this status (repeat, or separate with commas) [default: all but idea and draft]
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<String>,
    /// First day, e.g. 2026-12-01 (in the plan's zone)
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Also export ideas and drafts
    #[arg(long)]
    pub include_drafts: bool,
    /// A reminder before each post, e.g. 30m, 2h, 1d
    #[arg(long)]
    pub alarm: Option<String>,
    /// Days a cancelled or deleted post stays in the export as cancelled [default: 60]
    #[arg(long)]
    pub retention_days: Option<u32>,
    /// The calendar's name in the client [default: the plan's name]
    #[arg(long)]
    pub calendar_name: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The .ics file to write (`-` for standard output)
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Publish a new feed of a plan, with the filters of `export`
    Create {
        #[command(flatten)]
        filter: FilterArgs,
        /// The feed's name [default: the plan's name]
        #[arg(long)]
        name: Option<String>,
        /// Port shown in the printed URLs
        #[arg(long, default_value_t = crate::feed::DEFAULT_PORT)]
        port: u16,
    },
    /// List a plan's feeds with their http:// and webcal:// URLs
    List {
        #[arg(long)]
        plan: String,
        /// Port shown in the URLs
        #[arg(long, default_value_t = crate::feed::DEFAULT_PORT)]
        port: u16,
        /// Host shown in the URLs
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
    },
    /// Stop serving a feed: its URL answers 404 from now on
    Revoke { id: String },
    /// Give a feed a new secret URL (the old one answers 404)
    Regenerate {
        id: String,
        #[arg(long, default_value_t = crate::feed::DEFAULT_PORT)]
        port: u16,
    },
    /// Serve every published feed over HTTP until stopped (Ctrl-C)
    Serve {
        #[arg(long, default_value_t = crate::feed::DEFAULT_PORT)]
        port: u16,
        /// Address to listen on; anything but loopback needs --lan
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Allow listening on a non-loopback address (other computers of the network can read feeds)
        #[arg(long)]
        lan: bool,
    },
}

#[derive(Debug, Args)]
pub struct BenchIcsArgs {
    /// Posts in the one generated plan
    #[arg(long, default_value_t = 100_000)]
    pub posts: usize,
    /// Years they are spread over
    #[arg(long, default_value_t = 5)]
    pub years: u32,
    /// Timed exports (the median is reported)
    #[arg(long, default_value_t = 7)]
    pub runs: usize,
    /// Fail (exit 1) if the median export exceeds this many milliseconds
    #[arg(long)]
    pub max_median_ms: Option<f64>,
    /// Directory for the database, the .ics, the JSON and the plain file [default: a temporary one, removed]
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Also write the exported data as JSON (for the Python comparison)
    #[arg(long)]
    pub json: bool,
    /// Also publish a feed of the plan and print its path (for the load generator)
    #[arg(long)]
    pub feed: bool,
}

// ── dashboard, results, ambassadors, crisis switch (strategy-b) ──

/// A month or an ISO week.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct PeriodArgs {
    /// A month, e.g. 2026-12
    #[arg(long)]
    pub month: Option<String>,
    /// An ISO week, e.g. 2026-W49
    #[arg(long)]
    pub week: Option<String>,
}

impl PeriodArgs {
    pub fn text(&self) -> &str {
        self.month
            .as_deref()
            .or(self.week.as_deref())
            .unwrap_or_default()
    }
}

#[derive(Debug, Args)]
pub struct DashboardArgs {
    #[arg(long)]
    pub plan: String,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Also write the dashboard as CSV to this file (`-` for standard output, instead of the table)
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// Set a post's results (options not given are left as they are)
    Set {
        /// Post id
        #[arg(long)]
        post: String,
        /// The published post's address
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        likes: Option<u32>,
        #[arg(long)]
        comments: Option<u32>,
        #[arg(long)]
        shares: Option<u32>,
        /// Forget every figure and the address
        #[arg(long, conflicts_with_all = ["url", "likes", "comments", "shares"])]
        clear: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AmbassadorsCommand {
    /// List a plan's ambassadors
    List {
        #[arg(long)]
        plan: String,
    },
    /// Add an ambassador to a plan
    Add {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: Option<String>,
    },
    /// Remove an ambassador (and the record of their relays)
    Remove {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        name: String,
    },
    /// Ask ambassadors to relay a post
    Ask {
        #[arg(long)]
        post: String,
        /// Ambassador name (repeat for several)
        #[arg(long, required = true)]
        name: Vec<String>,
    },
    /// Record that an ambassador relayed a post (--undo: did not)
    Done {
        #[arg(long)]
        post: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        undo: bool,
    },
    /// Who was asked to relay a post, and who did
    Relays {
        #[arg(long)]
        post: String,
    },
    /// Participation per person over a month or a week
    Participation {
        #[arg(long)]
        plan: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum CrisisCommand {
    /// Put every scheduled or approved future post of the plan on hold
    Hold {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        reason: String,
    },
    /// Give every held post back the status it had
    Resume {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        reason: String,
    },
    /// Whether the plan is on hold
    Status {
        #[arg(long)]
        plan: String,
    },
    /// Every hold and resume, newest first
    Log {
        #[arg(long)]
        plan: String,
    },
    /// Print the plan's crisis plan: contacts, steps, holding statements
    Show {
        #[arg(long)]
        plan: String,
    },
    /// Add a contact to the crisis plan
    AddContact {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
    },
    /// Add a step to the crisis plan
    AddStep {
        #[arg(long)]
        plan: String,
        text: String,
    },
    /// Add a pre-approved holding statement
    AddStatement {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        body: String,
    },
    /// Remove a contact, step or statement by its number in `crisis show`
    Remove {
        #[arg(long)]
        plan: String,
        #[arg(value_parser = ["contact", "step", "statement"])]
        kind: String,
        /// Its number, from 1
        number: usize,
    },
}

#[derive(Debug, Args)]
pub struct BenchDashboardArgs {
    /// Number of posts to generate
    #[arg(long, default_value_t = 100_000)]
    pub posts: usize,
    /// Database shapes: the numbers of plans the posts are spread over, one database each
    /// (10 plans of 10,000 posts, and one plan holding every post: ~1,700 posts a month)
    #[arg(long, value_delimiter = ',', default_values_t = [10, 1])]
    pub plans: Vec<usize>,
    /// Years they are spread over
    #[arg(long, default_value_t = 5)]
    pub years: u32,
    /// Month dashboards to time (per shape)
    #[arg(long, default_value_t = 300)]
    pub queries: usize,
    /// Fail (exit 2) if the median of any shape exceeds this many milliseconds
    #[arg(long)]
    pub max_median_ms: Option<f64>,
    /// Keep the generated databases in this (new) directory instead of a temporary one
    #[arg(long)]
    pub keep: Option<PathBuf>,
}
