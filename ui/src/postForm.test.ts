import { describe, expect, it } from "vitest";
import type { Plan, Post } from "./generated/models";
import { draftOfPost, emptyDraft, inputOfDraft, splitTags } from "./postForm";

const plan = { id: "p1", timezone: "Europe/Paris" } as Plan;

describe("post form", () => {
  it("turns an empty time into a date-only post, and no date into an unplanned one", () => {
    const d = { ...emptyDraft("2026-11-24"), title: "x" };
    expect(inputOfDraft(d, plan, null).planned).toEqual({ kind: "day", date: "2026-11-24" });
    expect(inputOfDraft({ ...d, date: "" }, plan, null).planned).toBeNull();
  });

  it("plans a new timed post in the plan's zone", () => {
    const d = { ...emptyDraft("2026-11-24"), time: "09:15" };
    expect(inputOfDraft(d, plan, null).planned).toEqual({
      kind: "at",
      local: "2026-11-24T09:15:00",
      timezone: "Europe/Paris",
    });
  });

  it("maps the objective, tags and channels", () => {
    const d = { ...emptyDraft("2026-11-24"), objectiveId: "", tags: " pain, #levain ,, ", channelIds: ["a", "b"] };
    const input = inputOfDraft(d, plan, null);
    expect(input.objectiveId).toBeNull();
    expect(input.tags).toEqual(["pain", "#levain"]);
    expect(input.channels).toEqual([
      { channelId: "a", variant: null },
      { channelId: "b", variant: null },
    ]);
    expect(splitTags("")).toEqual([]);
  });

  it("keeps what the form does not show when editing, and the post's own zone", () => {
    const post = {
      id: "x",
      planId: "p1",
      title: "T",
      body: "B",
      channels: [{ channelId: "a", variant: "court" }],
      objectiveId: "o1",
      customerValue: "V",
      status: "approved",
      planned: { kind: "at", at: "2026-11-24T14:00:00Z", timezone: "America/Toronto", local: "2026-11-24T09:00:00" },
      durationMinutes: 30,
      eventId: "e1",
      assignee: "Léa",
      tags: ["a", "b"],
      links: ["https://example.org"],
      notes: "N",
      results: { url: null, likes: 3, comments: null, shares: null },
    } as Post;
    const draft = draftOfPost(post);
    expect(draft.date).toBe("2026-11-24");
    expect(draft.time).toBe("09:00");
    expect(draft.tags).toBe("a, b");
    const input = inputOfDraft(draft, plan, post);
    expect(input.planned).toEqual({ kind: "at", local: "2026-11-24T09:00:00", timezone: "America/Toronto" });
    expect(input.channels).toEqual([{ channelId: "a", variant: "court" }]);
    expect(input.durationMinutes).toBe(30);
    expect(input.eventId).toBe("e1");
    expect(input.links).toEqual(["https://example.org"]);
    expect(input.results.likes).toBe(3);
    expect(input.status).toBe("approved");
  });
});

describe("post form: event, links and channel variants", () => {
  it("sends the event, one link a line, and a variant only where one is typed", () => {
    const d = {
      ...emptyDraft("2026-11-24"),
      channelIds: ["ig", "x"],
      eventId: "ev1",
      links: " https://a.example/1 \n\n https://b.example ",
      variants: { ig: "Version Instagram 📸", x: "   " },
    };
    const input = inputOfDraft(d, plan, null);
    expect(input.eventId).toBe("ev1");
    expect(input.links).toEqual(["https://a.example/1", "https://b.example"]);
    expect(input.channels).toEqual([
      { channelId: "ig", variant: "Version Instagram 📸" },
      { channelId: "x", variant: null },
    ]);
    expect(inputOfDraft({ ...d, eventId: "" }, plan, null).eventId).toBeNull();
  });

  it("reads them back from a post", () => {
    const post = {
      title: "t", body: "b", channels: [{ channelId: "ig", variant: "v" }, { channelId: "x", variant: null }], objectiveId: null,
      customerValue: "", status: "draft", planned: null, tags: [], notes: "", eventId: "ev1", links: ["https://a.example"],
    } as unknown as Post;
    const d = draftOfPost(post);
    expect(d).toMatchObject({ eventId: "ev1", links: "https://a.example", variants: { ig: "v" } });
  });
});
