import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/index";
import { NO_FILTER } from "../filters";
import { allOlderThan, baseName, daysSince, exportFilterOf, formatBytes, problemMessage } from "./model";

afterEach(() => setLocale("fr"));

describe("exportFilterOf", () => {
  it("turns the filter bar and the export options into the core's filter", () => {
    const f = exportFilterOf("plan-1", { ...NO_FILTER, channelId: "c1", status: "scheduled", eventId: "e1" }, { from: "2026-11-23", to: "", includeDrafts: true, alarmMinutes: 30 });
    expect(f).toEqual({
      planId: "plan-1",
      channelIds: ["c1"],
      objectiveIds: [],
      eventIds: ["e1"],
      statuses: ["scheduled"],
      from: "2026-11-23",
      to: null,
      includeDrafts: true,
      alarmMinutes: 30,
      retentionDays: null,
      calendarName: null,
    });
    expect(exportFilterOf("p", NO_FILTER, { from: "", to: "", includeDrafts: false, alarmMinutes: null }).statuses).toEqual([]);
  });
});

describe("trash ages", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("counts whole days", () => {
    expect(daysSince("2026-11-25T08:00:00Z", now)).toBe(0);
    expect(daysSince("2026-10-26T11:00:00Z", now)).toBe(30);
  });
  it("lets « Vider » go without a question only when everything is 30 days old", () => {
    expect(allOlderThan(["2026-10-20T00:00:00Z", "2026-10-01T00:00:00Z"], now, 30)).toBe(true);
    expect(allOlderThan(["2026-10-20T00:00:00Z", "2026-11-24T00:00:00Z"], now, 30)).toBe(false);
    expect(allOlderThan([null], now, 30)).toBe(false);
  });
});

describe("sizes and names", () => {
  it("writes sizes the French or English way", () => {
    expect(formatBytes(245_760, "fr-FR")).toBe("240 ko");
    expect(formatBytes(3_460_000, "fr-FR")).toBe("3,3 Mo");
    expect(formatBytes(512, "en")).toBe("512 B");
  });
  it("keeps the file name of a path", () => {
    expect(baseName("/home/moi/plan.ics")).toBe("plan.ics");
    expect(baseName("C:\\Users\\moi\\plan.ics")).toBe("plan.ics");
  });
});

describe("problemMessage", () => {
  it("translates the core's codes, with the value", () => {
    const p = { row: 4, column: "canal", code: "unknown_channel", value: "Snapchat", reason: "no channel" };
    expect(problemMessage(p)).toBe("Aucun canal « Snapchat » dans ce plan.");
    setLocale("en");
    expect(problemMessage(p)).toBe("No channel “Snapchat” in this plan.");
    expect(problemMessage({ ...p, code: "empty", column: "titre", value: "" })).toBe("“titre” must not be empty.");
  });
  it("falls back to the core's English reason for a code it does not know", () => {
    expect(problemMessage({ row: 2, column: "x", code: "future_code", value: "", reason: "something new" })).toBe("something new");
  });
});
