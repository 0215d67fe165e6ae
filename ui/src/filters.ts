// What the calendar shows: filters by channel, objective, status, event and tag, remembered
// per plan between runs.
import type { PostStatus, PostView, RangeView } from "./generated/models";
import { STATUSES } from "./i18n/labels";

/** "" means "all". */
export interface Filter {
  channelId: string;
  objectiveId: string;
  status: "" | PostStatus;
  eventId: string;
  tag: string;
}

export const NO_FILTER: Filter = { channelId: "", objectiveId: "", status: "", eventId: "", tag: "" };

const STORAGE_KEY = "cadence.filters";

export function isFiltering(f: Filter): boolean {
  return f.channelId !== "" || f.objectiveId !== "" || f.status !== "" || f.eventId !== "" || f.tag !== "";
}

export function matchesFilter(view: PostView, f: Filter): boolean {
  const p = view.post;
  if (f.channelId !== "" && !p.channels.some((c) => c.channelId === f.channelId)) return false;
  if (f.objectiveId !== "" && p.objectiveId !== f.objectiveId) return false;
  if (f.status !== "" && p.status !== f.status) return false;
  if (f.eventId !== "" && p.eventId !== f.eventId) return false;
  if (f.tag !== "" && !p.tags.some((t) => t.toLocaleLowerCase() === f.tag.toLocaleLowerCase())) return false;
  return true;
}

export function filterPosts(posts: readonly PostView[], f: Filter): PostView[] {
  return isFiltering(f) ? posts.filter((v) => matchesFilter(v, f)) : [...posts];
}

/** The tags used in a range, sorted the way the locale sorts words, without case duplicates. */
export function tagsOf(range: RangeView, locale: string): string[] {
  const seen = new Map<string, string>();
  for (const v of range.posts) for (const t of v.post.tags) if (!seen.has(t.toLocaleLowerCase())) seen.set(t.toLocaleLowerCase(), t);
  return [...seen.values()].sort(new Intl.Collator(locale).compare);
}

/** A filter read back from storage: anything malformed counts as "all". */
export function parseFilter(value: unknown): Filter {
  if (typeof value !== "object" || value === null) return { ...NO_FILTER };
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  const status = str("status");
  return {
    channelId: str("channelId"),
    objectiveId: str("objectiveId"),
    status: (STATUSES as readonly string[]).includes(status) ? (status as PostStatus) : "",
    eventId: str("eventId"),
    tag: str("tag"),
  };
}

function readAll(storage: Pick<Storage, "getItem"> | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function loadFilter(storage: Pick<Storage, "getItem"> | undefined, planId: string): Filter {
  return parseFilter(readAll(storage)[planId]);
}

export function saveFilter(storage: Pick<Storage, "getItem" | "setItem"> | undefined, planId: string, f: Filter): void {
  try {
    const all = readAll(storage);
    if (isFiltering(f)) all[planId] = f;
    else delete all[planId];
    storage?.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Not remembered; the filter still applies now.
  }
}
