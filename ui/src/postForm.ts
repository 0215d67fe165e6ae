// The post panel's form values and their conversion to and from the core's types.
import type { Plan, Post, PostChannel, PostInput, PostStatus } from "./generated/models";

/** What the form holds, as typed. */
export interface Draft {
  title: string;
  body: string;
  channelIds: string[];
  /** "" for no objective. */
  objectiveId: string;
  customerValue: string;
  status: PostStatus;
  /** "YYYY-MM-DD" or "" (not planned). */
  date: string;
  /** "HH:MM" or "" (all day). */
  time: string;
  /** Comma separated. */
  tags: string;
  notes: string;
  /** "" for no event. */
  eventId: string;
  /** One link a line. */
  links: string;
  /** Text for one channel instead of the body, by channel id ("" or absent: the body). */
  variants: Record<string, string>;
}

export function emptyDraft(date: string): Draft {
  return {
    title: "",
    body: "",
    channelIds: [],
    objectiveId: "",
    customerValue: "",
    status: "draft",
    date,
    time: "",
    tags: "",
    notes: "",
    eventId: "",
    links: "",
    variants: {},
  };
}

/** The form of an existing post; a timed post shows its wall-clock time in its own zone. */
export function draftOfPost(post: Post): Draft {
  const planned = post.planned;
  return {
    title: post.title,
    body: post.body,
    channelIds: post.channels.map((c) => c.channelId),
    objectiveId: post.objectiveId ?? "",
    customerValue: post.customerValue,
    status: post.status,
    date: planned === null ? "" : planned.kind === "at" ? planned.local.slice(0, 10) : planned.date,
    time: planned?.kind === "at" ? planned.local.slice(11, 16) : "",
    tags: post.tags.join(", "),
    notes: post.notes,
    eventId: post.eventId ?? "",
    links: post.links.join("\n"),
    variants: Object.fromEntries(post.channels.filter((c) => c.variant !== null).map((c) => [c.channelId, c.variant ?? ""])),
  };
}

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/**
 * The input to send for `draft`. Fields the form does not show (duration, assignee,
 * results…) are kept from `original`. New timed posts are planned in the plan's zone.
 */
export function inputOfDraft(draft: Draft, plan: Plan, original: Post | null): PostInput {
  const channels: PostChannel[] = draft.channelIds.map((channelId) => {
    const variant = draft.variants[channelId] ?? "";
    return { channelId, variant: variant.trim() === "" ? null : variant };
  });
  const zone = original?.planned?.kind === "at" ? original.planned.timezone : plan.timezone;
  const planned: PostInput["planned"] =
    draft.date === ""
      ? null
      : draft.time === ""
        ? { kind: "day", date: draft.date }
        : { kind: "at", local: `${draft.date}T${draft.time.slice(0, 5)}:00`, timezone: zone };
  return {
    planId: plan.id,
    title: draft.title,
    body: draft.body,
    channels,
    objectiveId: draft.objectiveId === "" ? null : draft.objectiveId,
    customerValue: draft.customerValue,
    status: draft.status,
    planned,
    durationMinutes: original?.durationMinutes ?? null,
    eventId: draft.eventId === "" ? null : draft.eventId,
    assignee: original?.assignee ?? "",
    tags: splitTags(draft.tags),
    links: splitLines(draft.links),
    notes: draft.notes,
    results: original?.results ?? { url: null, likes: null, comments: null, shares: null },
  };
}

/** The input that would recreate `post` as it is (the core's `input_of`). */
export function inputOf(post: Post): PostInput {
  return {
    planId: post.planId,
    title: post.title,
    body: post.body,
    channels: post.channels,
    objectiveId: post.objectiveId,
    customerValue: post.customerValue,
    status: post.status,
    planned:
      post.planned === null
        ? null
        : post.planned.kind === "at"
          ? { kind: "at", local: post.planned.local, timezone: post.planned.timezone }
          : { kind: "day", date: post.planned.date },
    durationMinutes: post.durationMinutes,
    eventId: post.eventId,
    assignee: post.assignee,
    tags: post.tags,
    links: post.links,
    notes: post.notes,
    results: post.results,
  };
}
