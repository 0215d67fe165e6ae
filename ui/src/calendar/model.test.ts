import { describe, expect, it } from "vitest";
import type { Event, PostView } from "../generated/models";
import { capPerDay, eventEntry, minutesBetween, plannedOfDrop, postEntry, shiftPlanned, wallClock } from "./model";

function post(planned: PostView["post"]["planned"], durationMinutes: number | null = null): PostView {
  return { post: { id: "p", title: "T", status: "draft", planned, durationMinutes } as PostView["post"], warnings: [] };
}

describe("calendar entries", () => {
  it("draws a timed post at the plan's wall-clock time, an hour long unless it has a duration", () => {
    const at = { kind: "at", at: "2026-03-29T08:30:00Z", timezone: "Europe/Paris", local: "2026-03-29T10:30:00" } as const;
    expect(postEntry(post(at), "Europe/Paris")).toMatchObject({ start: "2026-03-29T10:30:00", end: "2026-03-29T11:30:00", allDay: false });
    expect(postEntry(post(at, 45), "America/Toronto")).toMatchObject({ start: "2026-03-29T04:30:00", end: "2026-03-29T05:15:00" });
  });

  it("draws a date-only post all day and leaves an unplanned one out", () => {
    expect(postEntry(post({ kind: "day", date: "2026-11-26" }), "Europe/Paris")).toMatchObject({ start: "2026-11-26", allDay: true, durationEditable: false });
    expect(postEntry(post(null), "Europe/Paris")).toBeNull();
  });

  it("draws events as all-day banners over their days, end exclusive", () => {
    const allDay = { id: "e", title: "Salon", when: { kind: "allDay", start: "2026-11-28", end: "2026-11-29" } } as Event;
    expect(eventEntry(allDay, "Europe/Paris")).toMatchObject({ start: "2026-11-28", end: "2026-11-30", allDay: true, editable: false });
    const timed = {
      id: "w",
      title: "Webinaire",
      when: { kind: "timed", start: "2026-11-26T23:30:00Z", end: "2026-11-27T00:30:00Z", timezone: "UTC", startLocal: "", endLocal: "" },
    } as Event;
    expect(eventEntry(timed, "Europe/Paris")).toMatchObject({ start: "2026-11-27", end: "2026-11-28" });
  });
});

describe("drops", () => {
  const shifted = (s: string) => new Date(`${s}Z`);

  it("reads the shifted date back as the plan's wall clock", () => {
    expect(wallClock(shifted("2026-11-26T09:15:00"))).toBe("2026-11-26T09:15:00");
    expect(plannedOfDrop(shifted("2026-11-26T09:15:00"), false, "Europe/Paris", "Europe/Paris")).toEqual({
      kind: "at",
      local: "2026-11-26T09:15:00",
      timezone: "Europe/Paris",
    });
    expect(plannedOfDrop(shifted("2026-11-26T00:00:00"), true, "Europe/Paris", null)).toEqual({ kind: "day", date: "2026-11-26" });
  });

  it("keeps a post's own zone: same instant, written in that zone", () => {
    expect(plannedOfDrop(shifted("2026-11-26T15:00:00"), false, "Europe/Paris", "America/Montreal")).toEqual({
      kind: "at",
      local: "2026-11-26T09:00:00",
      timezone: "America/Montreal",
    });
  });

  it("sends a time skipped by DST as is, for the core to refuse", () => {
    expect(plannedOfDrop(shifted("2026-03-29T02:30:00"), false, "Europe/Paris", "America/Montreal")).toEqual({
      kind: "at",
      local: "2026-03-29T02:30:00",
      timezone: "Europe/Paris",
    });
  });

  it("moves by whole days across month ends and DST, keeping the wall clock", () => {
    expect(shiftPlanned({ kind: "at", local: "2026-03-28T10:00:00", timezone: "Europe/Paris" }, 1)).toEqual({
      kind: "at",
      local: "2026-03-29T10:00:00",
      timezone: "Europe/Paris",
    });
    expect(shiftPlanned({ kind: "day", date: "2026-11-30" }, 1)).toEqual({ kind: "day", date: "2026-12-01" });
    expect(shiftPlanned({ kind: "day", date: "2027-01-01" }, -1)).toEqual({ kind: "day", date: "2026-12-31" });
    expect(minutesBetween(shifted("2026-11-26T09:00:00"), shifted("2026-11-26T10:45:00"))).toBe(105);
  });
});

describe("busy days", () => {
  it("keeps the first posts of a day and sums up the rest in a last “+N” entry", () => {
    const at = (h: number) => ({ kind: "at", at: "", timezone: "Europe/Paris", local: `2026-11-26T${String(h).padStart(2, "0")}:00:00` }) as const;
    const entries = [9, 8, 11, 10, 12].map((h) => postEntry(post(at(h)), "Europe/Paris")).filter((e) => e !== null);
    const capped = capPerDay(entries, 3);
    expect(capped.map((e) => e.start.slice(11, 13) || e.title)).toEqual(["08", "09", "10", "+2"]);
    expect(capped[3]).toMatchObject({ allDay: true, editable: false, cadOrder: 1, extendedProps: { kind: "more", date: "2026-11-26", count: 2 } });
    expect(capPerDay(entries.slice(0, 3), 3)).toHaveLength(3);
  });
});
