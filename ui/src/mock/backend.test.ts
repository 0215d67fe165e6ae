import { describe, expect, it } from "vitest";
import { makeApi } from "../api";
import type { PostInput } from "../generated/models";
import { MockBackend } from "./backend";
import { SAMPLE_PLAN_ID } from "./sample";

const TODAY = "2026-11-25"; // a Wednesday

function setup() {
  const mock = new MockBackend({ today: TODAY });
  return { mock, api: makeApi(mock) };
}

function input(over: Partial<PostInput> = {}): PostInput {
  return {
    planId: SAMPLE_PLAN_ID,
    title: "Nouveau pain",
    body: "",
    channels: [{ channelId: "ch-instagram", variant: null }],
    objectiveId: "obj-awareness",
    customerValue: "Découvrir un pain",
    status: "draft",
    planned: { kind: "at", local: "2026-11-26T09:00:00", timezone: "Europe/Paris" },
    durationMinutes: null,
    eventId: null,
    assignee: "",
    tags: [],
    links: [],
    notes: "",
    results: { url: null, likes: null, comments: null, shares: null },
    ...over,
  };
}

describe("mock backend: sample plan", () => {
  it("opens on the sample plan and the given today", async () => {
    const { api } = setup();
    const info = await api.appInfo();
    expect(info.today).toBe(TODAY);
    expect(info.defaultPlanId).toBe(SAMPLE_PLAN_ID);
    const plans = await api.listPlans();
    expect(plans.map((p) => p.name)).toEqual(["Boulangerie Les Trois Épis"]);
    expect(plans[0]?.timezone).toBe("Europe/Paris");
  });

  it("has about twelve posts this week, some with warnings, and an open day", async () => {
    const { api } = setup();
    const week = await api.rangeView(SAMPLE_PLAN_ID, "2026-11-23", "2026-11-30");
    expect(week.posts.length).toBeGreaterThanOrEqual(10);
    expect(week.posts.length).toBeLessThanOrEqual(14);
    expect(week.channels).toHaveLength(4);
    expect(week.objectives).toHaveLength(3);
    expect(week.events.map((e) => e.kind)).toEqual(["open_day"]);
    const codes = new Set(week.posts.flatMap((v) => v.warnings.map((w) => w.code)));
    expect([...codes].sort()).toEqual([
      "no_channel",
      "no_customer_value",
      "no_objective",
      "outside_objective_period",
      "over_channel_limit",
    ]);
    const over = week.posts.flatMap((v) => v.warnings).find((w) => w.code === "over_channel_limit");
    expect(over?.limit).toBe(500);
    expect(over?.length).toBeGreaterThan(500);
  });

  it("keeps other weeks' posts out of the range", async () => {
    const { api } = setup();
    const next = await api.rangeView(SAMPLE_PLAN_ID, "2026-11-30", "2026-12-07");
    expect(next.posts.map((v) => v.post.title)).toEqual(["Galette des rois : c’est bientôt"]);
  });
});

