// Generated from the Rust types of the cadence core by ts-rs. Do not edit:
// run `cargo run -- bindings` after changing a model.

export type RowMeta = { createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type Plan = { id: string, name: string, 
/**
 * IANA zone, e.g. `Europe/Paris`.
 */
timezone: string, 
/**
 * BCP 47 locale, e.g. `fr-FR`, `fr-CA`, `en`.
 */
locale: string, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type PlanInput = { name: string, timezone: string, locale: string, };

export type ObjectiveKind = "awareness" | "sales" | "reputation" | "loyalty" | "recruitment" | "engagement" | "customer_care" | "other";

export type Objective = { id: string, planId: string, kind: ObjectiveKind, title: string, 
/**
 * Measurable target in the user's words, e.g. "+15 % d'abonnés LinkedIn".
 */
target: string, startDate: string | null, endDate: string | null, 
/**
 * `#rrggbb`.
 */
color: string, 
/**
 * Target share of the plan's posts, in percent.
 */
targetShare: number, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type ObjectiveInput = { planId: string, kind: ObjectiveKind, title: string, target: string, startDate: string | null, endDate: string | null, color: string, targetShare: number, };

export type Platform = "linkedin" | "facebook" | "instagram" | "x" | "youtube" | "tiktok" | "pinterest" | "threads" | "bluesky" | "mastodon" | "internal" | "newsletter" | "blog" | "other";

export type Channel = { id: string, planId: string, platform: Platform, name: string, 
/**
 * Text limit in user-perceived characters (grapheme clusters); `null`: none.
 */
charLimit: number | null, weeklyTarget: number, color: string, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type ChannelInput = { planId: string, platform: Platform, name: string, 
/**
 * Absent: the platform's default limit.
 */
charLimit: number | null, 
/**
 * Absent: the platform's default cadence.
 */
weeklyTarget: number | null, color: string, };

export type PostStatus = "idea" | "draft" | "in_review" | "approved" | "scheduled" | "published" | "cancelled" | "held";

export type Planned = { "kind": "at", at: string, timezone: string, 
/**
 * Wall-clock time in `timezone` (derived from `at`).
 */
local: string, } | { "kind": "day", date: string, };

export type PlannedInput = { "kind": "at", local: string, timezone: string, } | { "kind": "day", date: string, };

export type PostChannel = { channelId: string, variant: string | null, };

export type Results = { url: string | null, likes: number | null, comments: number | null, shares: number | null, };

export type Post = { id: string, planId: string, title: string, body: string, channels: Array<PostChannel>, objectiveId: string | null, 
/**
 * What the reader gains from this post.
 */
customerValue: string, status: PostStatus, planned: Planned | null, durationMinutes: number | null, eventId: string | null, assignee: string, tags: Array<string>, links: Array<string>, notes: string, results: Results, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type PostInput = { planId: string, title: string, body: string, channels: Array<PostChannel>, objectiveId: string | null, customerValue: string, status: PostStatus, planned: PlannedInput | null, durationMinutes: number | null, eventId: string | null, assignee: string, tags: Array<string>, links: Array<string>, notes: string, results: Results, };

export type WarningCode = "no_objective" | "no_customer_value" | "over_channel_limit" | "outside_objective_period" | "no_channel" | "on_public_holiday";

export type Warning = { code: WarningCode, 
/**
 * The field to fix: `objectiveId`, `customerValue`, `channels`, `planned`, `body`.
 */
field: string, channelId?: string, 
/**
 * Measured length, for `over_channel_limit`.
 */
length?: number, limit?: number, 
/**
 * The holiday's key (e.g. `easter_monday`), for `on_public_holiday`.
 */
holiday?: string, };

export type PostView = { post: Post, warnings: Array<Warning>, };

export type EventKind = "product_launch" | "open_day" | "trade_show" | "webinar" | "corporate_event" | "other";

export type EventWhen = { "kind": "allDay", start: string, end: string, } | { "kind": "timed", start: string, end: string, timezone: string, startLocal: string, endLocal: string, };

export type EventWhenInput = { "kind": "allDay", start: string, end: string, } | { "kind": "timed", startLocal: string, endLocal: string, timezone: string, };

export type Event = { id: string, planId: string, kind: EventKind, title: string, description: string, location: string, when: EventWhen, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change a calendar subscriber would see (ICS SEQUENCE).
 */
revision: number, 
/**
 * Set when the row is in the trash.
 */
deletedAt: string | null, };

export type EventInput = { planId: string, kind: EventKind, title: string, description: string, location: string, when: EventWhenInput, };

export type RangeView = { plan: Plan, 
/**
 * First day shown.
 */
from: string, 
/**
 * Day after the last day shown (exclusive).
 */
to: string, posts: Array<PostView>, events: Array<Event>, channels: Array<Channel>, objectives: Array<Objective>, };

export type PlanOverview = { plan: Plan, channels: Array<Channel>, objectives: Array<Objective>, events: Array<Event>, };

export type ExportFilter = { planId: string, 
/**
 * Posts going to at least one of these channels.
 */
channelIds: Array<string>, 
/**
 * Posts serving one of these objectives.
 */
objectiveIds: Array<string>, 
/**
 * Posts attached to one of these events; only these events are exported.
 */
eventIds: Array<string>, 
/**
 * Posts in one of these statuses. Empty: every status but `idea` and `draft`
 * (those too with `include_drafts`). Cancelled posts are always exported, as cancelled.
 */
statuses: Array<PostStatus>, 
/**
 * First day (in the plan's zone), inclusive.
 */
from: string | null, 
/**
 * Last day (in the plan's zone), inclusive.
 */
to: string | null, includeDrafts: boolean, 
/**
 * A reminder this many minutes before each post.
 */
alarmMinutes: number | null, 
/**
 * Days a cancelled or deleted post stays in the export [default: 60].
 */
retentionDays: number | null, 
/**
 * The calendar's name in the client [default: the plan's name].
 */
calendarName: string | null, };

export type Feed = { id: string, planId: string, name: string, 
/**
 * The secret in the URL: 192 random bits, URL-safe base64. Whoever has it can read the feed.
 */
token: string, filter: ExportFilter, createdAt: string, updatedAt: string, 
/**
 * Goes up on every change (filters, name, token, revocation).
 */
revision: number, 
/**
 * Set when the feed was revoked: its URL then answers 404.
 */
revokedAt: string | null, };

export type FeedUrls = { http: string, webcal: string, };

export type FeedInput = { name: string, filter: ExportFilter, };

export type AppInfo = { version: string, 
/**
 * The SQLite file in use.
 */
dbPath: string, 
/**
 * The plan to open first (the sample plan on a first run), if any.
 */
defaultPlanId: string | null, 
/**
 * Today in the computer's zone, `YYYY-MM-DD`.
 */
today: string, 
/**
 * The operating system's language, e.g. `fr-CA` (the UI's default language).
 */
systemLocale: string | null, };

export type TemplateStep = { 
/**
 * Days from the event's first day: -14 is J-14, 0 is J, 1 is J+1.
 */
offsetDays: number, 
/**
 * Wall-clock time in the plan's zone; `null`: some time that day (a date-only post).
 */
time: string | null, 
/**
 * The kind of channel the post goes to; `null`: every channel chosen for the campaign.
 */
platform: Platform | null, title: string, status: PostStatus, };

export type CampaignTemplate = { id: string, name: string, description: string, builtin: boolean, 
/**
 * `fr` or `en` for built-in templates; empty for the user's.
 */
language: string, steps: Array<TemplateStep>, };

export type TemplateInput = { name: string, description: string, steps: Array<TemplateStep>, };

export type CampaignRequest = { eventId: string, templateId: string, 
/**
 * The plan's channels the campaign may use; `null`: every channel of the plan.
 */
channelIds: Array<string> | null, };

export type CampaignPost = { 
/**
 * Index of the step in the template.
 */
step: number, offsetDays: number, title: string, status: PostStatus, date: string, 
/**
 * Wall-clock time in the plan's zone (after any DST shift); `null` for a date-only post.
 */
local: string | null, at: string | null, 
/**
 * The step's time does not exist that day (clocks jump forward): moved to `local`.
 */
shiftedByDst: boolean, channelIds: Array<string>, 
/**
 * A live post of this event with this title is already planned that day: not created again.
 */
alreadyExists: boolean, };

export type SkippedStep = { step: number, title: string, platform: Platform | null, 
/**
 * `no_channel_of_kind`: the plan has no (chosen) channel of that kind.
 */
reason: string, };

export type CampaignPreview = { event: Event, template: CampaignTemplate, posts: Array<CampaignPost>, skipped: Array<SkippedStep>, 
/**
 * Posts created (empty for a preview).
 */
created: Array<PostView>, };

export type EventMoveInput = { eventId: string, 
/**
 * The event's new first day.
 */
newStart: string, movePosts: boolean, };

export type EventMove = { event: Event, days: number, 
/**
 * Linked posts moved with the event.
 */
moved: Array<PostView>, 
/**
 * Linked posts left where they are (already published, or not asked to move).
 */
kept: number, };

export type Slot = { id: string, planId: string, channelId: string, 
/**
 * An RRULE (RFC 5545) of the supported subset, e.g. `FREQ=WEEKLY;BYDAY=TU,TH`.
 */
rule: string, time: string, 
/**
 * First day the rule counts from.
 */
start: string, 
/**
 * Last day (inclusive), if any.
 */
until: string | null, 
/**
 * Days the slot does not happen (holidays, closures…).
 */
skipped: Array<string>, label: string, createdAt: string, updatedAt: string, };

export type SlotInput = { channelId: string, rule: string, time: string, start: string, until: string | null, skipped: Array<string>, label: string, };

export type OpenSlot = { slotId: string, channelId: string, date: string, 
/**
 * Wall-clock time in `timezone` (moved forward if the slot's time falls in a DST gap).
 */
local: string, at: string, timezone: string, label: string, };

export type HolidayRegion = "none" | "fr" | "ca_qc";

export type HolidayKind = "public" | "observed" | "key_date";

export type Holiday = { date: string, 
/**
 * Stable key the UI translates, e.g. `easter_monday`.
 */
key: string, 
/**
 * Name in the plan's language (French or English), for the CLI.
 */
name: string, kind: HolidayKind, region: HolidayRegion, };

export type CalendarOverlay = { region: HolidayRegion, holidays: Array<Holiday>, openSlots: Array<OpenSlot>, slots: Array<Slot>, };

export type ErrorPayload = { code: string, message: string, field?: string, };

export type ResultTotals = { 
/**
 * Published posts counted.
 */
published: number, 
/**
 * Of those, how many have results entered.
 */
measured: number, likes: number, comments: number, shares: number, };

export type ObjectiveMix = { objectiveId: string, title: string, color: string, 
/**
 * Target share of the plan's posts, in percent.
 */
targetShare: number, posts: number, 
/**
 * Share of the period's posts, in percent (0 when the period has none).
 */
share: number, results: ResultTotals, };

export type ChannelCadence = { channelId: string, name: string, color: string, weeklyTarget: number, 
/**
 * The weekly target scaled to the period (a 31-day month: × 31/7).
 */
target: number, posts: number, results: ResultTotals, };

export type PostRef = { postId: string, title: string, 
/**
 * The local day it is planned on.
 */
day: string, status: PostStatus, };

export type OverLimit = { post: PostRef, channelId: string, 
/**
 * The field holding the text: "body", or "variant" (the channel's own text).
 */
field: string, 
/**
 * User-perceived characters.
 */
length: number, limit: number, };

export type WeekCadence = { monday: string, 
/**
 * Posts per channel, in the order of `Dashboard::channels`.
 */
posts: Array<number>, };

export type Participation = { ambassadorId: string, name: string, 
/**
 * Posts of the period they were asked to relay.
 */
asked: number, 
/**
 * Of those, how many they relayed.
 */
relayed: number, };

export type Dashboard = { planId: string, 
/**
 * `2026-12` or `2026-W49`.
 */
period: string, 
/**
 * First day.
 */
from: string, 
/**
 * Day after the last day (exclusive).
 */
to: string, posts: number, objectives: Array<ObjectiveMix>, 
/**
 * Posts serving no objective (they count in `posts`, not in any objective).
 */
withoutObjective: number, channels: Array<ChannelCadence>, 
/**
 * Days of the period with nothing planned.
 */
emptyDays: Array<string>, missingObjective: Array<PostRef>, missingValue: Array<PostRef>, overLimit: Array<OverLimit>, 
/**
 * Results of the period's published posts (each post once).
 */
results: ResultTotals, 
/**
 * The 8 weeks ending with the period's last week, oldest first.
 */
history: Array<WeekCadence>, ambassadors: Array<Participation>, };

export type Ambassador = { id: string, planId: string, name: string, email: string, createdAt: string, };

export type AmbassadorInput = { planId: string, name: string, email: string, };

export type Relay = { postId: string, ambassadorId: string, name: string, 
/**
 * When they relayed it; `null`: not yet.
 */
doneAt: string | null, };

export type CrisisContact = { name: string, role: string, phone: string, email: string, };

export type HoldingStatement = { title: string, body: string, };

export type CrisisPlan = { contacts: Array<CrisisContact>, 
/**
 * What to do, in order.
 */
steps: Array<string>, statements: Array<HoldingStatement>, };

export type CrisisAction = "hold" | "resume";

export type CrisisLogEntry = { id: string, planId: string, action: CrisisAction, reason: string, 
/**
 * When (UTC).
 */
at: string, 
/**
 * Hold: posts put on hold. Resume: posts given back their previous status.
 */
posts: number, 
/**
 * Resume only: held posts whose status someone changed by hand meanwhile (left as set).
 */
kept: number, };

export type CrisisState = { planId: string, 
/**
 * The last use of the switch was "Hold everything".
 */
active: boolean, 
/**
 * That hold, when active.
 */
hold: CrisisLogEntry | null, 
/**
 * Posts of the plan in the `held` status now.
 */
heldPosts: number, };
