// The week: event banners, then one section per day with its posts.
import type { Event } from "../generated/models";
import { h } from "../dom";
import { formatDayHeading, formatEventTime } from "../format";
import { t } from "../i18n/index";
import { eventKindLabel } from "../i18n/labels";
import { isWeekend } from "../time/week";
import type { DayOfWeek } from "../weekModel";
import { renderPostCard, type CardContext } from "./postCard";

export interface WeekProps extends CardContext {
  today: string;
  days: readonly DayOfWeek[];
  events: readonly Event[];
  onNewOn(date: string): void;
}

function renderEvent(event: Event, p: WeekProps): HTMLElement {
  return h(
    "div",
    { class: "event-banner", "data-testid": "event-banner", "data-event-id": event.id, role: "note" },
    h("span", { class: "event-kind" }, eventKindLabel(event.kind)),
    h("strong", { class: "event-title" }, event.title),
    h("span", { class: "event-when" }, formatEventTime(event, p.zone, p.locale, t("event.allDay"))),
    event.location ? h("span", { class: "event-location" }, event.location) : null,
  );
}

function eventDays(event: Event): { start: string; end: string } {
  return event.when.kind === "allDay"
    ? { start: event.when.start, end: event.when.end }
    : { start: event.when.startLocal.slice(0, 10), end: event.when.endLocal.slice(0, 10) };
}

function renderDay(day: DayOfWeek, p: WeekProps): HTMLElement {
  const heading = formatDayHeading(day.date, p.locale);
  const isToday = day.date === p.today;
  const add = h(
    "button",
    { type: "button", class: "btn add-on-day", "data-testid": "add-on-day", title: t("day.add", { day: heading }), "aria-label": t("day.add", { day: heading }) },
    "+",
  );
  add.addEventListener("click", () => p.onNewOn(day.date));
  const dayEvents = p.events.filter((e) => {
    const { start, end } = eventDays(e);
    return start <= day.date && day.date <= end;
  });
  return h(
    "section",
    {
      class: `day${isToday ? " today" : ""}${isWeekend(day.date) ? " weekend" : ""}`,
      "data-testid": "day",
      "data-date": day.date,
      "aria-current": isToday ? "date" : null,
    },
    h(
      "header",
      { class: "day-header" },
      h("h2", { class: "day-title" }, heading),
      isToday ? h("span", { class: "today-tag" }, t("day.today")) : null,
      isWeekend(day.date) ? h("span", { class: "weekend-tag" }, t("week.weekend")) : null,
      ...dayEvents.map((e) => h("span", { class: "day-event", title: e.title }, `★ ${e.title}`)),
      h("span", { class: "spacer" }),
      add,
    ),
    day.posts.length
      ? h("div", { class: "day-posts" }, ...day.posts.map((v) => renderPostCard(v, p)))
      : h("p", { class: "day-empty" }, t("day.empty")),
  );
}

export function renderWeek(p: WeekProps): HTMLElement {
  return h(
    "section",
    { class: "week", "data-testid": "week" },
    p.events.length ? h("div", { class: "events" }, ...p.events.map((e) => renderEvent(e, p))) : null,
    h("div", { class: "days" }, ...p.days.map((d) => renderDay(d, p))),
  );
}