describe("mock backend: validation like the core", () => {
  it("refuses an empty title on the title field", async () => {
    const { api } = setup();
    await expect(api.createPost(input({ title: "   " }))).rejects.toMatchObject({ code: "empty", field: "title" });
  });

  it("counts the title limit in graphemes", async () => {
    const { api } = setup();
    await expect(api.createPost(input({ title: "é".repeat(500) }))).resolves.toBeTruthy();
    await expect(api.createPost(input({ title: "é".repeat(501) }))).rejects.toMatchObject({
      code: "too_long",
      field: "title",
    });
  });

  it("refuses a time skipped by DST and an unknown zone", async () => {
    const { api } = setup();
    await expect(
      api.createPost(input({ planned: { kind: "at", local: "2026-03-29T02:30:00", timezone: "Europe/Paris" } })),
    ).rejects.toMatchObject({ code: "nonexistent_local_time", field: "planned" });
    await expect(
      api.createPost(input({ planned: { kind: "at", local: "2026-03-29T10:00:00", timezone: "Mars/Olympus" } })),
    ).rejects.toMatchObject({ code: "unknown_zone", field: "timezone" });
  });

  it("refuses unknown channels and objectives, and bad links", async () => {
    const { api } = setup();
    await expect(api.createPost(input({ channels: [{ channelId: "nope", variant: null }] }))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(api.createPost(input({ objectiveId: "nope" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(api.createPost(input({ links: ["javascript:alert(1)"] }))).rejects.toMatchObject({
      code: "invalid",
      field: "links",
    });
    await expect(api.createPost(input({ planId: "nope" }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores a timed post in UTC with its wall clock, and cleans tags", async () => {
    const { api } = setup();
    const view = await api.createPost(input({ tags: ["#noël", "Noël", " "] }));
    expect(view.post.planned).toEqual({
      kind: "at",
      at: "2026-11-26T08:00:00Z",
      timezone: "Europe/Paris",
      local: "2026-11-26T09:00:00",
    });
    expect(view.post.tags).toEqual(["noël"]);
    expect(view.warnings).toEqual([]);
  });

  it("returns the warnings of what was saved", async () => {
    const { api } = setup();
    const view = await api.createPost(input({ objectiveId: null, customerValue: "", channels: [] }));
    expect(view.warnings.map((w) => w.code)).toEqual(["no_objective", "no_customer_value", "no_channel"]);
    const long = await api.createPost(
      input({ channels: [{ channelId: "ch-internal", variant: null }], body: "👍🏽".repeat(501) }),
    );
    expect(long.warnings).toEqual([
      { code: "over_channel_limit", field: "body", channelId: "ch-internal", length: 501, limit: 500 },
    ]);
  });

  it("updates, reschedules, deletes and restores", async () => {
    const { api } = setup();
    const created = await api.createPost(input());
    const updated = await api.updatePost(created.post.id, input({ title: "Pain modifié" }));
    expect(updated.post.title).toBe("Pain modifié");
    expect(updated.post.revision).toBe(created.post.revision + 1);
    const moved = await api.reschedulePost(created.post.id, { kind: "day", date: "2026-11-27" });
    expect(moved.post.planned).toEqual({ kind: "day", date: "2026-11-27" });
    expect(moved.post.title).toBe("Pain modifié");
    await api.deletePost(created.post.id);
    const week = await api.rangeView(SAMPLE_PLAN_ID, "2026-11-23", "2026-11-30");
    expect(week.posts.some((v) => v.post.id === created.post.id)).toBe(false);
    await expect(api.updatePost(created.post.id, input())).rejects.toMatchObject({ code: "not_found" });
    const restored = await api.restorePost(created.post.id);
    expect(restored.post.deletedAt).toBeNull();
  });

  it("checks ranges and the plan", async () => {
    const { api } = setup();
    await expect(api.rangeView(SAMPLE_PLAN_ID, "2026-11-30", "2026-11-23")).rejects.toMatchObject({
      code: "end_before_start",
    });
    await expect(api.rangeView("nope", "2026-11-23", "2026-11-30")).rejects.toMatchObject({ code: "not_found" });
    const warned = await api.checkPlan(SAMPLE_PLAN_ID);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((v) => v.warnings.length > 0)).toBe(true);
  });

  it("hands out copies, so callers cannot change the store", async () => {
    const { api } = setup();
    const week = await api.rangeView(SAMPLE_PLAN_ID, "2026-11-23", "2026-11-30");
    const first = week.posts[0];
    if (!first) throw new Error("no post");
    first.post.title = "changed";
    const again = await api.rangeView(SAMPLE_PLAN_ID, "2026-11-23", "2026-11-30");
    expect(again.posts[0]?.post.title).not.toBe("changed");
  });

  it("turns what Tauri rejects with into an ErrorPayload", async () => {
    const api = makeApi({ invoke: () => Promise.reject("command nope not found") });
    await expect(api.listPlans()).rejects.toEqual({ code: "unexpected", message: "command nope not found" });
  });
});

describe("mock backend: plans, objectives, channels, events, trash", () => {
  it("creates, updates, lists and deletes each kind with the core's codes", async () => {
    const { api } = setup();
    const plan = await api.createPlan({ name: "Érablière", timezone: "America/Toronto", locale: "fr-CA" });
    await expect(api.createPlan({ name: "X", timezone: "Mars/Olympus", locale: "fr" })).rejects.toMatchObject({ code: "unknown_zone", field: "timezone" });
    expect((await api.updatePlan(plan.id, { name: "Érablière du Rang", timezone: "America/Toronto", locale: "fr-CA" })).revision).toBe(2);

    const objective = await api.createObjective({
      planId: plan.id, kind: "sales", title: "Temps des sucres", target: "", startDate: "2027-03-01", endDate: "2027-04-30", color: "#aa5500", targetShare: 40,
    });
    await expect(
      api.updateObjective(objective.id, { ...objective, endDate: "2027-02-01" }),
    ).rejects.toMatchObject({ code: "end_before_start", field: "endDate" });
    expect(await api.listObjectives(plan.id)).toHaveLength(1);

    const channel = await api.createChannel({ planId: plan.id, platform: "x", name: "X", charLimit: null, weeklyTarget: null, color: "#000000" });
    expect(channel).toMatchObject({ charLimit: 280, weeklyTarget: 5 });
    await expect(api.updateChannel(channel.id, { planId: plan.id, platform: "x", name: "X", charLimit: null, weeklyTarget: null, color: "noir" })).rejects.toMatchObject({
      code: "invalid",
      field: "color",
    });

    const event = await api.createEvent({ planId: plan.id, kind: "open_day", title: "Portes ouvertes", description: "", location: "", when: { kind: "allDay", start: "2027-03-20", end: "2027-03-20" } });
    await api.deleteEvent(event.id);
    expect(await api.listEvents(plan.id)).toHaveLength(0);
    await api.restoreEvent(event.id);
    expect(await api.listEvents(plan.id)).toHaveLength(1);

    const post = await api.createPost(input({ planId: plan.id, channels: [{ channelId: channel.id, variant: null }], objectiveId: objective.id, planned: null }));
    await api.deletePost(post.post.id);
    expect((await api.trash(plan.id)).map((p) => p.id)).toEqual([post.post.id]);

    await api.deleteChannel(channel.id);
    expect(await api.listChannels(plan.id)).toHaveLength(0);
    await api.deletePlan(plan.id);
    expect((await api.listPlans()).some((p) => p.id === plan.id)).toBe(false);
    await api.restorePlan(plan.id);
    expect((await api.listPlans()).some((p) => p.id === plan.id)).toBe(true);
  });
});

describe("mock backend: held status (crisis switch)", () => {
  it("refuses to put a post on hold by hand, like the core", async () => {
    const { api } = setup();
    await expect(api.createPost(input({ status: "held" }))).rejects.toMatchObject({
      code: "held_reserved",
      field: "status",
    });
    const created = await api.createPost(input());
    await expect(api.updatePost(created.post.id, input({ status: "held" }))).rejects.toMatchObject({
      code: "held_reserved",
    });
  });
});
