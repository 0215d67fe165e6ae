// Instants and wall-clock times in IANA zones, with the browser's Intl as the zone database.

export interface LocalParts {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM" */
  time: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

export function isKnownZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

let known: { zone: string; at: number } | null = null;

/** The zone of the computer running the app (asked again at most once a minute: it is slow). */
export function computerZone(): string {
  const now = Date.now();
  if (known === null || now - known.at > 60_000) known = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  return known.zone;
}

/** Wall-clock "YYYY-MM-DDTHH:MM:SS" of an instant in `zone`. */
export function localDateTime(at: Date, zone: string): string {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(zone).formatToParts(at)) parts[p.type] = p.value;
  return `${parts["year"]}-${parts["month"]}-${parts["day"]}T${parts["hour"]}:${parts["minute"]}:${parts["second"]}`;
}

export function localParts(at: Date, zone: string): LocalParts {
  const s = localDateTime(at, zone);
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time denotes in `zone`, like the core's `to_utc`: a time skipped
 * by a DST jump gives `null`; a time that happens twice gives the first of the two.
 */
export function zonedToUtc(local: string, zone: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const asUtc = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? "0"),
  );
  const wanted = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  const offsetAt = (t: number) => Date.parse(`${localDateTime(new Date(t), zone)}Z`) - t;
  // The offsets in force a day before and a day after cover both sides of any transition.
  const candidates = [offsetAt(asUtc - 86_400_000), offsetAt(asUtc + 86_400_000)]
    .map((offset) => asUtc - offset)
    .filter((t) => localDateTime(new Date(t), zone) === wanted)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? null : new Date(first);
}
