//! Arguments of the campaign, slot and holiday commands.
use chrono::NaiveDate;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Save a template: repeat --step "J-7 10:00 instagram Teasing" (offset, optional time,
    /// optional channel kind or "all", then the title)
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: Option<String>,
        #[arg(long, required = true)]
        step: Vec<String>,
        /// Status of the posts it creates
        #[arg(long, default_value = "draft")]
        status: String,
    },
    /// Copy a template (built-in or yours) under a new name
    Copy {
        /// Template id or name
        template: String,
        #[arg(long)]
        name: String,
    },
    /// Remove one of your templates
    Remove {
        /// Template id or name
        template: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Create the template's draft posts around an event, linked to it, in one transaction
    Apply {
        #[arg(long)]
        plan: String,
        /// Event title
        #[arg(long)]
        event: String,
        /// Template id or name
        #[arg(long)]
        template: String,
        /// Only these channels (name or platform; repeat) [default: every channel of the plan]
        #[arg(long)]
        channel: Vec<String>,
        /// Show what would be created, write nothing
        #[arg(long)]
        preview: bool,
    },
}

#[derive(Debug, Args)]
pub struct MoveEventArgs {
    #[arg(long)]
    pub plan: String,
    /// Event title
    #[arg(long)]
    pub event: String,
    /// The event's new first day
    #[arg(long)]
    pub to: NaiveDate,
    /// Move the linked posts by the same number of days (published ones stay)
    #[arg(long)]
    pub with_posts: bool,
}

#[derive(Debug, Subcommand)]
pub enum SlotCommand {
    /// List a plan's slots
    List {
        #[arg(long)]
        plan: String,
    },
    /// Add a slot: e.g. --rule "FREQ=WEEKLY;BYDAY=TU,TH" --time 10:00
    Add {
        #[arg(long)]
        plan: String,
        /// Channel name or platform
        #[arg(long)]
        channel: String,
        /// RRULE subset: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, COUNT, BYDAY (1MO, -1FR),
        /// BYMONTHDAY, BYMONTH, BYSETPOS, WKST
        #[arg(long)]
        rule: String,
        /// Local time in the plan's zone, e.g. 10:00
        #[arg(long)]
        time: String,
        /// First day [default: today]
        #[arg(long)]
        start: Option<NaiveDate>,
        /// Last day (inclusive)
        #[arg(long)]
        until: Option<NaiveDate>,
        /// A day without this slot (repeat)
        #[arg(long)]
        skip: Vec<NaiveDate>,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Remove a slot
    Remove { id: String },
    /// Add a day without this slot
    Skip {
        id: String,
        #[arg(long)]
        date: NaiveDate,
    },
    /// Open slots (no post yet) of a plan between two days
    Open {
        #[arg(long)]
        plan: String,
        /// First day [default: today]
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Last day, inclusive [default: 13 days after --from]
        #[arg(long)]
        to: Option<NaiveDate>,
    },
    /// The next free slot of a channel
    Next {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        channel: String,
        /// Local time in the plan's zone, e.g. "2026-12-03 10:00" [default: now]
        #[arg(long)]
        after: Option<String>,
    },
    /// Create a draft post in an open slot
    Fill {
        id: String,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long)]
        title: String,
    },
}

#[derive(Debug, Args)]
pub struct HolidaysArgs {
    /// fr or ca-qc (or give --plan)
    #[arg(long, required_unless_present = "plan")]
    pub region: Option<String>,
    /// Year [default: this year]
    #[arg(long)]
    pub year: Option<i32>,
    /// A plan: its region and language; with --set, choose its region (fr, ca-qc, none)
    #[arg(long, conflicts_with = "region")]
    pub plan: Option<String>,
    #[arg(long, requires = "plan")]
    pub set: Option<String>,
    /// Names in English
    #[arg(long)]
    pub english: bool,
    /// Only public holidays (no key dates)
    #[arg(long)]
    pub public_only: bool,
}
