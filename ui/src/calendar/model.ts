// The core's posts and events as FullCalendar event inputs, and FullCalendar's dates back as
// the core's `PlannedInput`.
//
// FullCalendar runs with `timeZone: "UTC"` and is given wall-clock times of the plan's zone
// written as if they were UTC ("shifted" times): the calendar then draws the plan's hours
// whatever the computer's zone, without a zone plugin, and the zone maths stay in
// `time/zone.ts` (Intl), the same code the rest of the UI uses.
import type { Event, PlannedInput, PostView } from "../generated/models";
import type { OverlayProps } from "./overlay";
import { addDays } from "../time/week";
import { localDateTime, localParts, zonedToUtc } from "../time/zone";

export interface CalendarEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  allDay: boolean;
  editable: boolean;
  durationEditable?: boolean;
  classNames: string[];
  display?: string;
  /** Sorts a day's entries: banners and posts (0) before a "+N" (1). */
  cadOrder?: number;
  extendedProps:
    | { kind: "post"; view: PostView }
    | { kind: "event"; event: Event }
    | { kind: "more"; date: string; count: number }
    | OverlayProps;
}

/**
 * Minutes a timed post without a duration takes on the grid: a post is an instant, an hour
 * leaves room for its title (only drawn; nothing is saved until the post is resized).
 */
export const DEFAULT_MINUTES = 60;

/** A post as a calendar entry in `zone`, or null when it is not planned. */
export function postEntry(view: PostView, zone: string): CalendarEvent | null {
  const { post } = view;
  const planned = post.planned;
  if (planned === null) return null;
  const classNames = ["cad-post", `status-${post.status}`];
  if (view.warnings.length) classNames.push("has-warnings");
  const base = { id: post.id, title: post.title, editable: true, classNames, cadOrder: 0, extendedProps: { kind: "post" as const, view } };
  if (planned.kind === "day") return { ...base, start: planned.date, allDay: true, durationEditable: false };
  // The core already gives the wall clock in the post's own zone, usually the plan's.
  const start = planned.timezone === zone ? planned.local : localDateTime(new Date(planned.at), zone);
  const minutes = post.durationMinutes ?? DEFAULT_MINUTES;
  return {
    ...base,
    start,
    end: wallClock(new Date(Date.parse(`${start}Z`) + minutes * 60_000)),
    allDay: false,
    durationEditable: true,
  };
}

/** The days an event covers in `zone`, first and last included. */
export function eventDays(event: Event, zone: string): { first: string; last: string } {
  const when = event.when;
  if (when.kind === "allDay") return { first: when.start, last: when.end };
  return { first: localParts(new Date(when.start), zone).date, last: localParts(new Date(when.end), zone).date };
}

/** A one-off event as an all-day banner over the days it covers. */
export function eventEntry(event: Event, zone: string): CalendarEvent {
  const { first, last } = eventDays(event, zone);
  return {
    id: `event:${event.id}`,
    title: event.title,
    start: first,
    end: addDays(last, 1),
    allDay: true,
    editable: false,
    classNames: ["cad-event"],
    cadOrder: 0,
    extendedProps: { kind: "event", event },
  };
}

/** A shifted Date (wall clock written as UTC) as "YYYY-MM-DDTHH:MM:SS". */
export function wallClock(shifted: Date): string {
  return shifted.toISOString().slice(0, 19);
}

/**
 * Where a post dropped at `shifted` (a wall-clock time of `planZone`) is now planned. A timed
 * post keeps the zone it was planned in: the same instant, written in that zone. A wall-clock
 * time that does not exist in the plan's zone is sent as is, so the core can refuse it.
 */
export function plannedOfDrop(shifted: Date, allDay: boolean, planZone: string, postZone: string | null): PlannedInput {
  const local = wallClock(shifted);
  if (allDay) return { kind: "day", date: local.slice(0, 10) };
  const zone = postZone ?? planZone;
  if (zone === planZone) return { kind: "at", local, timezone: zone };
  const at = zonedToUtc(local, planZone);
  return at === null ? { kind: "at", local, timezone: planZone } : { kind: "at", local: localDateTime(at, zone), timezone: zone };
}

/** The same planning moved by `days` days (wall-clock time kept). */
export function shiftPlanned(planned: PlannedInput, days: number): PlannedInput {
  if (planned.kind === "day") return { kind: "day", date: addDays(planned.date, days) };
  return { ...planned, local: `${addDays(planned.local.slice(0, 10), days)}${planned.local.slice(10)}` };
}

/** Minutes between two shifted dates. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

/**
 * At most `max` posts a day (the first ones: all-day, then by time), the others summed up in one
 * "+N" entry a day. A month of a busy plan then draws a few hundred boxes, not thousands.
 */
export function capPerDay(entries: readonly CalendarEvent[], max: number): CalendarEvent[] {
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of entries) {
    const day = e.start.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  }
  const out: CalendarEvent[] = [];
  for (const [date, list] of byDay) {
    if (list.length <= max) {
      out.push(...list);
      continue;
    }
    list.sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.start.localeCompare(b.start));
    out.push(...list.slice(0, max));
    const count = list.length - max;
    out.push({
      id: `more:${date}`,
      title: `+${count}`,
      start: date,
      allDay: true,
      editable: false,
      classNames: ["cad-more"],
      cadOrder: 1,
      extendedProps: { kind: "more", date, count },
    });
  }
  return out;
}
