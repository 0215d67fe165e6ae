// Undo for moves, resizes and deletions: a move remembers when a post was planned, and for how
// long, before the change, so Ctrl+Z can ask the core to put it back; a deletion is undone by
// restoring the post, event or plan from the trash.
import type { Planned, PlannedInput, Post } from "./generated/models";

export interface Move {
  postId: string;
  planned: PlannedInput | null;
  durationMinutes: number | null;
  /** The post as the change left it (what to send back if the view no longer holds it). */
  after: Post;
}

/** The input that plans a post exactly as `planned` (same wall-clock time, same zone). */
export function plannedInputOf(planned: Planned | null): PlannedInput | null {
  if (planned === null) return null;
  return planned.kind === "at" ? { kind: "at", local: planned.local, timezone: planned.timezone } : { kind: "day", date: planned.date };
}

/** A post, event or plan put in the trash: undone by restoring it. */
export interface Deletion {
  deleted: "post" | "event" | "plan";
  id: string;
}

export type UndoEntry = Move | Deletion;

export function isDeletion(e: UndoEntry): e is Deletion {
  return "deleted" in e;
}

export class UndoStack<T = Move> {
  private readonly moves: T[] = [];

  constructor(private readonly limit = 50) {}

  push(move: T): void {
    this.moves.push(move);
    if (this.moves.length > this.limit) this.moves.shift();
  }

  pop(): T | undefined {
    return this.moves.pop();
  }

  get size(): number {
    return this.moves.length;
  }

  clear(): void {
    this.moves.length = 0;
  }
}
