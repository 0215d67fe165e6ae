import { describe, expect, it } from "vitest";
import { formatDateField, formatTimeField, parseDateField, parseTimeField } from "./fields";

describe("date fields", () => {
  it("show ISO dates the French way in French and fr-CA, ISO in English", () => {
    expect(formatDateField("2026-11-27", "fr")).toBe("27/11/2026");
    expect(formatDateField("2026-11-27", "fr-CA")).toBe("27/11/2026");
    expect(formatDateField("2026-11-27", "en")).toBe("2026-11-27");
    expect(formatDateField("", "fr")).toBe("");
  });

  it("read day/month/year in French and month/day/year in English", () => {
    expect(parseDateField("27/11/2026", "fr")).toBe("2026-11-27");
    expect(parseDateField(" 3.4.26 ", "fr")).toBe("2026-04-03");
    expect(parseDateField("3-4-2026", "fr-CA")).toBe("2026-04-03");
    expect(parseDateField("11/27/2026", "en")).toBe("2026-11-27");
    expect(parseDateField("27/11/2026", "en")).toBeNull();
  });

  it("read ISO in every language, and an empty field as empty", () => {
    for (const l of ["fr", "fr-CA", "en"] as const) {
      expect(parseDateField("2026-02-28", l)).toBe("2026-02-28");
      expect(parseDateField("  ", l)).toBe("");
    }
  });

  it("refuse what is not a calendar date", () => {
    expect(parseDateField("29/02/2026", "fr")).toBeNull();
    expect(parseDateField("29/02/2028", "fr")).toBe("2028-02-29");
    expect(parseDateField("31/04/2026", "fr")).toBeNull();
    expect(parseDateField("2026-13-01", "fr")).toBeNull();
    expect(parseDateField("0000-01-01", "en")).toBeNull();
    expect(parseDateField("demain", "fr")).toBeNull();
    expect(parseDateField("27/11", "fr")).toBeNull();
  });

  it("round-trip every day of a leap year", () => {
    const d = new Date(Date.UTC(2028, 0, 1));
    while (d.getUTCFullYear() === 2028) {
      const iso = d.toISOString().slice(0, 10);
      for (const l of ["fr", "fr-CA", "en"] as const) {
        expect(parseDateField(formatDateField(iso, l), l)).toBe(iso);
      }
      d.setUTCDate(d.getUTCDate() + 1);
    }
  });
});

describe("time fields", () => {
  it("read the ways people write a time in French and English", () => {
    expect(parseTimeField("10:15")).toBe("10:15");
    expect(parseTimeField("10h15")).toBe("10:15");
    expect(parseTimeField("10 h 15")).toBe("10:15");
    expect(parseTimeField("9h")).toBe("09:00");
    expect(parseTimeField("9")).toBe("09:00");
    expect(parseTimeField("10.15")).toBe("10:15");
    expect(parseTimeField("1015")).toBe("10:15");
    expect(parseTimeField("10:15 AM")).toBe("10:15");
    expect(parseTimeField("12:05 am")).toBe("00:05");
    expect(parseTimeField("3 pm")).toBe("15:00");
    expect(parseTimeField("12 p.m.")).toBe("12:00");
    expect(parseTimeField("")).toBe("");
  });

  it("refuse impossible times", () => {
    expect(parseTimeField("24:00")).toBeNull();
    expect(parseTimeField("10:60")).toBeNull();
    expect(parseTimeField("13 pm")).toBeNull();
    expect(parseTimeField("midi")).toBeNull();
    expect(parseTimeField("10:5")).toBeNull();
  });

  it("show 24 h times", () => {
    expect(formatTimeField("09:05")).toBe("09:05");
    expect(formatTimeField("21:30:00")).toBe("21:30");
  });
});
