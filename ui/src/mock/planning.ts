// The mock's plans, objectives, channels and events commands: the core's checks that matter
// to the UI (required names, colours, zones, dates), the same codes and fields.
import type {
  Channel,
  ChannelInput,
  Event,
  EventInput,
  Objective,
  ObjectiveInput,
  Plan,
  PlanInput,
  Platform,
} from "../generated/models";
import { isDate } from "../time/week";
import { isKnownZone, zonedToUtc } from "../time/zone";
import { fail, LIMITS, optional, required, text } from "./checks";

type Meta = Pick<Plan, "createdAt" | "updatedAt" | "revision" | "deletedAt">;

/** Default text limit and weekly cadence per platform, as in the core. */
const PLATFORM_DEFAULTS: Record<Platform, [number | null, number]> = {
  linkedin: [3000, 2],
  facebook: [63_206, 3],
  instagram: [2200, 3],
  x: [280, 5],
  youtube: [5000, 1],
  tiktok: [2200, 3],
  pinterest: [500, 2],
  threads: [500, 5],
  bluesky: [300, 5],
  mastodon: [500, 2],
  internal: [1000, 1],
  newsletter: [null, 1],
  blog: [null, 1],
  other: [null, 0],
};

export function color(field: string, value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9a-fA-F]{6}$/.test(value.trim())) {
    throw fail("invalid", `${field}: "${String(value)}" is not a #rrggbb colour`, field);
  }
  return value.trim().toLowerCase();
}

function optionalDate(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string" || !isDate(value)) throw fail("invalid", `${field}: "${String(value)}" is not a date`, field);
  return value;
}

export function buildPlan(input: Partial<PlanInput>, id: string, meta: Meta): Plan {
  const name = required("name", input.name, LIMITS.NAME);
  if (typeof input.timezone !== "string" || !isKnownZone(input.timezone)) {
    throw fail("unknown_zone", `unknown time zone "${String(input.timezone)}"`, "timezone");
  }
  const locale = required("locale", input.locale, 35);
  return { id, name, timezone: input.timezone, locale, ...meta };
}

export function buildObjective(input: Partial<ObjectiveInput>, id: string, meta: Meta): Objective {
  const title = required("title", input.title, LIMITS.TITLE);
  const startDate = optionalDate("startDate", input.startDate);
  const endDate = optionalDate("endDate", input.endDate);
  if (startDate && endDate && endDate < startDate) throw fail("end_before_start", "endDate: the end is before the start", "endDate");
  const share = input.targetShare ?? 0;
  if (!Number.isInteger(share) || share < 0 || share > 100) throw fail("invalid", "targetShare: 0 to 100", "targetShare");
  return {
    id,
    planId: String(input.planId),
    kind: input.kind ?? "other",
    title,
    target: optional("target", input.target ?? "", LIMITS.SHORT_TEXT),
    startDate,
    endDate,
    color: color("color", input.color),
    targetShare: share,
    ...meta,
  };
}

export function buildChannel(input: Partial<ChannelInput>, id: string, meta: Meta): Channel {
  const name = required("name", input.name, LIMITS.NAME);
  const platform = input.platform ?? "other";
  const [limit, target] = PLATFORM_DEFAULTS[platform] ?? [null, 0];
  const charLimit = input.charLimit ?? limit;
  if (charLimit !== null && (!Number.isInteger(charLimit) || charLimit < 1)) throw fail("invalid", "charLimit: at least 1", "charLimit");
  const weeklyTarget = input.weeklyTarget ?? target;
  if (!Number.isInteger(weeklyTarget) || weeklyTarget < 0) throw fail("invalid", "weeklyTarget: not negative", "weeklyTarget");
  return { id, planId: String(input.planId), platform, name, charLimit, weeklyTarget, color: color("color", input.color), ...meta };
}

export function buildEvent(input: Partial<EventInput>, id: string, meta: Meta): Event {
  const title = required("title", input.title, LIMITS.TITLE);
  const when = input.when;
  let built: Event["when"];
  if (when?.kind === "allDay") {
    if (!isDate(when.start)) throw fail("invalid", "when: start is not a date", "when");
    if (!isDate(when.end)) throw fail("invalid", "when: end is not a date", "when");
    if (when.end < when.start) throw fail("end_before_start", "when: the end is before the start", "when");
    built = { kind: "allDay", start: when.start, end: when.end };
  } else if (when?.kind === "timed") {
    if (!isKnownZone(when.timezone)) throw fail("unknown_zone", `unknown time zone "${when.timezone}"`, "timezone");
    const start = zonedToUtc(when.startLocal, when.timezone);
    const end = zonedToUtc(when.endLocal, when.timezone);
    if (!start || !end) throw fail("nonexistent_local_time", "when: a time does not exist (clocks jump forward)", "when");
    if (end < start) throw fail("end_before_start", "when: the end is before the start", "when");
    const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
    built = { kind: "timed", start: iso(start), end: iso(end), timezone: when.timezone, startLocal: when.startLocal, endLocal: when.endLocal };
  } else {
    throw fail("invalid", "when: expected allDay or timed", "when");
  }
  return {
    id,
    planId: String(input.planId),
    kind: input.kind ?? "other",
    title,
    description: text("description", input.description ?? "", LIMITS.BODY),
    location: optional("location", input.location ?? "", LIMITS.NAME),
    when: built,
    ...meta,
  };
}
