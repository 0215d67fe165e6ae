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
} from "./generated/models";

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
