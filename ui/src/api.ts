// The one door to the core. In Tauri, commands go through `invoke`; in a plain browser
// (development, page tests) an in-memory mock backend answers the same commands.
import type {
  AppInfo,
  ErrorPayload,
  Plan,
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
  list_plans: { args: NoArgs; result: Plan[] };
  plan_overview: { args: { planId: string }; result: PlanOverview };
  range_view: { args: { planId: string; from: string; to: string }; result: RangeView };
  create_post: { args: { input: PostInput }; result: PostView };
  update_post: { args: { id: string; input: PostInput }; result: PostView };
  reschedule_post: { args: { id: string; planned: PlannedInput | null }; result: PostView };
  delete_post: { args: { id: string }; result: PostView };
  restore_post: { args: { id: string }; result: PostView };
  check_plan: { args: { planId: string }; result: PostView[] };
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
    listPlans: () => call("list_plans", {}),
    planOverview: (planId: string) => call("plan_overview", { planId }),
    rangeView: (planId: string, from: string, to: string) => call("range_view", { planId, from, to }),
    createPost: (input: PostInput) => call("create_post", { input }),
    updatePost: (id: string, input: PostInput) => call("update_post", { id, input }),
    reschedulePost: (id: string, planned: PlannedInput | null) => call("reschedule_post", { id, planned }),
    deletePost: (id: string) => call("delete_post", { id }),
    restorePost: (id: string) => call("restore_post", { id }),
    checkPlan: (planId: string) => call("check_plan", { planId }),
  };
}

export type Api = ReturnType<typeof makeApi>;

export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * The real core inside Tauri, else the mock. Both are loaded on demand, so the mock is a
 * separate chunk the desktop app never fetches. In the browser, `?today=YYYY-MM-DD` fixes
 * the mock's today (for page tests).
 */
export async function connect(): Promise<{ api: Api; mock: boolean }> {
  if (insideTauri()) {
    const { invoke } = await import("@tauri-apps/api/core");
    const transport: Transport = {
      invoke: (command, args) => invoke(command, args),
    };
    return { api: makeApi(transport), mock: false };
  }
  const { MockBackend } = await import("./mock/backend");
  const today = new URLSearchParams(window.location.search).get("today") ?? undefined;
  return { api: makeApi(new MockBackend({ today })), mock: true };
}
