import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "../calendar/model";
import { allDaySegments, timedSegments } from "./firstWeek";

const days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
const timed = (id: string, start: string, end: string): CalendarEvent => ({
  id,
  title: id,
  start,
  end,
  allDay: false,
  editable: true,
  classNames: [],
  extendedProps: { kind: "more", date: start.slice(0, 10), count: 0 },
});
const allDay = (id: string, start: string, end?: string, cadOrder = 0): CalendarEvent => ({ ...timed(id, start, end ?? ""), end, allDay: true, cadOrder });

describe("the start-up frame's layout", () => {
  it("puts overlapping boxes side by side, counting the minimum height", () => {
    const segs = timedSegments(
      [timed("a", "2026-11-24T09:00:00", "2026-11-24T10:00:00"), timed("b", "2026-11-24T09:30:00", "2026-11-24T10:30:00"), timed("c", "2026-11-24T10:45:00", "2026-11-24T10:50:00"), timed("d", "2026-11-24T11:10:00", "2026-11-24T11:15:00")],
      days,
      36,
    );
    const by = Object.fromEntries(segs.map((s) => [s.entry.id, s]));
    expect([by["a"]?.col, by["b"]?.col, by["a"]?.cols]).toEqual([0, 1, 2]);
    // c (10:45) starts after a and b end: a group of its own; d (11:10) is within c's 36 minutes.
    expect([by["c"]?.col, by["c"]?.cols, by["d"]?.col, by["d"]?.cols]).toEqual([0, 2, 1, 2]);
    expect(by["a"]?.day).toBe(1);
    expect([by["a"]?.from, by["a"]?.to]).toEqual([540, 600]);
  });

  it("cuts a box at midnight and leaves out what is outside the week", () => {
    const segs = timedSegments([timed("late", "2026-11-24T23:30:00", "2026-11-25T00:30:00"), timed("before", "2026-11-22T10:00:00", "2026-11-22T11:00:00")], days, 36);
    expect(segs.map((s) => [s.entry.id, s.day, s.from, s.to, s.isStart, s.isEnd])).toEqual([
      ["late", 1, 1410, 1440, true, false],
      ["late", 2, 0, 30, false, true],
    ]);
  });

  it("stacks all-day entries in the first free row, a banner over several days included", () => {
    const segs = allDaySegments([allDay("post", "2026-11-25"), allDay("launch", "2026-11-24", "2026-11-27"), allDay("long", "2026-11-20", "2026-11-24"), allDay("holiday", "2026-11-25", "2026-11-26", -1)], days);
    const by = Object.fromEntries(segs.map((s) => [s.entry.id, s]));
    expect(by["holiday"]).toMatchObject({ first: 2, last: 2, row: 0 });
    expect(by["long"]).toMatchObject({ first: 0, last: 0, row: 0, isStart: false, isEnd: true });
    expect(by["launch"]).toMatchObject({ first: 1, last: 3, row: 1, isStart: true });
    expect(by["post"]).toMatchObject({ first: 2, last: 2, row: 2 });
  });
});
