import { describe, expect, it } from "vitest";
import { formatDayHeading, formatEventTime, formatTime, weekLabelParts, zoneCity } from "./format";
import type { Event } from "./generated/models";

// Intl may separate parts with narrow no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formatTime", () => {
  it("shows 2026-03-30T08:00:00Z at 10:00 in Paris and 04:00 in Toronto", () => {
    expect(formatTime("2026-03-30T08:00:00Z", "Europe/Paris", "fr")).toBe("10:00");
    expect(formatTime("2026-03-30T08:00:00Z", "America/Toronto", "fr")).toBe("04:00");
  });

  it("uses a 24-hour clock in French and Québec style in fr-CA", () => {
    expect(formatTime("2026-11-23T17:30:00Z", "Europe/Paris", "fr")).toBe("18:30");
    expect(plain(formatTime("2026-11-23T17:30:00Z", "Europe/Paris", "fr-CA"))).toBe("18 h 30");
    expect(plain(formatTime("2026-11-23T17:30:00Z", "Europe/Paris", "en"))).toBe("6:30 PM");
  });

  it("follows winter time", () => {
    expect(formatTime("2026-03-27T09:00:00Z", "Europe/Paris", "fr")).toBe("10:00");
  });
});

describe("day and week labels", () => {
  it("names a day like « lundi 23 novembre »", () => {
    expect(formatDayHeading("2026-11-23", "fr")).toBe("lundi 23 novembre");
    expect(formatDayHeading("2026-11-23", "en")).toBe("Monday, November 23");
  });

  it("gives the week number and range", () => {
    const fr = weekLabelParts("2026-11-23", "2026-11-29", "fr");
    expect(fr.week).toBe(48);
    expect(plain(fr.range)).toBe("23–29 nov. 2026");
    const across = weekLabelParts("2026-12-28", "2027-01-03", "fr");
    expect(across.week).toBe(53);
    expect(plain(across.range)).toContain("2027");
    expect(plain(across.range)).toContain("2026");
  });
});

describe("zones and events", () => {
  it("names a zone by its city", () => {
    expect(zoneCity("America/Port_of_Spain")).toBe("Port of Spain");
    expect(zoneCity("UTC")).toBe("UTC");
  });

  it("shows the day of a one-day event", () => {
    const event = {
      when: { kind: "allDay", start: "2026-11-28", end: "2026-11-28" },
    } as Event;
    expect(formatEventTime(event, "Europe/Paris", "fr", "Toute la journée")).toBe("samedi 28 novembre · Toute la journée");
  });
});
