import { describe, expect, it } from "vitest";
import { bannerState, channelCadenceSeries, csvFileName, historySeries, objectiveMixSeries, participationRate, periodDays, periodOf, stepPeriod } from "./dashboardModel";
import { MockBackend } from "./mock/backend";
import { makeApi } from "./api";

describe("periods", () => {
  it("names months and ISO weeks like the core", () => {
    expect(periodOf("month", "2026-12-31")).toBe("2026-12");
    expect(periodOf("week", "2026-12-31")).toBe("2026-W53");
    expect(periodOf("week", "2027-01-04")).toBe("2027-W01");
    expect(periodDays("2026-W49")).toEqual({ from: "2026-11-30", to: "2026-12-07" });
    expect(periodDays("2026-12")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(periodDays("2026-13")).toBeNull();
    expect(periodDays("2025-W53")).toBeNull();
  });
  it("steps across years", () => {
    expect(stepPeriod("month", "2026-12", 1)).toBe("2027-01");
    expect(stepPeriod("month", "2027-01", -1)).toBe("2026-12");
    expect(stepPeriod("week", "2026-W53", 1)).toBe("2027-W01");
  });
});

describe("chart data and banner", () => {
  const api = makeApi(new MockBackend({ today: "2026-11-25" }));
  it("shapes the sample plan's month into series that match the tables", async () => {
    const d = await api.dashboard("sample-plan", "2026-11");
    const mix = objectiveMixSeries(d, "Sans objectif");
    expect(mix.labels.length).toBe(d.objectives.length + (d.withoutObjective ? 1 : 0));
    const total = mix.actual.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 100)).toBeLessThan(0.5);
    expect(channelCadenceSeries(d).actual).toEqual(d.channels.map((c) => c.posts));
    const h = historySeries(d);
    expect(h.weeks).toHaveLength(8);
    expect(h.weeks.at(-1)).toBe("2026-11-30");
    expect(d.posts).toBeGreaterThan(0);
  });
  it("banner follows hold and resume, statuses come back exactly", async () => {
    expect(bannerState(await api.crisisState("sample-plan"))).toEqual({ kind: "none" });
    const statuses = async () => (await api.rangeView("sample-plan", "2026-11-01", "2027-01-01")).posts.map((v) => `${v.post.id}:${v.post.status}`).sort();
    const before = await statuses();
    await expect(api.holdScheduledPosts("sample-plan", "  ")).rejects.toMatchObject({ code: "empty", field: "reason" });
    const hold = await api.holdScheduledPosts("sample-plan", "Bad buzz");
    expect(hold.posts).toBeGreaterThan(0);
    const b = bannerState(await api.crisisState("sample-plan"));
    expect(b).toMatchObject({ kind: "hold", reason: "Bad buzz", held: hold.posts });
    await expect(api.holdScheduledPosts("sample-plan", "encore")).rejects.toMatchObject({ code: "crisis_active" });
    const resume = await api.resumeHeldPosts("sample-plan", "Calme");
    expect(resume.posts).toBe(hold.posts);
    expect(await statuses()).toEqual(before);
    expect(bannerState(await api.crisisState("sample-plan"))).toEqual({ kind: "none" });
  });
  it("rates and file names", () => {
    expect(participationRate(0, 0)).toBeNull();
    expect(participationRate(3, 2)).toBe(67);
    expect(csvFileName("Boulangerie Émile & fils", "2026-11")).toBe("tableau-de-bord-boulangerie-emile-fils-2026-11.csv");
  });
});
