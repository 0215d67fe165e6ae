import { describe, expect, it } from "vitest";
import type { Post } from "./generated/models";
import { plannedInputOf, UndoStack } from "./undo";

describe("undo", () => {
  it("turns a stored planning back into the input that recreates it", () => {
    expect(plannedInputOf({ kind: "at", at: "2026-11-26T08:00:00Z", timezone: "Europe/Paris", local: "2026-11-26T09:00:00" })).toEqual({
      kind: "at",
      local: "2026-11-26T09:00:00",
      timezone: "Europe/Paris",
    });
    expect(plannedInputOf({ kind: "day", date: "2026-11-26" })).toEqual({ kind: "day", date: "2026-11-26" });
    expect(plannedInputOf(null)).toBeNull();
  });

  it("gives the last move first and forgets the oldest past its limit", () => {
    const stack = new UndoStack(2);
    const move = (postId: string) => ({ postId, planned: null, durationMinutes: null, after: {} as Post });
    stack.push(move("a"));
    stack.push(move("b"));
    stack.push(move("c"));
    expect(stack.size).toBe(2);
    expect(stack.pop()?.postId).toBe("c");
    expect(stack.pop()?.postId).toBe("b");
    expect(stack.pop()).toBeUndefined();
  });
});
