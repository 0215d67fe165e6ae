// What each « Données » screen receives from the app.
import type { Api } from "../api";
import type { DataInfo } from "../dataTypes";
import type { Filter } from "../filters";
import type { Plan, PlanOverview } from "../generated/models";
import type { Deletion } from "../undo";
import type { Toasts } from "../views/toasts";

export type Screen = "data" | "feeds" | "backups" | "trash" | "plans" | "importCsv";

export interface DataContext {
  api: Api;
  info: DataInfo;
  toasts: Toasts;
  /** The plan on screen (null when there is none yet: only the plans screen then works). */
  plan: Plan | null;
  plans: readonly Plan[];
  overview: PlanOverview | null;
  /** The filter bar's choices. */
  filter: Filter;
  /** The days on screen, `[from, to)`. */
  visible: { from: string; to: string };
  /** Asks the core again for what the calendar shows. */
  refresh(): void;
  /** Reads the plans again and shows `select` (else the current one if it still exists). */
  reloadPlans(select?: string | null): Promise<void>;
  /** A deletion Ctrl+Z can undo; shows the toast « … supprimé · Annuler ». */
  deleted(d: Deletion, message: string): void;
  open(screen: Screen, arg?: string): void;
  close(): void;
}
