// The week's first frame at start-up, drawn without FullCalendar.
//
// FullCalendar's first drawing of a week costs WebKitGTK about 160 ms of scripting and layout
// (it measures its grid several times while building it), which made start-up twice as slow as
// an empty window. So at start-up the app draws the same week with this module first: the same
// DOM classes as FullCalendar's time grid (so the same CSS lays it out), the same entries and
// the same content in each box (calendar.ts `entryContent`), the same day headers and hour
// labels (Intl, tidied as FullCalendar tidies it), boxes side by side as with `slotEventOverlap: false`.
// FullCalendar is built as soon as this frame is painted and replaces it in the same task, so
// the screen changes only if the two drawings differ (a page test compares their boxes).
// The frame is inert: no clicks, no focus, no test ids; it lives for one frame or two.
import type { CalendarEvent } from "../calendar/model";
import { h } from "../dom";
import type { Locale } from "../i18n/index";
import { addDays } from "../time/week";
import { EVENT_MIN_HEIGHT, fcLocale, SCROLL_TIME, slotLabelFormat, WEEK_DAY_HEADER } from "./calendarShared";

export interface FirstWeekProps {
  /** The week's seven days, "YYYY-MM-DD". */
  days: readonly string[];
  /** Now in the plan's zone, "YYYY-MM-DDTHH:MM:SS". */
  now: string;
  locale: Locale;
  allDayText: string;
  /** What FullCalendar is given for this week (calendar.ts `events`). */
  entries: readonly CalendarEvent[];
  /** The inside of an entry's box, and a post's colour. */
  content(entry: CalendarEvent): Node[];
  accent(entry: CalendarEvent): string | null;
}

export interface FirstWeek {
  readonly element: HTMLElement;
  /** Sizes the hour column and places the timed boxes; the element must be in the document. */
  layout(): void;
}

/**
 * Text as FullCalendar writes it with these options: Intl's, without direction marks, with
 * "am"/"pm" for `meridiem: "short"`, spaces collapsed (its `postProcess`). One Intl formatter
 * per call site: FullCalendar's own `formatDate` builds a date environment on every call.
 */
function fcFormatter(locale: string, options: Intl.DateTimeFormatOptions & { meridiem?: "short" }): (d: Date) => string {
  const { meridiem, ...intl } = options;
  const f = new Intl.DateTimeFormat(locale, { ...intl, ...(meridiem ? { hour12: true } : {}), timeZone: "UTC" });
  return (d) => {
    let s = f.format(d).replace(/[\u200e\u200f]/g, "");
    if (meridiem === "short") s = s.replace(/\s*([ap])\.?m\.?/i, (_m, ap: string) => `${ap.toLowerCase()}m`);
    return s.replace(/\s\s+/g, " ").trim();
  };
}

const WEEKDAY_CLASS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const SLOTS = 48;
const SLOT_MINUTES = 30;

