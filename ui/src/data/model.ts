// What the data screens compute without the core: the export filter of the view, ages in the
// trash, sizes, and the translated reason of an import row problem.
import type { ExportFilter, PostStatus } from "../generated/models";
import type { Filter } from "../filters";
import type { RowProblem } from "../dataTypes";
import { isMessageKey, t } from "../i18n/index";
import { fieldLabel } from "../i18n/labels";

export interface ExportOptions {
  /** First and last day, inclusive ("" = open). */
  from: string;
  to: string;
  includeDrafts: boolean;
  /** Minutes before each post, or null for no reminder. */
  alarmMinutes: number | null;
}

/** The filter bar's choices (channel, objective, status, event) plus the export's options. */
export function exportFilterOf(planId: string, f: Filter, o: ExportOptions): ExportFilter {
  const statuses: PostStatus[] = f.status === "" ? [] : [f.status];
  return {
    planId,
    channelIds: f.channelId ? [f.channelId] : [],
    objectiveIds: f.objectiveId ? [f.objectiveId] : [],
    eventIds: f.eventId ? [f.eventId] : [],
    statuses,
    from: o.from || null,
    to: o.to || null,
    includeDrafts: o.includeDrafts,
    alarmMinutes: o.alarmMinutes,
    retentionDays: null,
    calendarName: null,
  };
}

const DAY_MS = 86_400_000;

/** Whole days between an instant and now. */
export function daysSince(instant: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(instant)) / DAY_MS);
}

/** Whether every item was deleted more than `days` days ago (emptying needs no confirmation). */
export function allOlderThan(deletedAts: readonly (string | null)[], now: Date, days: number): boolean {
  return deletedAts.every((d) => d !== null && daysSince(d, now) >= days);
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ["o", "ko", "Mo", "Go"] as const;
  const en = ["B", "kB", "MB", "GB"] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
  return `${n} ${(locale.startsWith("fr") ? units : en)[i]}`;
}

/** "Ligne 4, colonne « canal » : aucun canal « Snapchat » dans ce plan." */
export function problemMessage(p: RowProblem): string {
  const key = `importProblem.${p.code}`;
  const reason = isMessageKey(key) ? t(key, { value: p.value, field: fieldLabel(p.column) }) : t("importProblem.other", { reason: p.reason });
  return reason;
}

/** The file name at the end of a path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
