// A week of a plan arranged for display: seven days, their posts in order, the week's warnings.
import type { Event, PostView, RangeView, Warning } from "./generated/models";
import { weekDays } from "./time/week";
import { localParts } from "./time/zone";

export interface DayOfWeek {
  date: string;
  posts: PostView[];
}

export interface WeekWarning {
  view: PostView;
  warning: Warning;
}

/** The day a post falls on in `zone` (the plan's), or null when it is not planned. */
export function postDay(view: PostView, zone: string): string | null {
  const planned = view.post.planned;
  if (planned === null) return null;
  if (planned.kind === "day") return planned.date;
  // The core gives the wall clock in the post's own zone: no zone maths when it is `zone`.
  return planned.timezone === zone ? planned.local.slice(0, 10) : localParts(new Date(planned.at), zone).date;
}

/** All-day posts first, then timed posts by instant, then by title. */
function compare(a: PostView, b: PostView): number {
  const key = (v: PostView) => (v.post.planned?.kind === "at" ? `1${v.post.planned.at}` : "0");
  return key(a).localeCompare(key(b)) || a.post.title.localeCompare(b.post.title);
}

export function daysOfWeek(range: RangeView, monday: string): DayOfWeek[] {
  const days = weekDays(monday).map((date) => ({ date, posts: [] as PostView[] }));
  for (const view of range.posts) {
    const day = days.find((d) => d.date === postDay(view, range.plan.timezone));
    day?.posts.push(view);
  }
  for (const d of days) d.posts.sort(compare);
  return days;
}

/** Every warning of the week's posts, in the order of the days. */
export function weekWarnings(days: readonly DayOfWeek[]): WeekWarning[] {
  return days.flatMap((d) => d.posts.flatMap((view) => view.warnings.map((warning) => ({ view, warning }))));
}

/** Events touching the week, in start order. */
export function eventsOfWeek(range: RangeView): Event[] {
  const start = (e: Event) => (e.when.kind === "allDay" ? e.when.start : e.when.startLocal);
  return [...range.events].sort((a, b) => start(a).localeCompare(start(b)));
}
