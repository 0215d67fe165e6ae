// Reads an .ics file with ical.js (the parser Thunderbird uses) and prints what it understood
// as JSON, in the same shape as read.py. Usage: node tests/ics-parsers/read.mjs FILE.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const ZONES = { paris: "Europe/Paris", toronto: "America/Toronto" };

function wall(date, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function time(t) {
  if (!t) return null;
  if (t.isDate) return { date: t.toString() };
  if (t.zone !== ICAL.Timezone.utcTimezone) throw new Error(`not a UTC time: ${t.toString()}`);
  const js = t.toJSDate();
  return {
    utc: js.toISOString().replace(".000Z", "Z"),
    paris: wall(js, ZONES.paris),
    toronto: wall(js, ZONES.toronto),
  };
}

function text(v, name) {
  const value = v.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

const path = process.argv[2];
const raw = readFileSync(path, "utf8");
const cal = new ICAL.Component(ICAL.parse(raw));
const events = cal.getAllSubcomponents("vevent").map((v) => {
  const e = new ICAL.Event(v);
  return {
    uid: e.uid,
    sequence: e.sequence,
    status: text(v, "status"),
    summary: e.summary ?? null,
    description: e.description ?? null,
    location: e.location || null,
    url: text(v, "url"),
    color: text(v, "color"),
    categories: v.getAllProperties("categories").flatMap((p) => p.getValues().map(String)),
    start: time(e.startDate),
    end: time(e.endDate),
    dtstamp: time(v.getFirstPropertyValue("dtstamp"))?.utc ?? null,
    created: time(v.getFirstPropertyValue("created"))?.utc ?? null,
    lastModified: time(v.getFirstPropertyValue("last-modified"))?.utc ?? null,
    alarms: v.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger"))),
  };
});
process.stdout.write(
  JSON.stringify({
    parser: `ical.js ${JSON.parse(readFileSync(new URL("./node_modules/ical.js/package.json", import.meta.url))).version}`,
    // NAME (RFC 7986) is written with VALUE=TEXT, so ical.js decodes its escapes; it reads
    // X-WR-CALNAME, which it does not know, raw (still escaped).
    name: text(cal, "name"),
    wrCalname: text(cal, "x-wr-calname"),
    refresh: text(cal, "refresh-interval"),
    ttl: text(cal, "x-published-ttl"),
    errors: [],
    events,
  }) + "\n",
);
