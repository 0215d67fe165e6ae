// Calendar days as "YYYY-MM-DD" strings. Days are counted on the proleptic Gregorian
// calendar with no zone at all, so daylight-saving changes can never shift a day.

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a "YYYY-MM-DD" day; throws on anything else. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** Monday of the week containing `date` (weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The `[from, to)` range the core expects for the week containing `date`. */
export function weekRange(date: string): { from: string; to: string } {
  const from = mondayOf(date);
  return { from, to: addDays(from, 7) };
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const week = (dayNumber(thursday) - dayNumber(firstThursday)) / 7 + 1;
  return { year, week };
}

export function isWeekend(date: string): boolean {
  return weekdayIndex(date) >= 5;
}

/** The first day of the week containing `date`, weeks starting on `firstDay` (0 Sunday, 1 Monday). */
export function weekStart(date: string, firstDay: number): string {
  const jsDay = (weekdayIndex(date) + 1) % 7;
  return addDays(date, -((jsDay - firstDay + 7) % 7));
}
