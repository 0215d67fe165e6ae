import { describe, expect, it } from "vitest";
import { pickOf, ruleOf, weekdayNames } from "./rules";

describe("slot rules", () => {
  it("builds the RRULE of a pick and reads it back", () => {
    expect(ruleOf({ kind: "weekly", days: ["TH", "TU"] })).toBe("FREQ=WEEKLY;BYDAY=TU,TH");
    expect(ruleOf({ kind: "monthly", nth: -1, day: "FR" })).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(ruleOf({ kind: "monthly", nth: 1, day: "MO" })).toBe("FREQ=MONTHLY;BYDAY=1MO");
    expect(ruleOf({ kind: "custom", text: " FREQ=DAILY;INTERVAL=2 " })).toBe("FREQ=DAILY;INTERVAL=2");
    expect(pickOf("FREQ=WEEKLY;BYDAY=TU,TH")).toEqual({ kind: "weekly", days: ["TU", "TH"] });
    expect(pickOf("FREQ=MONTHLY;BYDAY=-1FR")).toEqual({ kind: "monthly", nth: -1, day: "FR" });
    expect(pickOf("FREQ=MONTHLY;BYMONTHDAY=-1")).toEqual({ kind: "custom", text: "FREQ=MONTHLY;BYMONTHDAY=-1" });
  });

  it("names weekdays Monday first", () => {
    expect(weekdayNames("fr-FR", "long")[0]).toBe("lundi");
    expect(weekdayNames("en", "long")[6]).toBe("Sunday");
  });
});
