// Pure helpers of the dashboard and the crisis switch: periods, chart data, banner state.
// No DOM and no chart.js here, so they are unit-tested and the mock shares them.
import type { CrisisState, Dashboard } from "./generated/models";
import { addDays, isoWeek, mondayOf } from "./time/week";

export type PeriodKind = "week" | "month";

/** The period label the core takes: `2026-12` or `2026-W49`, for the period holding `date`. */
export function periodOf(kind: PeriodKind, date: string): string {
  if (kind === "month") return date.slice(0, 7);
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Days `[from, to)` of a period label, or null when it is not one. */
export function periodDays(period: string): { from: string; to: string } | null {
  const week = /^(\d{4})-W(\d{2})$/i.exec(period.trim());
  if (week) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    // ISO week 1 holds January 4th.
    const monday = addDays(mondayOf(`${year}-01-04`), (n - 1) * 7);
    if (n < 1 || isoWeek(monday).year !== year || isoWeek(monday).week !== n) return null;
    return { from: monday, to: addDays(monday, 7) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period.trim());
  if (!month) return null;
  const y = Number(month[1]);
  const m = Number(month[2]);
  if (m < 1 || m > 12) return null;
  const from = `${month[1]}-${month[2]}-01`;
  const to = m === 12 ? `${y + 1}-01-01` : `${month[1]}-${String(m + 1).padStart(2, "0")}-01`;
  return { from, to };
}

/** The period before (-1) or after (+1). */
export function stepPeriod(kind: PeriodKind, period: string, delta: number): string {
  const days = periodDays(period);
  if (!days) return period;
  if (kind === "week") return periodOf("week", addDays(days.from, 7 * delta));
  const [y, m] = [Number(days.from.slice(0, 4)), Number(days.from.slice(5, 7))];
  const index = y * 12 + (m - 1) + delta;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export interface BarSeries {
  labels: string[];
  /** Actual shares (%) or posts. */
  actual: number[];
  /** Target shares (%) or posts. */
  target: number[];
  colors: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Objective mix: actual share of the period's posts vs target share, per objective, plus
 *  "no objective" when some posts have none (target 0). */
export function objectiveMixSeries(d: Dashboard, noObjective: string): BarSeries {
  const s: BarSeries = { labels: [], actual: [], target: [], colors: [] };
  for (const o of d.objectives) {
    s.labels.push(o.title);
    s.actual.push(round1(o.share));
    s.target.push(o.targetShare);
    s.colors.push(o.color);
  }
  if (d.withoutObjective > 0) {
    s.labels.push(noObjective);
    s.actual.push(round1((d.withoutObjective * 100) / Math.max(d.posts, 1)));
    s.target.push(0);
    s.colors.push("#9aa0a6");
  }
  return s;
}

/** Channel cadence: posts of the period vs the weekly target scaled to the period. */
export function channelCadenceSeries(d: Dashboard): BarSeries {
  return {
    labels: d.channels.map((c) => c.name),
    actual: d.channels.map((c) => c.posts),
    target: d.channels.map((c) => round1(c.target)),
    colors: d.channels.map((c) => c.color),
  };
}

export interface LineSeries {
  /** Mondays, oldest first. */
  weeks: string[];
  lines: { label: string; color: string; posts: number[]; weeklyTarget: number }[];
}

/** The 8 weeks of channel cadence, one line per channel. */
export function historySeries(d: Dashboard): LineSeries {
  return {
    weeks: d.history.map((w) => w.monday),
    lines: d.channels.map((c, i) => ({
      label: c.name,
      color: c.color,
      posts: d.history.map((w) => w.posts[i] ?? 0),
      weeklyTarget: c.weeklyTarget,
    })),
  };
}

/** Relayed share of the asked relays, in whole percent, or null when nobody was asked. */
export function participationRate(asked: number, relayed: number): number | null {
  return asked === 0 ? null : Math.round((relayed * 100) / asked);
}

export type BannerState = { kind: "none" } | { kind: "hold"; reason: string; since: string; held: number };

/** What the red banner shows: a hold in force (with its reason), else nothing. */
export function bannerState(s: CrisisState | null): BannerState {
  if (!s || !s.active || !s.hold) return { kind: "none" };
  return { kind: "hold", reason: s.hold.reason, since: s.hold.at, held: s.heldPosts };
}

/** The file name the save dialog proposes. */
export function csvFileName(planName: string, period: string): string {
  const slug = planName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return `tableau-de-bord-${slug || "plan"}-${period}.csv`;
}
