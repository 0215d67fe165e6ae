//! The TypeScript types of every model that crosses into the UI, generated from these Rust
//! types with ts-rs into `ui/src/generated/models.ts`. `tests/bindings.rs` fails when the
//! committed file differs; `cargo run -- bindings` rewrites it.
use crate::error::ErrorPayload;
use crate::model::*;
use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/generated/models.ts";

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        RowMeta::decl(&cfg),
        Plan::decl(&cfg),
        PlanInput::decl(&cfg),
        ObjectiveKind::decl(&cfg),
        Objective::decl(&cfg),
        ObjectiveInput::decl(&cfg),
        Platform::decl(&cfg),
        Channel::decl(&cfg),
        ChannelInput::decl(&cfg),
        PostStatus::decl(&cfg),
        Planned::decl(&cfg),
        PlannedInput::decl(&cfg),
        PostChannel::decl(&cfg),
        Results::decl(&cfg),
        Post::decl(&cfg),
        PostInput::decl(&cfg),
        WarningCode::decl(&cfg),
        Warning::decl(&cfg),
        PostView::decl(&cfg),
        EventKind::decl(&cfg),
        EventWhen::decl(&cfg),
        EventWhenInput::decl(&cfg),
        Event::decl(&cfg),
        EventInput::decl(&cfg),
        RangeView::decl(&cfg),
        PlanOverview::decl(&cfg),
        ExportFilter::decl(&cfg),
        Feed::decl(&cfg),
        FeedUrls::decl(&cfg),
        FeedInput::decl(&cfg),
        AppInfo::decl(&cfg),
        TemplateStep::decl(&cfg),
        CampaignTemplate::decl(&cfg),
        TemplateInput::decl(&cfg),
        CampaignRequest::decl(&cfg),
        CampaignPost::decl(&cfg),
        SkippedStep::decl(&cfg),
        CampaignPreview::decl(&cfg),
        EventMoveInput::decl(&cfg),
        EventMove::decl(&cfg),
        Slot::decl(&cfg),
        SlotInput::decl(&cfg),
        OpenSlot::decl(&cfg),
        HolidayRegion::decl(&cfg),
        HolidayKind::decl(&cfg),
        Holiday::decl(&cfg),
        CalendarOverlay::decl(&cfg),
        ErrorPayload::decl(&cfg),
        // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
        ResultTotals::decl(&cfg),
        ObjectiveMix::decl(&cfg),
        ChannelCadence::decl(&cfg),
        PostRef::decl(&cfg),
        OverLimit::decl(&cfg),
        WeekCadence::decl(&cfg),
        Participation::decl(&cfg),
        Dashboard::decl(&cfg),
        Ambassador::decl(&cfg),
        AmbassadorInput::decl(&cfg),
        Relay::decl(&cfg),
        CrisisContact::decl(&cfg),
        HoldingStatement::decl(&cfg),
        CrisisPlan::decl(&cfg),
        CrisisAction::decl(&cfg),
        CrisisLogEntry::decl(&cfg),
        CrisisState::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types of the cadence core by ts-rs. Do not edit:\n\
         // run `cargo run -- bindings` after changing a model.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
