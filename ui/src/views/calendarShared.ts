// What the week view and the start-up frame (firstWeek.ts) share, without FullCalendar: the
// start-up frame is drawn before FullCalendar's code is even loaded (calendar.ts is a chunk of its
// own, imported once that frame is painted).
import type { CalendarEvent } from "../calendar/model";
import { holidayName } from "../calendar/overlay";
import type { PostView } from "../generated/models";
import type { Locale } from "../i18n/index";
import type { CardContext } from "./postCard";
import { renderEventContent, renderMoreContent, renderPostContent } from "./postContent";
import "./calendar.css";

export type CalendarViewName = "week" | "month" | "agenda";

/** Monday in France (and in English here); Sunday in Québec, as its calendars do. */
export function firstDayOf(locale: Locale): number {
  return locale === "fr-CA" ? 0 : 1;
}

/** Week options the start-up frame (views/firstWeek.ts) draws with too. */
export const SLOT_DURATION = "00:30:00";
export const SCROLL_TIME = "07:30:00";
export const EVENT_MIN_HEIGHT = 36;
export const WEEK_DAY_HEADER = { weekday: "short", day: "numeric" } as const;

export function clockFormat(locale: Locale) {
  return locale !== "en"
    ? ({ hour: "2-digit", minute: "2-digit", hour12: false } as const)
    : ({ hour: "numeric", minute: "2-digit", meridiem: "short" } as const);
}

export function slotLabelFormat(locale: Locale) {
  return locale !== "en" ? clockFormat(locale) : ({ hour: "numeric", meridiem: "short" } as const);
}

/** FullCalendar's locale code for the app's language. */
export function fcLocale(locale: Locale): string {
  return locale === "en" ? "en" : "fr";
}

/** The inside of an entry's box (FullCalendar's `eventContent`, and the start-up frame's). */
export function entryContent(props: CalendarEvent["extendedProps"], title: string, display: string | undefined, mode: "block" | "line", card: CardContext): Node[] {
  if (props.kind === "event") return [renderEventContent(props.event)];
  if (props.kind === "more") return [renderMoreContent(props.count)];
  if (props.kind === "holiday") return display === "background" ? [] : [document.createTextNode(holidayName(props.holiday))];
  if (props.kind === "slot") {
    const label = document.createElement("div");
    label.className = "cad-slot-content";
    label.textContent = title;
    return [label];
  }
  return [renderPostContent(props.view, card, mode)];
}

/** A post's colour: its first channel's. */
export function postAccent(view: PostView, card: CardContext): string | null {
  return card.channels.find((c) => c.id === view.post.channels[0]?.channelId)?.color ?? null;
}

