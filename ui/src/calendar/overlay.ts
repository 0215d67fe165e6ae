// What the calendar draws around the posts: public holidays and key dates as day banners (and a
// tint behind public holidays), open publication slots as dashed placeholders.
import type { CalendarOverlay, Channel, Holiday, OpenSlot } from "../generated/models";
import { isMessageKey, t } from "../i18n/index";
import { addDays } from "../time/week";
import type { CalendarEvent } from "./model";

export type OverlayProps = { kind: "holiday"; holiday: Holiday } | { kind: "slot"; slot: OpenSlot };

export const EMPTY_OVERLAY: CalendarOverlay = { region: "none", holidays: [], openSlots: [], slots: [] };

/** Minutes a slot placeholder takes on the week grid. */
export const SLOT_MINUTES = 30;

/** The holiday's name in the UI's language (the core's name when this build has no key). */
export function holidayName(h: Pick<Holiday, "key" | "name">): string {
  const key = `holiday.${h.key}`;
  return isMessageKey(key) ? t(key) : h.name;
}

export function holidayEntries(holidays: readonly Holiday[]): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const h of holidays) {
    const name = holidayName(h);
    const publicDay = h.kind !== "key_date";
    out.push({
      id: `holiday:${h.date}:${h.key}`,
      title: name,
      start: h.date,
      end: addDays(h.date, 1),
      allDay: true,
      editable: false,
      classNames: ["cad-holiday", publicDay ? "public" : "key-date"],
      cadOrder: -1,
      extendedProps: { kind: "holiday", holiday: h },
    });
    if (publicDay) {
      out.push({
        id: `holiday-bg:${h.date}:${h.key}`,
        title: "",
        start: h.date,
        end: addDays(h.date, 1),
        allDay: true,
        editable: false,
        display: "background",
        classNames: ["cad-holiday-bg"],
        extendedProps: { kind: "holiday", holiday: h },
      });
    }
  }
  return out;
}

/** "YYYY-MM-DDTHH:MM:SS" plus `minutes`. */
function plusMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}Z`) + minutes * 60_000).toISOString().slice(0, 19);
}

export function slotEntries(slots: readonly OpenSlot[], channels: readonly Channel[], only: string = ""): CalendarEvent[] {
  return slots
    .filter((s) => only === "" || s.channelId === only)
    .flatMap((s) => {
      const channel = channels.find((c) => c.id === s.channelId);
      if (!channel) return [];
      const entry: CalendarEvent = {
        id: `slot:${s.slotId}:${s.date}`,
        title: t("slot.open", { channel: channel.name }),
        start: s.local,
        end: plusMinutes(s.local, SLOT_MINUTES),
        allDay: false,
        editable: false,
        classNames: ["cad-slot"],
        cadOrder: 2,
        extendedProps: { kind: "slot", slot: s },
      };
      return [entry];
    });
}

/** The channel "next free slot" is for: the filtered one, else the focused post's first
 *  channel, else the first channel that has slots. */
export function channelForNextSlot(
  filterChannelId: string,
  focusedChannelIds: readonly string[],
  overlay: CalendarOverlay,
  channels: readonly Channel[],
): string | null {
  const withSlots = new Set(overlay.slots.map((s) => s.channelId));
  if (filterChannelId !== "") return filterChannelId;
  const focused = focusedChannelIds.find((id) => withSlots.has(id));
  if (focused) return focused;
  return channels.find((c) => withSlots.has(c.id))?.id ?? null;
}
