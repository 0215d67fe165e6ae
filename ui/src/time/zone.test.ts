import { describe, expect, it } from "vitest";
import { isKnownZone, localParts, zonedToUtc } from "./zone";

describe("localParts", () => {
  it("gives the wall clock in a zone", () => {
    const at = new Date("2026-03-30T08:00:00Z");
    expect(localParts(at, "Europe/Paris")).toEqual({ date: "2026-03-30", time: "10:00" });
    expect(localParts(at, "America/Toronto")).toEqual({ date: "2026-03-30", time: "04:00" });
  });

  it("puts a late-evening UTC instant on the next day in Paris", () => {
    expect(localParts(new Date("2026-11-29T23:30:00Z"), "Europe/Paris").date).toBe("2026-11-30");
  });
});

describe("zonedToUtc", () => {
  it("follows the Paris offset across the spring change", () => {
    expect(zonedToUtc("2026-03-27T10:00:00", "Europe/Paris")?.toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(zonedToUtc("2026-03-30T10:00:00", "Europe/Paris")?.toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("refuses a time skipped by the jump forward", () => {
    expect(zonedToUtc("2026-03-29T02:30:00", "Europe/Paris")).toBeNull();
    expect(zonedToUtc("2026-03-08T02:30", "America/Toronto")).toBeNull();
  });

  it("takes the first of a repeated time", () => {
    expect(zonedToUtc("2026-10-25T02:30:00", "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("knows real zones only", () => {
    expect(isKnownZone("America/Montreal")).toBe(true);
    expect(isKnownZone("Mars/Olympus")).toBe(false);
    expect(isKnownZone("")).toBe(false);
  });
});
