// Dates and times for people: Intl formats in the plan's zone, 24-hour clock in French.
import type { Event } from "./generated/models";
import { intlTag, type Locale } from "./i18n/index";
import { addDays, isoWeek } from "./time/week";
import { localParts } from "./time/zone";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag(locale), options);
    cache.set(key, f);
  }
  return f;
}

/** A calendar day as a Date at UTC midnight, formatted with timeZone "UTC" so it never shifts. */
function dayAsDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** France writes 08:30, Québec 8 h 30, English 8:30 AM. */
function clockOptions(locale: Locale): Intl.DateTimeFormatOptions {
  switch (locale) {
    case "fr":
      return { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    case "fr-CA":
      return { hour: "numeric", minute: "2-digit", hourCycle: "h23" };
    case "en":
      return { hour: "numeric", minute: "2-digit" };
  }
}

/** "10:00" (fr), "10 h 00" (fr-CA), "10:00 AM" (en) for an instant in `zone`. */
export function formatTime(at: string | Date, zone: string, locale: Locale): string {
  return formatter(locale, { ...clockOptions(locale), timeZone: zone }).format(
    typeof at === "string" ? new Date(at) : at,
  );
}

/** "lundi 23 novembre" */
export function formatDayHeading(date: string, locale: Locale): string {
  return formatter(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(dayAsDate(date));
}

/** "lun. 23" */
export function formatLaneDay(date: string, locale: Locale): string {
  return formatter(locale, { weekday: "short", day: "numeric", timeZone: "UTC" }).format(dayAsDate(date));
}

/** "23 nov." */
export function formatShortDay(date: string, locale: Locale): string {
  return formatter(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    dayAsDate(date),
  );
}

/**
 * The ISO week number and the "23–29 nov. 2026" range of the week from `first` to `last`
 * (a Monday-to-Sunday week, or Sunday-to-Saturday in Québec: the number is the week of its
 * middle day).
 */
export function weekLabelParts(first: string, last: string, locale: Locale): { week: number; range: string } {
  const f = formatter(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return { week: isoWeek(addDays(first, 3)).week, range: f.formatRange(dayAsDate(first), dayAsDate(last)) };
}

/** "Toronto" for "America/Toronto", "Port of Spain" for "America/Port_of_Spain". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/**
 * When an event happens, in words: "samedi 28 novembre · Toute la journée",
 * "28–29 nov." or "samedi 28 novembre · 10:00 – 18:00" in `zone`.
 */
export function formatEventTime(event: Event, zone: string, locale: Locale, allDay: string): string {
  const when = event.when;
  if (when.kind === "allDay") {
    if (when.start === when.end) return `${formatDayHeading(when.start, locale)} · ${allDay}`;
    const f = formatter(locale, { day: "numeric", month: "short", timeZone: "UTC" });
    return f.formatRange(dayAsDate(when.start), dayAsDate(when.end));
  }
  const day = formatDayHeading(localParts(new Date(when.start), zone).date, locale);
  return `${day} · ${formatTime(when.start, zone, locale)} – ${formatTime(when.end, zone, locale)}`;
}
