import { describe, expect, it } from "vitest";
import { filterPosts, isFiltering, loadFilter, matchesFilter, NO_FILTER, parseFilter, saveFilter, tagsOf } from "./filters";
import type { PostView, RangeView } from "./generated/models";

function view(id: string, over: Partial<PostView["post"]>): PostView {
  return {
    post: { id, channels: [], objectiveId: null, status: "draft", eventId: null, tags: [], ...over } as unknown as PostView["post"],
    warnings: [],
  };
}

const posts = [
  view("a", { channels: [{ channelId: "ig", variant: null }], objectiveId: "o1", status: "scheduled", tags: ["Noël", "pain"] }),
  view("b", { channels: [{ channelId: "fb", variant: null }, { channelId: "ig", variant: null }], status: "idea", eventId: "e1" }),
  view("c", { channels: [], tags: ["noël"] }),
];

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe("filters", () => {
  it("lets everything through when empty", () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterPosts(posts, NO_FILTER).map((v) => v.post.id)).toEqual(["a", "b", "c"]);
  });

  it("filters by channel, objective, status, event and tag (tags without case)", () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterPosts(posts, { ...NO_FILTER, ...f }).map((v) => v.post.id);
    expect(ids({ channelId: "ig" })).toEqual(["a", "b"]);
    expect(ids({ objectiveId: "o1" })).toEqual(["a"]);
    expect(ids({ status: "idea" })).toEqual(["b"]);
    expect(ids({ eventId: "e1" })).toEqual(["b"]);
    expect(ids({ tag: "NOËL" })).toEqual(["a", "c"]);
    expect(ids({ channelId: "ig", status: "scheduled" })).toEqual(["a"]);
    expect(matchesFilter(posts[2] as PostView, { ...NO_FILTER, channelId: "ig" })).toBe(false);
  });

  it("lists a range's tags once, in the locale's order", () => {
    const range = { posts } as unknown as RangeView;
    expect(tagsOf(range, "fr-FR")).toEqual(["Noël", "pain"]);
  });

  it("is remembered per plan, and a damaged store reads as no filter", () => {
    const storage = new MemoryStorage();
    saveFilter(storage, "p1", { ...NO_FILTER, status: "draft", tag: "pain" });
    expect(loadFilter(storage, "p1")).toEqual({ ...NO_FILTER, status: "draft", tag: "pain" });
    expect(loadFilter(storage, "p2")).toEqual(NO_FILTER);
    saveFilter(storage, "p1", NO_FILTER);
    expect(storage.getItem("cadence.filters")).toBe("{}");
    storage.setItem("cadence.filters", "{not json");
    expect(loadFilter(storage, "p1")).toEqual(NO_FILTER);
    expect(parseFilter({ status: "nonsense", channelId: 3 })).toEqual(NO_FILTER);
  });
});
