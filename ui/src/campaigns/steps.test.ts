import { describe, expect, it } from "vitest";
import { formatStep, offsetLabel, parseStep, parseSteps } from "./steps";

describe("campaign step lines", () => {
  it("reads offset, time, channel kind and title", () => {
    expect(parseStep("J-7 10:00 instagram Teasing : un indice")).toEqual({
      offsetDays: -7, time: "10:00:00", platform: "instagram", title: "Teasing : un indice", status: "draft",
    });
    expect(parseStep("J tous C'est le jour J")).toEqual({ offsetDays: 0, time: null, platform: null, title: "C'est le jour J", status: "draft" });
    expect(parseStep("D+1 9h30 Thanks")).toEqual({ offsetDays: 1, time: "09:30:00", platform: null, title: "Thanks", status: "draft" });
    expect(parseStep("-14 linkedin Annonce")?.offsetDays).toBe(-14);
  });

  it("refuses lines that are not steps", () => {
    expect(parseStep("")).toBeNull();
    expect(parseStep("demain Teasing")).toBeNull();
    expect(parseStep("J-7 10:00")).toBeNull();
    expect(parseStep("J-900 Trop loin")).toBeNull();
    expect(parseSteps("J-1 Veille\n\nn'importe quoi\nJ Jour").badLines).toEqual([3]);
  });

  it("writes a step back as the line that reads it", () => {
    const step = parseStep("J+3 18:00 facebook Merci à tous");
    expect(step).not.toBeNull();
    if (!step) return;
    expect(formatStep(step)).toBe("J+3 18:00 facebook Merci à tous");
    expect(parseStep(formatStep({ ...step, platform: null }, false))).toEqual({ ...step, platform: null });
    expect(offsetLabel(-7)).toBe("J-7");
    expect(offsetLabel(0, false)).toBe("D");
  });
});
