import { describe, expect, it } from "vitest";
import { addDays, isDate, isoWeek, isWeekend, mondayOf, weekDays, weekRange, weekStart } from "./week";

describe("mondayOf", () => {
  it("gives the Monday of any day of the week", () => {
    for (const d of ["2026-11-23", "2026-11-25", "2026-11-29"]) expect(mondayOf(d)).toBe("2026-11-23");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
  });

  it("crosses months and years", () => {
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(mondayOf("2024-03-01")).toBe("2024-02-26");
  });
});

describe("isoWeek", () => {
  it("numbers weeks like ISO 8601", () => {
    expect(isoWeek("2026-11-23")).toEqual({ year: 2026, week: 48 });
    expect(isoWeek("2026-11-30")).toEqual({ year: 2026, week: 49 });
    expect(isoWeek("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-03")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeek("2025-12-29")).toEqual({ year: 2026, week: 1 });
    expect(isoWeek("2021-01-03")).toEqual({ year: 2020, week: 53 });
  });
});

describe("weekRange", () => {
  it("runs from Monday to the next Monday (exclusive)", () => {
    expect(weekRange("2026-11-26")).toEqual({ from: "2026-11-23", to: "2026-11-30" });
  });

  it("spans the year end", () => {
    expect(weekRange("2026-12-31")).toEqual({ from: "2026-12-28", to: "2027-01-04" });
    expect(weekDays("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it("keeps seven whole days across the DST changes of Europe/Paris", () => {
    // Clocks jump forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    expect(weekRange("2026-03-29")).toEqual({ from: "2026-03-23", to: "2026-03-30" });
    expect(weekDays("2026-03-23")).toHaveLength(7);
    expect(weekDays("2026-03-23")[6]).toBe("2026-03-29");
    expect(weekRange("2026-10-25")).toEqual({ from: "2026-10-19", to: "2026-10-26" });
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
  });
});

describe("day arithmetic", () => {
  it("adds days across leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2027-01-04", -7)).toBe("2026-12-28");
  });

  it("refuses what is not a day", () => {
    expect(isDate("2026-02-30")).toBe(false);
    expect(isDate("2026-11-23T10:00")).toBe(false);
    expect(isDate("2026-11-23")).toBe(true);
    expect(() => addDays("nope", 1)).toThrow(RangeError);
  });

  it("knows the weekend", () => {
    expect(isWeekend("2026-11-28")).toBe(true);
    expect(isWeekend("2026-11-29")).toBe(true);
    expect(isWeekend("2026-11-27")).toBe(false);
  });
});

describe("weekStart", () => {
  it("starts weeks on Monday (France) or Sunday (Québec)", () => {
    expect(weekStart("2026-11-25", 1)).toBe("2026-11-23");
    expect(weekStart("2026-11-29", 1)).toBe("2026-11-23");
    expect(weekStart("2026-11-25", 0)).toBe("2026-11-22");
    expect(weekStart("2026-11-22", 0)).toBe("2026-11-22");
    expect(weekStart("2027-01-01", 1)).toBe("2026-12-28");
  });
});
