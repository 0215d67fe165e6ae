// The one door to the core. In Tauri, commands go through `invoke`; in a plain browser
// (development, page tests) an in-memory mock backend answers the same commands.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  Channel,
  ChannelInput,
  ErrorPayload,
  Event,
  EventInput,
  Objective,
  ObjectiveInput,
  Plan,
  PlanInput,
  Post,
  PlanOverview,
  PlannedInput,
  PostInput,
  PostView,
  RangeView,
  CalendarOverlay,
  CampaignPreview,
  CampaignRequest,
  CampaignTemplate,
  EventMove,
  EventMoveInput,
  HolidayRegion,
  OpenSlot,
  Slot,
  SlotInput,
  TemplateInput,
  Ambassador,
  AmbassadorInput,
  CrisisLogEntry,
  CrisisPlan,
  CrisisState,
  Dashboard,
  Relay,
  Results,
} from "./generated/models";
import type { ExportFilter, FeedInput } from "./generated/models";
import type { BackupFile, CsvPreview, DataInfo, Exported, ExportSummary, FeedRow, FeedServerStatus, IcsImport, Purged, Restored, TrashItems } from "./dataTypes";

type NoArgs = Record<string, never>;

/** Every command, with the arguments Tauri expects (camelCase) and what it returns. */
export interface Commands {
  app_info: { args: NoArgs; result: AppInfo };
  ui_ready: { args: { steps?: [string, number][] }; result: null };
  list_plans: { args: NoArgs; result: Plan[] };
  plan_overview: { args: { planId: string }; result: PlanOverview };
  range_view: { args: { planId: string; from: string; to: string }; result: RangeView };
  create_post: { args: { input: PostInput }; result: PostView };
  update_post: { args: { id: string; input: PostInput }; result: PostView };
  reschedule_post: { args: { id: string; planned: PlannedInput | null }; result: PostView };
  delete_post: { args: { id: string }; result: PostView };
  restore_post: { args: { id: string }; result: PostView };
  check_plan: { args: { planId: string }; result: PostView[] };
  trash: { args: { planId: string }; result: Post[] };
  create_plan: { args: { input: PlanInput }; result: Plan };
  update_plan: { args: { id: string; input: PlanInput }; result: Plan };
  delete_plan: { args: { id: string }; result: Plan };
  restore_plan: { args: { id: string }; result: Plan };
  list_objectives: { args: { planId: string }; result: Objective[] };
  create_objective: { args: { input: ObjectiveInput }; result: Objective };
  update_objective: { args: { id: string; input: ObjectiveInput }; result: Objective };
  delete_objective: { args: { id: string }; result: Objective };
  list_channels: { args: { planId: string }; result: Channel[] };
  create_channel: { args: { input: ChannelInput }; result: Channel };
  update_channel: { args: { id: string; input: ChannelInput }; result: Channel };
  delete_channel: { args: { id: string }; result: Channel };
  list_events: { args: { planId: string }; result: Event[] };
  create_event: { args: { input: EventInput }; result: Event };
  update_event: { args: { id: string; input: EventInput }; result: Event };
  delete_event: { args: { id: string }; result: Event };
  restore_event: { args: { id: string }; result: Event };
  // ── Data screens (src-tauri/src/data_commands.rs) ──
  data_info: { args: NoArgs; result: DataInfo };
  export_ics_file: { args: { filter: ExportFilter; path: string | null }; result: Exported<ExportSummary> };
  export_csv_file: { args: { filter: ExportFilter; path: string | null }; result: Exported<number> };
  feed_server_status: { args: NoArgs; result: FeedServerStatus };
  start_feed_server: { args: { port: number | null; lan: boolean }; result: FeedServerStatus };
  stop_feed_server: { args: NoArgs; result: FeedServerStatus };
  list_feeds: { args: { planId: string }; result: FeedRow[] };
  create_feed: { args: { input: FeedInput }; result: FeedRow };
  revoke_feed: { args: { id: string }; result: FeedRow };
  regenerate_feed_token: { args: { id: string }; result: FeedRow };
  backup_now: { args: { path: string | null }; result: BackupFile };
  list_backups: { args: NoArgs; result: BackupFile[] };
  restore_backup: { args: { path: string | null }; result: BackupFile };
  trash_items: { args: { planId: string }; result: TrashItems };
  restore_item: { args: { id: string }; result: Restored };
  empty_trash: { args: { planId: string; everything: boolean }; result: Purged };
  preview_csv_import: { args: { planId: string; path: string | null; createOnly: string[] | null }; result: CsvPreview };
  import_csv: { args: { planId: string; path: string | null; createOnly: string[] | null }; result: CsvPreview };
  import_ics: { args: { planId: string; path: string | null }; result: IcsImport };
  // ── campaigns, slots and holidays ──
  list_templates: { args: { planId: string }; result: CampaignTemplate[] };
  create_template: { args: { input: TemplateInput }; result: CampaignTemplate };
  update_template: { args: { id: string; input: TemplateInput }; result: CampaignTemplate };
  delete_template: { args: { id: string }; result: CampaignTemplate };
  preview_campaign: { args: { request: CampaignRequest }; result: CampaignPreview };
  apply_campaign: { args: { request: CampaignRequest }; result: CampaignPreview };
  event_posts: { args: { eventId: string }; result: PostView[] };
  move_event: { args: { input: EventMoveInput }; result: EventMove };
  calendar_overlay: { args: { planId: string; from: string; to: string }; result: CalendarOverlay };
  set_holiday_region: { args: { planId: string; region: HolidayRegion }; result: HolidayRegion };
  list_slots: { args: { planId: string }; result: Slot[] };
  create_slot: { args: { input: SlotInput }; result: Slot };
  delete_slot: { args: { id: string }; result: Slot };
  next_free_slot: { args: { channelId: string; after: string }; result: OpenSlot | null };
  fill_slot: { args: { slotId: string; date: string; title: string }; result: PostView };
  // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
  dashboard: { args: { planId: string; period: string }; result: Dashboard };
  /** `path: null`: the path of CADENCE_TEST_SAVE_PATH (end-to-end tests), else an error. */
  export_dashboard_csv: { args: { planId: string; period: string; path: string | null }; result: string };
  set_post_results: { args: { postId: string; results: Results }; result: PostView };
  list_ambassadors: { args: { planId: string }; result: Ambassador[] };
  create_ambassador: { args: { input: AmbassadorInput }; result: Ambassador };
  delete_ambassador: { args: { id: string }; result: Ambassador };
  list_relays: { args: { postId: string }; result: Relay[] };
  set_relay_asked: { args: { postId: string; ambassadorId: string; asked: boolean }; result: Relay[] };
  set_relay_done: { args: { postId: string; ambassadorId: string; done: boolean }; result: Relay[] };
  crisis_plan: { args: { planId: string }; result: CrisisPlan };
  save_crisis_plan: { args: { planId: string; crisis: CrisisPlan }; result: CrisisPlan };
  crisis_state: { args: { planId: string }; result: CrisisState };
  crisis_log: { args: { planId: string }; result: CrisisLogEntry[] };
  hold_scheduled_posts: { args: { planId: string; reason: string }; result: CrisisLogEntry };
  resume_held_posts: { args: { planId: string; reason: string }; result: CrisisLogEntry };
}

