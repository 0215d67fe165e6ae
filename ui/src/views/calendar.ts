// Week, month and agenda views: FullCalendar's MIT standard plugins, fed by one `range_view`
// per visible range. Times are the plan's wall-clock times (see calendar/model.ts).
import { Calendar, type EventInput, type EventSourceFuncArg } from "@fullcalendar/core";
import frLocale from "@fullcalendar/core/locales/fr";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import timeGridPlugin from "@fullcalendar/timegrid";
import { minutesBetween, plannedOfDrop, type CalendarEvent } from "../calendar/model";
import type { Event, OpenSlot, PlannedInput, PostView } from "../generated/models";
import { holidayName } from "../calendar/overlay";
import { t, type Locale } from "../i18n/index";
import type { CardContext } from "./postCard";
import { clockFormat, EVENT_MIN_HEIGHT, entryContent, postAccent, SCROLL_TIME, SLOT_DURATION, slotLabelFormat, WEEK_DAY_HEADER, firstDayOf, type CalendarViewName } from "./calendarShared";


const FC_VIEW: Record<CalendarViewName, string> = { week: "timeGridWeek", month: "dayGridMonth", agenda: "listWeek" };


export interface CalendarProps {
  view: CalendarViewName;
  locale: Locale;
  /** The plan's zone. */
  zone: string;
  /** "YYYY-MM-DD": a day the first range must contain. */
  date: string;
  /** Now in the plan's zone, "YYYY-MM-DDTHH:MM:SS". */
  now(): string;
  /** The calendar entries of `[from, to)`: one core query. */
  load(from: string, to: string): Promise<CalendarEvent[]>;
  /** The entries of `[from, to)` when they are already known (start-up), else `null`: given to
   *  the calendar synchronously, so its first drawing has them. */
  loadNow?(from: string, to: string): CalendarEvent[] | null;
  card(): CardContext;
  /** The visible range changed: its first day, the day after its last, FullCalendar's title. */
  onDates(from: string, to: string, title: string): void;
  /** The entries of a range are on screen. */
  onRendered(): void;
  onOpen(postId: string): void;
  /** The "+N" of a busy day in the month: show that day's week. */
  onMore(date: string): void;
  onNewAt(date: string, time: string): void;
  onMove(view: PostView, planned: PlannedInput, revert: () => void): void;
  onResize(view: PostView, minutes: number, revert: () => void): void;
  /** An event banner was clicked (campaign and move panel). */
  onEvent?(event: Event): void;
  /** An open slot placeholder was clicked: create a post there. */
  onSlot?(slot: OpenSlot): void;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export class CalendarView {
  readonly element: HTMLElement;
  private readonly calendar: Calendar;
  /** Drawing is held while a range is being fetched (see `events`). */
  private held = false;

  constructor(p: CalendarProps) {
    this.element = document.createElement("div");
    this.element.className = "calendar";
    this.element.dataset["testid"] = "calendar";
    this.element.dataset["view"] = p.view;
    const french = p.locale !== "en";
    const clock = clockFormat(p.locale);
    this.calendar = new Calendar(this.element, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      ...(french ? { locale: frLocale } : {}),
      firstDay: firstDayOf(p.locale),
      initialView: FC_VIEW[p.view],
      initialDate: p.date,
      timeZone: "UTC",
      now: () => p.now(),
      headerToolbar: false,
      height: "100%",
      nowIndicator: true,
      weekNumbers: false,
      allDayText: t("calendar.allDay"),
      noEventsText: t("calendar.noPosts"),
      moreLinkText: (n: number) => t("calendar.more", { count: n }),
      slotDuration: SLOT_DURATION,
      scrollTime: SCROLL_TIME,
      // Side by side, never over each other: a card's title stays readable (and the start-up
      // frame of views/firstWeek.ts lays boxes out the same way).
      slotEventOverlap: false,
      scrollTimeReset: false,
      slotLabelFormat: slotLabelFormat(p.locale),
      eventTimeFormat: clock,
      // Per view, so that changing views is one render. The time of a post is drawn by
      // renderPostContent; only the agenda uses FullCalendar's time column.
      views: {
        timeGridWeek: { dayHeaderFormat: WEEK_DAY_HEADER, dayMaxEvents: true, displayEventTime: false },
        dayGridMonth: { dayHeaderFormat: { weekday: "short" }, dayMaxEvents: false, displayEventTime: false },
        listWeek: { displayEventTime: true },
      },
      eventMinHeight: EVENT_MIN_HEIGHT,
      defaultTimedEventDuration: "01:00:00",
      editable: true,
      eventInteractive: true,
      eventStartEditable: true,
      eventDurationEditable: true,
      snapDuration: "00:15:00",
      progressiveEventRendering: false,
      eventOrder: "cadOrder,start,-duration,allDay,title",
      eventOrderStrict: true,
      // One core query per visible range, even when a wider range was fetched before (the
      // warnings list and filters follow what is on screen).
      lazyFetching: false,
      events: (info: EventSourceFuncArg, ok, fail) => {
        const known = p.loadNow?.(day(info.start), day(info.end));
        if (known) {
          performance.mark("cadence:entries");
          ok(known as EventInput[]);
          return;
        }
        this.element.dataset["ready"] = "false";
        // A new range is drawn once, with its entries: without this, the calendar draws the
        // new range empty at once, then again when the core answers (twice the layout work,
        // and a flash of empty days). The previous range stays on screen meanwhile.
        this.hold();
        p.load(day(info.start), day(info.end)).then(
          (entries) => {
            // Page tests time the drawing from here (the core's answer is in).
            performance.mark("cadence:entries");
            ok(entries as EventInput[]);
            this.release();
          },
          (e: unknown) => {
            fail(e instanceof Error ? e : new Error(String(e)));
            this.release();
          },
        );
      },
      eventsSet: () => {
        this.element.dataset["ready"] = "true";
        p.onRendered();
      },
      datesSet: (arg) => p.onDates(day(arg.view.activeStart), day(arg.view.activeEnd), arg.view.title),
      eventContent: (arg) => ({
        domNodes: entryContent(arg.event.extendedProps as CalendarEvent["extendedProps"], arg.event.title, arg.event.display, arg.view.type === "dayGridMonth" ? "line" : "block", p.card()),
      }),
      eventDidMount: (arg) => {
        const el = arg.el;
        const props = arg.event.extendedProps as CalendarEvent["extendedProps"];
        if (props.kind === "holiday") {
          if (arg.event.display === "background") return;
          el.dataset["testid"] = "holiday";
          el.dataset["date"] = props.holiday.date;
          el.dataset["kind"] = props.holiday.kind;
          el.dataset["key"] = props.holiday.key;
          el.title = holidayName(props.holiday);
          return;
        }
        if (props.kind === "slot") {
          el.dataset["testid"] = "open-slot";
          el.dataset["slotId"] = props.slot.slotId;
          el.dataset["channelId"] = props.slot.channelId;
          el.dataset["date"] = props.slot.date;
          el.setAttribute("aria-label", arg.event.title);
          return;
        }
        if (props.kind === "event") {
          el.dataset["testid"] = "event-banner";
          el.dataset["eventId"] = props.event.id;
          if (p.onEvent) el.setAttribute("aria-label", t("campaign.open", { event: props.event.title }));
          return;
        }
        if (props.kind === "more") {
          el.dataset["testid"] = "more-posts";
          el.dataset["date"] = props.date;
          el.setAttribute("aria-label", t("calendar.moreOn", { count: props.count }));
          return;
        }
        const post = props.view.post;
        el.dataset["testid"] = "post-card";
        el.dataset["postId"] = post.id;
        el.dataset["status"] = post.status;
        el.setAttribute("aria-label", t("post.open", { title: post.title }));
        const accent = postAccent(props.view, p.card());
        if (accent) el.style.setProperty("--accent", accent);
      },
      dayHeaderDidMount: (arg) => {
        if (arg.view.type !== "timeGridWeek" || !(arg.el instanceof HTMLElement)) return;
        arg.el.dataset["testid"] = "day";
        arg.el.dataset["date"] = day(arg.date);
      },
      dayCellDidMount: (arg) => {
        if (arg.view.type !== "dayGridMonth") return;
        arg.el.dataset["testid"] = "day";
        arg.el.dataset["date"] = day(arg.date);
      },
      eventClick: (arg) => {
        arg.jsEvent.preventDefault();
        const props = arg.event.extendedProps as CalendarEvent["extendedProps"];
        if (props.kind === "post") p.onOpen(props.view.post.id);
        else if (props.kind === "more") p.onMore(props.date);
        else if (props.kind === "event") p.onEvent?.(props.event);
        else if (props.kind === "slot") p.onSlot?.(props.slot);
      },
      dateClick: (arg) => {
        const local = arg.date.toISOString();
        p.onNewAt(local.slice(0, 10), arg.allDay ? "" : local.slice(11, 16));
      },
      eventDrop: (arg) => {
        const props = arg.event.extendedProps as CalendarEvent["extendedProps"];
        const start = arg.event.start;
        if (props.kind !== "post" || start === null) return arg.revert();
        const planned = props.view.post.planned;
        const postZone = planned?.kind === "at" ? planned.timezone : null;
        p.onMove(props.view, plannedOfDrop(start, arg.event.allDay, p.zone, postZone), arg.revert);
      },
      eventResize: (arg) => {
        const props = arg.event.extendedProps as CalendarEvent["extendedProps"];
        const { start, end } = arg.event;
        if (props.kind !== "post" || start === null || end === null) return arg.revert();
        p.onResize(props.view, minutesBetween(start, end), arg.revert);
      },
    });
  }

  private hold(): void {
    // Not for the first range, asked for inside the Calendar's constructor: a new calendar
    // draws its days at once (with the header that follows them), then its entries.
    if (this.held || (this.calendar as Calendar | undefined) === undefined) return;
    this.held = true;
    this.calendar.pauseRendering();
  }

  private release(): void {
    if (!this.held) return;
    this.held = false;
    this.calendar.resumeRendering();
  }

  /** Draws the calendar; the element must be in the document. */
  render(): void {
    this.calendar.render();
  }

  /** Another FullCalendar view on the same calendar (no rebuild; one query for its range). */
  changeView(view: CalendarViewName, date: string): void {
    this.element.dataset["view"] = view;
    this.calendar.changeView(FC_VIEW[view], date);
  }

  prev(): void {
    this.calendar.prev();
  }

  next(): void {
    this.calendar.next();
  }

  goTo(date: string): void {
    this.calendar.gotoDate(date);
  }

  /** Asks the core again for the visible range. */
  refetch(): void {
    this.calendar.refetchEvents();
  }

  /** The first day of the range in view. */
  get start(): string {
    return day(this.calendar.view.currentStart);
  }

  destroy(): void {
    this.release();
    this.calendar.destroy();
  }
}
