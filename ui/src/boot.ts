// Evaluated first (main.ts imports it before anything else): inside Tauri, the core's first two
// answers of start-up (`app_info`, `list_plans`) are asked for at once, so the core works on them
// while the rest of the app's code is evaluated (about 40 ms of a start-up, scripts/bench-app.sh).
import type { AppInfo, Plan } from "./generated/models";

interface Internals {
  invoke<T>(command: string, args?: Record<string, unknown>): Promise<T>;
}

performance.mark("cadence:boot");

const internals = (window as unknown as { __TAURI_INTERNALS__?: Internals }).__TAURI_INTERNALS__;

/** The answers asked for at boot, taken once (null outside Tauri, or once taken). */
let early: Promise<[AppInfo, Plan[]]> | null = internals ? Promise.all([internals.invoke<AppInfo>("app_info"), internals.invoke<Plan[]>("list_plans")]) : null;
// Not unhandled if nobody takes it; whoever takes it sees the error.
early?.catch(() => undefined);

export function takeEarlyAnswers(): Promise<[AppInfo, Plan[]]> | null {
  const e = early;
  early = null;
  return e;
}
