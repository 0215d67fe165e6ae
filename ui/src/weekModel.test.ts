import { describe, expect, it } from "vitest";
import type { PostView, RangeView } from "./generated/models";
import { daysOfWeek, postDay, weekWarnings } from "./weekModel";

function view(id: string, planned: PostView["post"]["planned"], warnings: PostView["warnings"] = []): PostView {
  return { post: { id, title: id, planned } as PostView["post"], warnings };
}

describe("week model", () => {
  it("puts a timed post on its day in the plan's zone", () => {
    const late = view("late", { kind: "at", at: "2026-11-29T23:30:00Z", timezone: "Europe/Paris", local: "2026-11-30T00:30:00" });
    expect(postDay(late, "Europe/Paris")).toBe("2026-11-30");
    expect(postDay(late, "America/Toronto")).toBe("2026-11-29");
    expect(postDay(view("none", null), "Europe/Paris")).toBeNull();
  });

  it("groups by day with all-day posts first, then by time", () => {
    const range = {
      plan: { timezone: "Europe/Paris" },
      posts: [
        view("b", { kind: "at", at: "2026-11-24T15:00:00Z", timezone: "Europe/Paris", local: "2026-11-24T16:00:00" }),
        view("a", { kind: "at", at: "2026-11-24T07:00:00Z", timezone: "Europe/Paris", local: "2026-11-24T08:00:00" }),
        view("allday", { kind: "day", date: "2026-11-24" }),
        view("sunday", { kind: "day", date: "2026-11-29" }, [{ code: "no_channel", field: "channels" }]),
      ],
    } as unknown as RangeView;
    const days = daysOfWeek(range, "2026-11-23");
    expect(days.map((d) => d.date)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(days[1]?.posts.map((v) => v.post.id)).toEqual(["allday", "a", "b"]);
    expect(days[6]?.posts.map((v) => v.post.id)).toEqual(["sunday"]);
    expect(weekWarnings(days).map((w) => `${w.view.post.id}:${w.warning.code}`)).toEqual(["sunday:no_channel"]);
  });
});
