// Dates and times typed as text, in the user's language rather than the system's.
//
// WebKitGTK draws `<input type="date">` and `type="time"` in the operating system's locale, so a
// French window on an English system showed 11/27/2026 and 10:15 AM. These fields are plain text
// inputs formatted and parsed here: French (both France and Québec) writes 27/11/2026 and 10:15
// (10 h 15 and 10h15 are understood), English writes 2026-11-27 or 11/27/2026 and 10:15 or 10:15 AM.
// Values in and out are ISO: `YYYY-MM-DD` and `HH:MM` (24 h), or "" for an empty field.
import type { Locale } from "../i18n/messages";

const pad = (n: number): string => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const probe = new Date(Date.UTC(2000, m - 1, d));
  probe.setUTCFullYear(y);
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

/** The placeholder shown in an empty date field. */
export function datePattern(locale: Locale): string {
  return locale === "en" ? "yyyy-mm-dd" : "jj/mm/aaaa";
}

/** ISO `YYYY-MM-DD` → what the field shows. */
export function formatDateField(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return locale === "en" ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * What the user typed → ISO `YYYY-MM-DD`, "" for an empty field, or null when it is not a date.
 * ISO is always understood; otherwise French reads day/month/year and English month/day/year,
 * with `/`, `.` or `-` between the parts. A two-digit year means 20xx.
 */
export function parseDateField(text: string, locale: Locale): string | null {
  const s = text.trim();
  if (s === "") return "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parts = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s);
  if (!parts) return null;
  const a = Number(parts[1]);
  const b = Number(parts[2]);
  const yText = parts[3] ?? "";
  const y = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
  return locale === "en" ? validDate(y, a, b) : validDate(y, b, a);
}

/** The placeholder shown in an empty time field. */
export const TIME_PATTERN = "hh:mm";

/** ISO `HH:MM` → what the field shows (24 h in every language, as the week grid does in French). */
export function formatTimeField(iso: string): string {
  const m = /^(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}:${m[2]}` : iso;
}

/**
 * What the user typed → `HH:MM` (24 h), "" for an empty field, or null when it is not a time.
 * Understands 10:15, 10h15, 10 h 15, 10h, 10.15, 1015, and in any language 10:15 am / 3 PM.
 */
export function parseTimeField(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "") return "";
  const m = /^(\d{1,2})(?:\s?[:h.]\s?(\d{2})?|(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? "0");
  const meridiem = m[4]?.replace(/\./g, "");
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * A text input for a date in the current language: shows `iso` formatted, and `readDateField`
 * gives back ISO (or the raw text when unreadable, so the core names the field in its error).
 */
export function dateInput(iso: string, locale: Locale, attrs: Record<string, string> = {}): HTMLInputElement {
  const el = document.createElement("input");
  el.type = "text";
  el.inputMode = "numeric";
  el.autocomplete = "off";
  el.placeholder = datePattern(locale);
  el.classList.add("date-field");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.value = formatDateField(iso, locale);
  return el;
}

export function readDateField(el: HTMLInputElement, locale: Locale): string {
  return parseDateField(el.value, locale) ?? el.value.trim();
}
