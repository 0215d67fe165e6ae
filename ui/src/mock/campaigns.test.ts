import { describe, expect, it } from "vitest";
import { makeApi } from "../api";
import { MockBackend } from "./backend";
import { publicHolidays, ruleDays } from "./campaigns";

describe("mock campaigns, slots and holidays", () => {
  it("computes the same public holidays as the core for 2027", () => {
    expect(publicHolidays("fr", 2027).map((h) => h.date)).toEqual([
      "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
      "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
    ]);
    expect(publicHolidays("ca_qc", 2029).map((h) => h.date)).toEqual([
      "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-21", "2029-06-24", "2029-06-25",
      "2029-07-01", "2029-07-02", "2029-09-03", "2029-10-08", "2029-12-25",
    ]);
  });

  it("expands weekly and last-weekday rules", () => {
    expect(ruleDays("FREQ=WEEKLY;BYDAY=TU,TH", "2026-03-02", null, "2026-03-02", "2026-03-16")).toEqual(["2026-03-03", "2026-03-05", "2026-03-10", "2026-03-12"]);
    expect(ruleDays("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "2026-03-27", "2026-01-01", "2027-01-01")).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"]);
  });

  it("previews then applies the open-day template to the sample open day", async () => {
    const api = makeApi(new MockBackend({ today: "2026-11-23" }));
    const info = await api.appInfo();
    const planId = info.defaultPlanId ?? "";
    const overview = await api.planOverview(planId);
    const launch = overview.events.find((e) => e.kind === "open_day");
    expect(launch).toBeDefined();
    if (!launch) return;
    const templates = await api.listTemplates(planId);
    expect(templates.map((t) => t.id)).toEqual(["builtin:product_launch:fr", "builtin:open_day:fr"]);
    const request = { eventId: launch.id, templateId: "builtin:open_day:fr", channelIds: null };
    const preview = await api.previewCampaign(request);
    const before = (await api.eventPosts(launch.id)).length;
    expect(preview.skipped).toEqual([]);
    expect(preview.posts[0]?.offsetDays).toBe(-14);
    const applied = await api.applyCampaign(request);
    expect(applied.created.length).toBe(preview.posts.length);
    expect((await api.eventPosts(launch.id)).length).toBe(before + preview.posts.length);
    const again = await api.applyCampaign(request);
    expect(again.created.length).toBe(0);
  });

  it("shows open slots until a post fills them, and finds the next one", async () => {
    const api = makeApi(new MockBackend({ today: "2026-11-23" }));
    const planId = (await api.appInfo()).defaultPlanId ?? "";
    const linkedin = (await api.planOverview(planId)).channels.find((c) => c.platform === "linkedin");
    if (!linkedin) throw new Error("no linkedin");
    await api.createSlot({ channelId: linkedin.id, rule: "FREQ=WEEKLY;BYDAY=TU,TH", time: "10:00:00", start: "2026-11-23", until: null, skipped: [], label: "" });
    const overlay = await api.calendarOverlay(planId, "2026-12-07", "2026-12-14");
    expect(overlay.openSlots.map((o) => o.date)).toEqual(["2026-12-08", "2026-12-10"]);
    const next = await api.nextFreeSlot(linkedin.id, "2026-12-08T09:00:00Z");
    expect(next?.date).toBe("2026-12-10");
    await api.fillSlot(overlay.openSlots[0]?.slotId ?? "", "2026-12-08", "Témoignage");
    const after = await api.calendarOverlay(planId, "2026-12-07", "2026-12-14");
    expect(after.openSlots.map((o) => o.date)).toEqual(["2026-12-10"]);
  });
});