export type CommandName = keyof Commands;

export interface Transport {
  invoke<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"]>;
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["code"] === "string" && typeof v["message"] === "string";
}

/** Whatever a command rejected with, as an `ErrorPayload` (Tauri itself rejects with strings). */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isErrorPayload(error)) return error;
  if (error instanceof Error) return { code: "unexpected", message: error.message };
  return { code: "unexpected", message: String(error) };
}

export function makeApi(transport: Transport) {
  const call = async <C extends CommandName>(
    command: C,
    args: Commands[C]["args"],
  ): Promise<Commands[C]["result"]> => {
    try {
      return await transport.invoke(command, args);
    } catch (error) {
      throw toErrorPayload(error);
    }
  };
  return {
    appInfo: () => call("app_info", {}),
    /** Tells the shell the first view is drawn (start-up benchmark). */
    uiReady: (steps?: [string, number][]) => call("ui_ready", steps ? { steps } : {}),
    listPlans: () => call("list_plans", {}),
    planOverview: (planId: string) => call("plan_overview", { planId }),
    rangeView: (planId: string, from: string, to: string) => call("range_view", { planId, from, to }),
    createPost: (input: PostInput) => call("create_post", { input }),
    updatePost: (id: string, input: PostInput) => call("update_post", { id, input }),
    reschedulePost: (id: string, planned: PlannedInput | null) => call("reschedule_post", { id, planned }),
    deletePost: (id: string) => call("delete_post", { id }),
    restorePost: (id: string) => call("restore_post", { id }),
    checkPlan: (planId: string) => call("check_plan", { planId }),
    trash: (planId: string) => call("trash", { planId }),
    createPlan: (input: PlanInput) => call("create_plan", { input }),
    updatePlan: (id: string, input: PlanInput) => call("update_plan", { id, input }),
    deletePlan: (id: string) => call("delete_plan", { id }),
    restorePlan: (id: string) => call("restore_plan", { id }),
    listObjectives: (planId: string) => call("list_objectives", { planId }),
    createObjective: (input: ObjectiveInput) => call("create_objective", { input }),
    updateObjective: (id: string, input: ObjectiveInput) => call("update_objective", { id, input }),
    deleteObjective: (id: string) => call("delete_objective", { id }),
    listChannels: (planId: string) => call("list_channels", { planId }),
    createChannel: (input: ChannelInput) => call("create_channel", { input }),
    updateChannel: (id: string, input: ChannelInput) => call("update_channel", { id, input }),
    deleteChannel: (id: string) => call("delete_channel", { id }),
    listEvents: (planId: string) => call("list_events", { planId }),
    createEvent: (input: EventInput) => call("create_event", { input }),
    updateEvent: (id: string, input: EventInput) => call("update_event", { id, input }),
    deleteEvent: (id: string) => call("delete_event", { id }),
    restoreEvent: (id: string) => call("restore_event", { id }),
    // ── Data screens ──
    dataInfo: () => call("data_info", {}),
    exportIcsFile: (filter: ExportFilter, path: string | null) => call("export_ics_file", { filter, path }),
    exportCsvFile: (filter: ExportFilter, path: string | null) => call("export_csv_file", { filter, path }),
    feedServerStatus: () => call("feed_server_status", {}),
    startFeedServer: (port: number | null, lan: boolean) => call("start_feed_server", { port, lan }),
    stopFeedServer: () => call("stop_feed_server", {}),
    listFeeds: (planId: string) => call("list_feeds", { planId }),
    createFeed: (input: FeedInput) => call("create_feed", { input }),
    revokeFeed: (id: string) => call("revoke_feed", { id }),
    regenerateFeedToken: (id: string) => call("regenerate_feed_token", { id }),
    backupNow: (path: string | null) => call("backup_now", { path }),
    listBackups: () => call("list_backups", {}),
    restoreBackup: (path: string | null) => call("restore_backup", { path }),
    trashItems: (planId: string) => call("trash_items", { planId }),
    restoreItem: (id: string) => call("restore_item", { id }),
    emptyTrash: (planId: string, everything: boolean) => call("empty_trash", { planId, everything }),
    previewCsvImport: (planId: string, path: string | null, createOnly: string[] | null) => call("preview_csv_import", { planId, path, createOnly }),
    importCsv: (planId: string, path: string | null, createOnly: string[] | null) => call("import_csv", { planId, path, createOnly }),
    importIcs: (planId: string, path: string | null) => call("import_ics", { planId, path }),
    // ── campaigns, slots and holidays ──
    listTemplates: (planId: string) => call("list_templates", { planId }),
    createTemplate: (input: TemplateInput) => call("create_template", { input }),
    updateTemplate: (id: string, input: TemplateInput) => call("update_template", { id, input }),
    deleteTemplate: (id: string) => call("delete_template", { id }),
    previewCampaign: (request: CampaignRequest) => call("preview_campaign", { request }),
    applyCampaign: (request: CampaignRequest) => call("apply_campaign", { request }),
    eventPosts: (eventId: string) => call("event_posts", { eventId }),
    moveEvent: (input: EventMoveInput) => call("move_event", { input }),
    calendarOverlay: (planId: string, from: string, to: string) => call("calendar_overlay", { planId, from, to }),
    setHolidayRegion: (planId: string, region: HolidayRegion) => call("set_holiday_region", { planId, region }),
    listSlots: (planId: string) => call("list_slots", { planId }),
    createSlot: (input: SlotInput) => call("create_slot", { input }),
    deleteSlot: (id: string) => call("delete_slot", { id }),
    nextFreeSlot: (channelId: string, after: string) => call("next_free_slot", { channelId, after }),
    fillSlot: (slotId: string, date: string, title: string) => call("fill_slot", { slotId, date, title }),
    // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
    dashboard: (planId: string, period: string) => call("dashboard", { planId, period }),
    exportDashboardCsv: (planId: string, period: string, path: string | null) => call("export_dashboard_csv", { planId, period, path }),
    setPostResults: (postId: string, results: Results) => call("set_post_results", { postId, results }),
    listAmbassadors: (planId: string) => call("list_ambassadors", { planId }),
    createAmbassador: (input: AmbassadorInput) => call("create_ambassador", { input }),
    deleteAmbassador: (id: string) => call("delete_ambassador", { id }),
    listRelays: (postId: string) => call("list_relays", { postId }),
    setRelayAsked: (postId: string, ambassadorId: string, asked: boolean) => call("set_relay_asked", { postId, ambassadorId, asked }),
    setRelayDone: (postId: string, ambassadorId: string, done: boolean) => call("set_relay_done", { postId, ambassadorId, done }),
    crisisPlan: (planId: string) => call("crisis_plan", { planId }),
    saveCrisisPlan: (planId: string, crisis: CrisisPlan) => call("save_crisis_plan", { planId, crisis }),
    crisisState: (planId: string) => call("crisis_state", { planId }),
    crisisLog: (planId: string) => call("crisis_log", { planId }),
    holdScheduledPosts: (planId: string, reason: string) => call("hold_scheduled_posts", { planId, reason }),
    resumeHeldPosts: (planId: string, reason: string) => call("resume_held_posts", { planId, reason }),
  };
}

export type Api = ReturnType<typeof makeApi>;

export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * The real core inside Tauri, else the mock. The mock is loaded on demand, a separate chunk
 * the desktop app never fetches (`invoke` is tiny: imported statically, it saves start-up a
 * request). In the browser, `?today=YYYY-MM-DD` fixes
 * the mock's today (for page tests).
 */
export async function connect(): Promise<{ api: Api; mock: boolean }> {
  if (insideTauri()) {
    const transport: Transport = {
      invoke: (command, args) => invoke(command, args),
    };
    return { api: makeApi(transport), mock: false };
  }
  const { MockBackend } = await import("./mock/backend");
  const query = new URLSearchParams(window.location.search);
  const today = query.get("today") ?? undefined;
  const extraPosts = Math.min(Number(query.get("posts") ?? 0) || 0, 5000);
  return { api: makeApi(new MockBackend({ today, extraPosts })), mock: true };
}