/** Minutes since midnight of "YYYY-MM-DDTHH:MM[:SS]". */
function minutesOf(local: string): number {
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

function utc(day: string, minutes = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
}

function dayClasses(day: string, today: string): string {
  const when = day < today ? "fc-day-past" : day === today ? "fc-day-today" : "fc-day-future";
  return `fc-day fc-day-${WEEKDAY_CLASS[utc(day).getUTCDay()]} ${when}`;
}

/** A day ("YYYY-MM-DD") or a wall-clock time as "YYYY-MM-DDTHH:MM:SS". */
function wall(d: string): string {
  return d.length === 10 ? `${d}T00:00:00` : d;
}

/** FullCalendar's entry order ("cadOrder,start,-duration,allDay,title"). */
function compareEntries(a: CalendarEvent, b: CalendarEvent): number {
  const at = (d: string) => Date.parse(`${wall(d)}Z`);
  // Without an end, FullCalendar's default durations: a day, or an hour (calendar.ts).
  const duration = (e: CalendarEvent) => (e.end ? at(e.end) - at(e.start) : e.allDay ? 86_400_000 : 3_600_000);
  return (
    (a.cadOrder ?? 0) - (b.cadOrder ?? 0) ||
    at(a.start) - at(b.start) ||
    duration(b) - duration(a) ||
    Number(a.allDay) - Number(b.allDay) ||
    a.title.localeCompare(b.title)
  );
}

/** A timed entry's piece on one day: minutes since that day's midnight. */
interface TimedSeg {
  entry: CalendarEvent;
  day: number;
  from: number;
  to: number;
  isStart: boolean;
  isEnd: boolean;
  col: number;
  cols: number;
}

/** Timed entries cut at midnight, then laid out in columns inside each group of overlapping
 *  boxes (each box as wide as its group allows). */
export function timedSegments(entries: readonly CalendarEvent[], days: readonly string[], minHeightMinutes: number): TimedSeg[] {
  const out: TimedSeg[] = [];
  days.forEach((d, i) => {
    const dayStart = Date.parse(`${d}T00:00:00Z`);
    const dayEnd = dayStart + 86_400_000;
    const segs: TimedSeg[] = [];
    for (const e of entries) {
      if (e.allDay || e.display === "background") continue;
      const start = Date.parse(`${e.start}Z`);
      const end = e.end ? Date.parse(`${e.end}Z`) : start + 3_600_000;
      if (end <= dayStart || start >= dayEnd) continue;
      const from = Math.max(start, dayStart);
      const to = Math.min(end, dayEnd);
      segs.push({ entry: e, day: i, from: (from - dayStart) / 60_000, to: (to - dayStart) / 60_000, isStart: start >= dayStart, isEnd: end <= dayEnd, col: 0, cols: 1 });
    }
    segs.sort((a, b) => a.from - b.from || compareEntries(a.entry, b.entry));
    // Groups of boxes that overlap on screen (a short box still takes its minimum height).
    let group: TimedSeg[] = [];
    let groupEnd = -1;
    const close = () => {
      const colEnds: number[] = [];
      for (const s of group) {
        const bottom = Math.max(s.to, s.from + minHeightMinutes);
        let c = colEnds.findIndex((e) => e <= s.from);
        if (c < 0) c = colEnds.length;
        colEnds[c] = bottom;
        s.col = c;
      }
      for (const s of group) s.cols = colEnds.length;
      out.push(...group);
      group = [];
    };
    for (const s of segs) {
      if (group.length && s.from >= groupEnd) close();
      group.push(s);
      groupEnd = Math.max(groupEnd, s.to, s.from + minHeightMinutes);
    }
    close();
  });
  return out;
}

/** All-day entries as pieces of the week: first and last column, and a row (first free). */
export function allDaySegments(entries: readonly CalendarEvent[], days: readonly string[]): { entry: CalendarEvent; first: number; last: number; row: number; isStart: boolean; isEnd: boolean }[] {
  const weekStart = days[0] ?? "";
  const weekEnd = addDays(days[days.length - 1] ?? weekStart, 1);
  const rows: boolean[][] = [];
  const out = [];
  for (const e of [...entries].filter((x) => x.allDay && x.display !== "background").sort(compareEntries)) {
    const start = e.start.slice(0, 10);
    const end = e.end ? e.end.slice(0, 10) : addDays(start, 1);
    if (end <= weekStart || start >= weekEnd) continue;
    const first = Math.max(0, days.indexOf(start < weekStart ? weekStart : start));
    const lastDay = addDays(end, -1);
    const last = lastDay >= weekEnd ? days.length - 1 : days.indexOf(lastDay);
    let row = 0;
    while (rows[row]?.slice(first, last + 1).some(Boolean)) row++;
    rows[row] ??= [];
    for (let c = first; c <= last; c++) rows[row]![c] = true;
    out.push({ entry: e, first, last, row, isStart: start >= weekStart, isEnd: end <= weekEnd });
  }
  return out;
}

function eventClasses(e: CalendarEvent, now: string, isStart: boolean, isEnd: boolean, extra: string): string {
  const start = wall(e.start);
  const end = e.end ? wall(e.end) : start;
  const today = now.slice(0, 10);
  const c = ["fc-event"];
  if (e.editable) c.push("fc-event-draggable");
  if (!e.allDay && e.editable && e.durationEditable !== false) c.push("fc-event-resizable");
  if (isStart) c.push("fc-event-start");
  if (isEnd) c.push("fc-event-end");
  if (end <= now) c.push("fc-event-past");
  if (start.slice(0, 10) === today) c.push("fc-event-today");
  if (start >= now) c.push("fc-event-future");
  return [...c, ...e.classNames, extra].join(" ");
}

export function renderFirstWeek(p: FirstWeekProps): FirstWeek {
  const today = p.now.slice(0, 10);
  const locale = fcLocale(p.locale);
  const dayHeader = fcFormatter(locale, WEEK_DAY_HEADER);
  const slotLabel = fcFormatter(locale, slotLabelFormat(p.locale));
  const cols = () => h("colgroup", {}, h("col", {}));
  const scroller = (cls: string, child: Node) => {
    const s = h("div", { class: cls }, child);
    s.style.overflow = "hidden scroll";
    return s;
  };

  const header = h(
    "table",
    { role: "presentation", class: "fc-col-header" },
    cols(),
    h(
      "thead",
      { role: "presentation" },
      h(
        "tr",
        { role: "row" },
        h("th", { "aria-hidden": "true", class: "fc-timegrid-axis" }, h("div", { class: "fc-timegrid-axis-frame" })),
        ...p.days.map((d) =>
          h(
            "th",
            { role: "columnheader", class: `fc-col-header-cell ${dayClasses(d, today)}` },
            h("div", { class: "fc-scrollgrid-sync-inner" }, h("a", { class: "fc-col-header-cell-cushion" }, dayHeader(utc(d)))),
          ),
        ),
      ),
    ),
  );

  // The all-day row: banners and day posts, one under the other in their row's order.
  const allDay = allDaySegments(p.entries, p.days);
  const rowsIn = (col: number) => allDay.filter((s) => s.first <= col && col <= s.last).sort((a, b) => a.row - b.row);
  const dayEvents = p.days.map((_, col) => {
    const box = h("div", { class: "fc-daygrid-day-events" });
    for (const s of rowsIn(col)) {
      const e = s.entry;
      const a = h("a", { class: eventClasses(e, p.now, s.isStart && s.first === col, s.isEnd, "fc-daygrid-event fc-daygrid-block-event fc-h-event"), "data-entry-id": e.id }, h("div", { class: "fc-event-main" }, ...p.content(e)));
      const accent = p.accent(e);
      if (accent) a.style.setProperty("--accent", accent);
      const harness = h("div", { class: "fc-daygrid-event-harness" }, a);
      harness.style.marginTop = "0px";
      if (s.first !== col) harness.style.visibility = "hidden";
      else if (s.last > s.first) {
        // A banner over several days: drawn once, across its days' cells (the cells it covers
        // keep an invisible copy, so what comes under it stays under it).
        harness.style.position = "relative";
        harness.style.zIndex = "1";
        harness.style.marginRight = `calc(-${s.last - s.first} * (100% + 1px))`;
      }
      box.append(harness);
    }
    const bottom = h("div", { class: "fc-daygrid-day-bottom" });
    bottom.style.marginTop = "0px";
    box.append(bottom);
    return box;
  });
  // Background entries (a public holiday's shade) of a day, in the all-day row and its column.
  const backgroundsOn = (day: string) =>
    p.entries.filter((e) => e.allDay && e.display === "background" && e.start.slice(0, 10) <= day && day < (e.end ?? addDays(e.start, 1)).slice(0, 10));
  const bgEvent = (e: CalendarEvent) => h("div", { class: ["fc-bg-event", ...e.classNames].join(" ") });
  const allDayTable = h(
    "table",
    { role: "presentation", class: "fc-scrollgrid-sync-table" },
    cols(),
    h(
      "tbody",
      { role: "presentation" },
      h(
        "tr",
        { role: "row" },
        h(
          "td",
          { "aria-hidden": "true", class: "fc-timegrid-axis fc-scrollgrid-shrink" },
          h("div", { class: "fc-timegrid-axis-frame fc-scrollgrid-shrink-frame fc-timegrid-axis-frame-liquid" }, h("span", { class: "fc-timegrid-axis-cushion fc-scrollgrid-shrink-cushion fc-scrollgrid-sync-inner" }, p.allDayText)),
        ),
        ...p.days.map((d, col) =>
          h(
            "td",
            { role: "gridcell", class: `${dayClasses(d, today)} fc-daygrid-day` },
            h("div", { class: "fc-daygrid-day-frame fc-scrollgrid-sync-inner" }, dayEvents[col]!, h("div", { class: "fc-daygrid-day-bg" }, ...backgroundsOn(d).map(bgEvent))),
          ),
        ),
      ),
    ),
  );

  // The hours: 48 half-hour rows, a label on each hour.
  const slatRows: HTMLElement[] = [];
  for (let i = 0; i < SLOTS; i++) {
    const minutes = i * SLOT_MINUTES;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;
    const minor = minutes % 60 !== 0;
    const label = minor
      ? h("td", { class: "fc-timegrid-slot fc-timegrid-slot-label fc-timegrid-slot-minor", "data-time": time })
      : h(
          "td",
          { class: "fc-timegrid-slot fc-timegrid-slot-label fc-scrollgrid-shrink", "data-time": time },
          h("div", { class: "fc-timegrid-slot-label-frame fc-scrollgrid-shrink-frame" }, h("div", { class: "fc-timegrid-slot-label-cushion fc-scrollgrid-shrink-cushion" }, slotLabel(utc("2000-01-01", minutes)))),
        );
    slatRows.push(h("tr", {}, label, h("td", { class: `fc-timegrid-slot fc-timegrid-slot-lane${minor ? " fc-timegrid-slot-minor" : ""}`, "data-time": time })));
  }
  const slats = h("div", { class: "fc-timegrid-slots" }, h("table", { "aria-hidden": "true" }, cols(), h("tbody", {}, ...slatRows)));

  // Boxes overlap when their drawn heights do: the minimum height counts (calendar.css draws a
  // half hour in 30 px, so a minute is a pixel).
  const timed = timedSegments(p.entries, p.days, EVENT_MIN_HEIGHT);
  const harnesses: { el: HTMLElement; seg: TimedSeg }[] = [];
  const nowMinutes = minutesOf(p.now);
  const nowLine = h("div", { class: "fc-timegrid-now-indicator-line" });
  const nowArrow = h("div", { class: "fc-timegrid-now-indicator-arrow" });
  const columns = p.days.map((d, col) => {
    const events = h("div", { class: "fc-timegrid-col-events" });
    for (const seg of timed.filter((s) => s.day === col)) {
      const e = seg.entry;
      const a = h("a", { class: eventClasses(e, p.now, seg.isStart, seg.isEnd, "fc-timegrid-event fc-v-event"), "data-entry-id": e.id }, h("div", { class: "fc-event-main" }, ...p.content(e)));
      if (a.classList.contains("fc-event-resizable") && seg.isEnd) a.append(h("div", { class: "fc-event-resizer fc-event-resizer-end" }));
      const accent = p.accent(e);
      if (accent) a.style.setProperty("--accent", accent);
      const harness = h("div", { class: `fc-timegrid-event-harness${seg.cols === 1 ? " fc-timegrid-event-harness-inset" : ""}` }, a);
      harness.style.zIndex = "1";
      harnesses.push({ el: harness, seg });
      events.append(harness);
    }
    const colBg = h("div", { class: "fc-timegrid-col-bg" }, ...backgroundsOn(d).map((e) => h("div", { class: "fc-timegrid-bg-harness" }, bgEvent(e))));
    return h(
      "td",
      { role: "gridcell", class: `${dayClasses(d, today)} fc-timegrid-col` },
      h("div", { class: "fc-timegrid-col-frame" }, colBg, events, h("div", { class: "fc-timegrid-col-events" }), h("div", { class: "fc-timegrid-now-indicator-container" }, d === today ? nowLine : null)),
    );
  });
  const timeCols = h(
    "div",
    { class: "fc-timegrid-cols" },
    h(
      "table",
      { role: "presentation" },
      cols(),
      h(
        "tbody",
        { role: "presentation" },
        h("tr", { role: "row" }, h("td", { "aria-hidden": "true", class: "fc-timegrid-col fc-timegrid-axis" }, h("div", { class: "fc-timegrid-col-frame" }, h("div", { class: "fc-timegrid-now-indicator-container" }, p.days.includes(today) ? nowArrow : null))), ...columns),
      ),
    ),
  );
  const body = scroller("fc-scroller fc-scroller-liquid-absolute", h("div", { class: "fc-timegrid-body" }, slats, timeCols));

  const section = (cls: string, cell: HTMLElement) => h("tr", { role: "presentation", class: `fc-scrollgrid-section ${cls}` }, cell);
  const grid = h(
    "table",
    { role: "presentation", class: "fc-scrollgrid fc-scrollgrid-liquid" },
    h("thead", { role: "rowgroup" }, section("fc-scrollgrid-section-header", h("th", { role: "presentation" }, h("div", { class: "fc-scroller-harness" }, scroller("fc-scroller", header))))),
    h(
      "tbody",
      { role: "rowgroup" },
      section("fc-scrollgrid-section-body", h("td", { role: "presentation" }, h("div", { class: "fc-scroller-harness" }, scroller("fc-scroller", h("div", { class: "fc-daygrid-body fc-daygrid-body-unbalanced fc-daygrid-body-natural" }, allDayTable))))),
      section("", h("td", { class: "fc-timegrid-divider fc-cell-shaded" })),
      section("fc-scrollgrid-section-body fc-scrollgrid-section-liquid", h("td", { role: "presentation" }, h("div", { class: "fc-scroller-harness fc-scroller-harness-liquid" }, body))),
    ),
  );
  const element = h(
    "div",
    { class: "calendar first-week fc fc-media-screen fc-direction-ltr fc-theme-standard", "data-testid": "first-week", "aria-busy": "true", inert: true },
    h("div", { class: "fc-view-harness fc-view-harness-active" }, h("div", { class: "fc-timeGridWeek-view fc-view fc-timegrid" }, grid)),
  );
  element.style.height = "100%";

  return {
    element,
    layout() {
      // Reads first (one layout), then writes: FullCalendar's own measures (computeShrinkWidth,
      // the rows' positions), done once.
      let axis = 0;
      for (const cell of element.querySelectorAll<HTMLElement>(".fc-scrollgrid-shrink")) {
        const frame = cell.querySelector(".fc-scrollgrid-shrink-frame");
        const cushion = cell.querySelector(".fc-scrollgrid-shrink-cushion");
        if (!frame || !cushion) continue;
        axis = Math.max(axis, cell.getBoundingClientRect().width - frame.getBoundingClientRect().width + cushion.getBoundingClientRect().width);
      }
      const first = slatRows[0]!.getBoundingClientRect();
      const last = slatRows[SLOTS - 1]!.getBoundingClientRect();
      const perMinute = (last.bottom - first.top) / (SLOTS * SLOT_MINUTES);
      const px = (minutes: number) => `${Math.round(minutes * perMinute)}px`;
      for (const col of element.querySelectorAll("col")) col.style.width = `${Math.ceil(axis)}px`;
      for (const { el, seg } of harnesses) {
        const top = seg.from * perMinute;
        const bottom = Math.max(seg.to * perMinute, top + EVENT_MIN_HEIGHT);
        el.style.inset = seg.cols === 1 ? `${Math.round(top)}px 0% -${Math.round(bottom)}px` : `${Math.round(top)}px ${((seg.cols - seg.col - 1) * 100) / seg.cols}% -${Math.round(bottom)}px ${(seg.col * 100) / seg.cols}%`;
      }
      nowLine.style.top = px(nowMinutes);
      nowArrow.style.top = px(nowMinutes);
      for (const bg of element.querySelectorAll<HTMLElement>(".fc-timegrid-bg-harness")) {
        bg.style.top = "0px";
        bg.style.bottom = `-${px(SLOTS * SLOT_MINUTES)}`;
      }
      const top = Math.ceil(minutesOf(`${today}T${SCROLL_TIME}`) * perMinute);
      // FullCalendar's rule: one pixel more, past the row's top border.
      body.scrollTop = top ? top + 1 : 0;
    },
  };
}
