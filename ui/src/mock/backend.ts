// An in-memory stand-in for the core, answering the same commands with the same errors.
// It lets the UI run in a plain browser and gives page tests a predictable plan.
import type { CommandName, Commands, Transport } from "../api";
import type {
  AppInfo,
  Channel,
  Event,
  Objective,
  Plan,
  PlanInput,
  Planned,
  PlannedInput,
  Post,
  PostChannel,
  PostInput,
  PostView,
  RangeView,
  Warning,
} from "../generated/models";
import { STATUSES } from "../i18n/labels";
import { inputOf } from "../postForm";
import { addDays, isDate } from "../time/week";
import { computerZone, isKnownZone, localDateTime, localParts, zonedToUtc } from "../time/zone";
import { fail, LIMITS, links, optional, required, tags, text, url } from "./checks";
import { buildChannel, buildEvent, buildObjective, buildPlan } from "./planning";
import { warnings } from "./rules";
import { SAMPLE_PLAN_ID, sampleData } from "./sample";
import { MockData } from "./data";
import { MockCampaigns } from "./campaigns";
import { StrategyBMock } from "./strategyB";

export { inputOf };

export interface MockOptions {
  /** "YYYY-MM-DD"; default: today in the computer's zone. */
  today?: string | undefined;
  /** Start with no plan at all. */
  empty?: boolean;
  /** So many more sample posts over the weeks around today (page tests of big months). */
  extraPosts?: number;
}

type Args = Record<string, unknown>;
type Meta = Pick<Plan, "createdAt" | "updatedAt" | "revision" | "deletedAt">;
type Row = Meta & { id: string; planId?: string };

export class MockBackend implements Transport {
  readonly today: string;
  private plans: Plan[] = [];
  private channels: Channel[] = [];
  private objectives: Objective[] = [];
  private events: Event[] = [];
  private posts: Post[] = [];
  private nextId = 1;
  /** Campaigns, slots and holidays (see mock/campaigns.ts). */
  private readonly campaigns = new MockCampaigns({
    livePlan: (id) => this.livePlan(id),
    channels: (planId) => this.planParts(planId).channels,
    event: (id) => {
      const e = this.events.find((x) => x.id === id && x.deletedAt === null);
      if (!e) throw fail("not_found", `no event with id ${String(id)}`);
      return e;
    },
    replaceEvent: (e) => {
      this.events = this.events.map((x) => (x.id === e.id ? e : x));
    },
    posts: (planId) => this.livePosts(planId),
    createPost: (input) => this.createPost(input),
    updatePost: (id, input) => this.updatePost(id, input),
    newId: (kind) => this.newId(kind),
    now: () => this.now(),
  });

  // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
  private readonly strategyB = new StrategyBMock({
    livePlan: (id) => this.livePlan(id),
    livePost: (id) => this.livePost(id),
    livePosts: (planId) => this.livePosts(planId),
    planParts: (planId) => this.planParts(planId),
    dayIn: (post, zone) => this.dayIn(post, zone),
    replacePost: (old, next) => {
      this.posts[this.posts.indexOf(old)] = next;
      return this.view(next);
    },
    now: () => this.now(),
    today: () => this.today,
    newId: (kind) => this.newId(kind),
  });

  constructor(options: MockOptions = {}) {
    this.today =
      options.today && isDate(options.today) ? options.today : localParts(new Date(), computerZone()).date;
    if (options.empty) return;
    const seed = sampleData(this.today, this.now());
    this.plans = seed.plans;
    this.channels = seed.channels;
    this.objectives = seed.objectives;
    this.events = seed.events;
    for (const input of seed.posts) this.createPost(input);
    if (this.plans.some((p) => p.id === SAMPLE_PLAN_ID)) this.strategyB.seed(SAMPLE_PLAN_ID);
    const extra = options.extraPosts ?? 0;
    const statuses = ["idea", "draft", "in_review", "approved", "scheduled"] as const;
    const first = addDays(this.today, -Number(this.today.slice(8, 10)) + 1);
    for (let i = 0; i < extra; i++) {
      const base = seed.posts[i % seed.posts.length];
      if (!base) break;
      const day = addDays(first, i % 31);
      const hour = String(8 + (i % 11)).padStart(2, "0");
      this.createPost({
        ...base,
        title: `Post ${i + 1} · ${base.title}`,
        status: statuses[i % statuses.length] ?? "draft",
        channels: [seed.channels[i % seed.channels.length]].filter((c) => c !== undefined).map((c) => ({ channelId: c.id, variant: null })),
        planned: i % 5 === 0 ? { kind: "day", date: day } : { kind: "at", local: `${day}T${hour}:${i % 2 ? "30" : "00"}:00`, timezone: seed.plans[0]?.timezone ?? "Europe/Paris" },
      });
    }
  }

  invoke<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"]> {
    return new Promise((resolve, reject) => {
      try {
        // A copy both ways, as over the IPC bridge: no caller can change the store by accident.
        const result = this.handle(command, structuredClone(args ?? {}) as Args);
        resolve(structuredClone(result) as Commands[C]["result"]);
      } catch (error) {
        reject(error);
      }
    });
  }

  private handle(command: string, args: Args): unknown {
    switch (command) {
      case "app_info":
        return this.appInfo();
      case "ui_ready":
        return null;
      case "list_plans":
        return this.plans.filter((p) => p.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name));
      case "plan_overview": {
        const plan = this.livePlan(args["planId"]);
        return { plan, ...this.planParts(plan.id), events: this.liveEvents(plan.id) };
      }
      case "range_view":
        return this.rangeView(args["planId"], args["from"], args["to"]);
      case "create_post":
        return this.createPost(args["input"]);
      case "update_post":
        return this.updatePost(args["id"], args["input"]);
      case "reschedule_post": {
        const old = this.livePost(args["id"]);
        return this.updatePost(old.id, { ...inputOf(old), planned: (args["planned"] ?? null) as PlannedInput | null });
      }
      case "delete_post":
        return this.deletePost(args["id"]);
      case "restore_post":
        return this.restorePost(args["id"]);
      case "check_plan": {
        const plan = this.livePlan(args["planId"]);
        return this.livePosts(plan.id)
          .map((p) => this.view(p))
          .filter((v) => v.warnings.length > 0);
      }
      case "trash": {
        const plan = this.livePlan(args["planId"]);
        return this.posts.filter((p) => p.planId === plan.id && p.deletedAt !== null);
      }
      case "create_plan":
        return this.store(this.plans, (id, meta) => buildPlan(args["input"] as Partial<PlanInput>, id ?? this.newId("plan"), meta));
      case "update_plan":
        return this.store(this.plans, (id, meta) => buildPlan(args["input"] as Partial<PlanInput>, this.livePlan(id).id, meta), args["id"]);
      case "delete_plan":
      case "restore_plan":
        return this.trashRow(this.plans, args["id"], command === "delete_plan");
      case "list_objectives":
        return this.planParts(this.livePlan(args["planId"]).id).objectives;
      case "create_objective":
      case "update_objective":
        return this.store(this.objectives, (id, meta) => buildObjective(this.ofLivePlan(args["input"]), id ?? this.newId("objective"), meta), args["id"]);
      case "delete_objective":
        return this.trashRow(this.objectives, args["id"], true);
      case "list_channels":
        return this.planParts(this.livePlan(args["planId"]).id).channels;
      case "create_channel":
      case "update_channel":
        return this.store(this.channels, (id, meta) => buildChannel(this.ofLivePlan(args["input"]), id ?? this.newId("channel"), meta), args["id"]);
      case "delete_channel":
        return this.trashRow(this.channels, args["id"], true);
      case "list_events":
        return this.liveEvents(this.livePlan(args["planId"]).id);
      case "create_event":
      case "update_event":
        return this.store(this.events, (id, meta) => buildEvent(this.ofLivePlan(args["input"]), id ?? this.newId("event"), meta), args["id"]);
      case "delete_event":
      case "restore_event":
        return this.trashRow(this.events, args["id"], command === "delete_event");
      default: {
        this.campaigns.knownPlans = this.plans.map((p) => p.id);
        const answer = this.campaigns.handle(command, args);
        if (answer.done) return answer.value;
        {
          const b = this.strategyB.handle(command, args);
          if (StrategyBMock.handled(b)) return b;
        }
        return this.data.handle(command, args);
      }
    }
  }

  private dataState: MockData | null = null;

  /** The « Données » commands (mock/data.ts), on this store. */
  private get data(): MockData {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.dataState ??= new MockData({
      get plans() {
        return self.plans;
      },
      get posts() {
        return self.posts;
      },
      get events() {
        return self.events;
      },
      get channels() {
        return self.channels;
      },
      get objectives() {
        return self.objectives;
      },
      today: this.today,
      call: (command, args) => this.handle(command, args),
    });
    return this.dataState;
  }

  /** The input, once its plan is known to exist. */
  private ofLivePlan<T extends { planId: string }>(input: unknown): Partial<T> {
    const i = (input ?? {}) as Partial<T>;
    this.livePlan(i.planId);
    return i;
  }

  /** Creates (no `id`) or replaces the live row `id` with what `build` makes of it. */
  private store<T extends Row>(rows: T[], build: (id: string | undefined, meta: Meta) => T, id?: unknown): T {
    this.planningVersion += 1;
    const now = this.now();
    if (id === undefined) {
      const row = build(undefined, { createdAt: now, updatedAt: now, revision: 1, deletedAt: null });
      rows.push(row);
      return row;
    }
    const old = rows.find((r) => r.id === id && r.deletedAt === null);
    if (!old) throw fail("not_found", `nothing with id ${String(id)}`);
    const row = build(old.id, { createdAt: old.createdAt, updatedAt: now, revision: old.revision + 1, deletedAt: null });
    if (row.planId !== undefined && old.planId !== undefined && row.planId !== old.planId) {
      throw fail("foreign_plan", "planId: it belongs to another plan", "planId");
    }
    rows[rows.indexOf(old)] = row;
    return row;
  }

  private trashRow<T extends Row>(rows: T[], id: unknown, trash: boolean): T {
    this.planningVersion += 1;
    const row = rows.find((r) => r.id === id);
    if (!row || (trash && row.deletedAt !== null)) throw fail("not_found", `nothing with id ${String(id)}`);
    if ((row.deletedAt !== null) === trash) return row;
    row.deletedAt = trash ? this.now() : null;
    row.updatedAt = this.now();
    row.revision += 1;
    return row;
  }

  private now(): string {
    return new Date().toISOString();
  }

  private newId(kind: string): string {
    return `${kind}-${String(this.nextId++).padStart(4, "0")}`;
  }

  private appInfo(): AppInfo {
    const first = this.plans.find((p) => p.id === SAMPLE_PLAN_ID && p.deletedAt === null) ?? this.plans.find((p) => p.deletedAt === null);
    return { version: "0.0.0-mock", dbPath: ":memory:", defaultPlanId: first?.id ?? null, today: this.today, systemLocale: null };
  }

  private livePlan(id: unknown): Plan {
    const plan = this.plans.find((p) => p.id === id && p.deletedAt === null);
    if (!plan) throw fail("not_found", `no plan with id ${String(id)}`);
    return plan;
  }

  private livePost(id: unknown): Post {
    const post = this.posts.find((p) => p.id === id && p.deletedAt === null);
    if (!post) throw fail("not_found", `no post with id ${String(id)}`);
    return post;
  }

  private planParts(planId: string): { channels: Channel[]; objectives: Objective[] } {
    return {
      channels: this.channels.filter((c) => c.planId === planId && c.deletedAt === null),
      objectives: this.objectives.filter((o) => o.planId === planId && o.deletedAt === null),
    };
  }

  private liveEvents(planId: string): Event[] {
    return this.events.filter((e) => e.planId === planId && e.deletedAt === null);
  }

  private livePosts(planId: string): Post[] {
    return this.posts.filter((p) => p.planId === planId && p.deletedAt === null);
  }

  /**
   * Warnings depend on the post and on its plan's channels and objectives: they are kept per
   * post object (a new object on every update) until a channel or an objective changes, so a
   * range of a thousand posts does not count a thousand texts again.
   */
  private readonly warningCache = new WeakMap<Post, { version: number; warnings: Warning[] }>();
  private planningVersion = 0;

  private view(post: Post): PostView {
    const cached = this.warningCache.get(post);
    if (cached && cached.version === this.planningVersion) return { post, warnings: cached.warnings };
    const { channels, objectives } = this.planParts(post.planId);
    const computed = warnings(post, channels, objectives);
    this.warningCache.set(post, { version: this.planningVersion, warnings: computed });
    return { post, warnings: computed };
  }

  /** The day of a post in a zone, kept per post object (instants do not move). */
  private readonly dayCache = new WeakMap<Post, { zone: string; day: string | null }>();

  private dayIn(p: Post, zone: string): string | null {
    const cached = this.dayCache.get(p);
    if (cached && cached.zone === zone) return cached.day;
    const day = p.planned === null ? null : p.planned.kind === "at" ? localParts(new Date(p.planned.at), zone).date : p.planned.date;
    this.dayCache.set(p, { zone, day });
    return day;
  }

  private rangeView(planId: unknown, from: unknown, to: unknown): RangeView {
    if (typeof from !== "string" || !isDate(from)) throw fail("invalid", `from: "${String(from)}" is not a date`, "from");
    if (typeof to !== "string" || !isDate(to)) throw fail("invalid", `to: "${String(to)}" is not a date`, "to");
    if (to < from) throw fail("end_before_start", "to: the end is before the start", "to");
    if (to > addDays(from, 366 * 2)) throw fail("invalid", "to: a range is at most two years", "to");
    const plan = this.livePlan(planId);
    const dayIn = (p: Post) => this.dayIn(p, plan.timezone);
    const posts = this.livePosts(plan.id)
      .filter((p) => {
        const day = dayIn(p);
        return day !== null && day >= from && day < to;
      })
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .map((p) => this.view(p));
    const events = this.liveEvents(plan.id).filter((e) => {
      if (e.when.kind === "allDay") return e.when.start < to && e.when.end >= from;
      const start = localParts(new Date(e.when.start), plan.timezone).date;
      const end = localParts(new Date(e.when.end), plan.timezone).date;
      return start < to && end >= from;
    });
    return { plan, from, to, posts, events, ...this.planParts(plan.id) };
  }

  private createPost(input: unknown): PostView {
    const now = this.now();
    const post = this.build(input, this.newId("post"), { createdAt: now, updatedAt: now, revision: 1, deletedAt: null });
    this.posts.push(post);
    return this.view(post);
  }

  private updatePost(id: unknown, input: unknown): PostView {
    const old = this.livePost(id);
    const planId = (input as Partial<PostInput> | null)?.planId;
    if (planId !== old.planId) throw fail("foreign_plan", `planId: post ${old.id} belongs to another plan`, "planId");
    const post = this.build(input, old.id, {
      createdAt: old.createdAt,
      updatedAt: this.now(),
      revision: old.revision + 1,
      deletedAt: null,
    });
    this.posts[this.posts.indexOf(old)] = post;
    return this.view(post);
  }

  private deletePost(id: unknown): PostView {
    const post = this.livePost(id);
    post.deletedAt = post.updatedAt = this.now();
    post.revision += 1;
    return this.view(post);
  }

  private restorePost(id: unknown): PostView {
    const post = this.posts.find((p) => p.id === id);
    if (!post) throw fail("not_found", `no post with id ${String(id)}`);
    this.livePlan(post.planId);
    if (post.deletedAt !== null) {
      post.deletedAt = null;
      post.updatedAt = this.now();
      post.revision += 1;
    }
    return this.view(post);
  }

  /** The checks of the core's `posts::build`, in the same order. */
  private build(raw: unknown, id: string, meta: Pick<Post, "createdAt" | "updatedAt" | "revision" | "deletedAt">): Post {
    if (typeof raw !== "object" || raw === null) throw fail("invalid", "input: expected a post");
    const input = raw as Partial<PostInput>;
    const plan = this.livePlan(input.planId);
    const title = required("title", input.title, LIMITS.TITLE);
    const body = text("body", input.body ?? "", LIMITS.BODY);

    const { channels, objectives } = this.planParts(plan.id);
    const postChannels: PostChannel[] = [];
    for (const pc of input.channels ?? []) {
      const channel = this.channels.find((c) => c.id === pc.channelId && c.deletedAt === null);
      if (!channel) throw fail("not_found", `no channel with id ${pc.channelId}`);
      if (!channels.includes(channel)) throw fail("foreign_plan", `channels: channel ${channel.id} belongs to another plan`, "channels");
      const variant = pc.variant && pc.variant.trim() !== "" ? text("variant", pc.variant, LIMITS.BODY) : null;
      if (!postChannels.some((c) => c.channelId === channel.id)) postChannels.push({ channelId: channel.id, variant });
    }

    let objectiveId: string | null = null;
    if (input.objectiveId) {
      const o = this.objectives.find((x) => x.id === input.objectiveId && x.deletedAt === null);
      if (!o) throw fail("not_found", `no objective with id ${input.objectiveId}`);
      if (!objectives.includes(o)) throw fail("foreign_plan", `objectiveId: objective ${o.id} belongs to another plan`, "objectiveId");
      objectiveId = o.id;
    }

    let eventId: string | null = null;
    if (input.eventId) {
      const e = this.events.find((x) => x.id === input.eventId && x.deletedAt === null);
      if (!e) throw fail("not_found", `no event with id ${input.eventId}`);
      if (e.planId !== plan.id) throw fail("foreign_plan", `eventId: event ${e.id} belongs to another plan`, "eventId");
      eventId = e.id;
    }

    const planned = plannedOf(input.planned ?? null);

    const duration = input.durationMinutes ?? null;
    if (duration !== null) {
      if (!Number.isInteger(duration) || duration < 1) throw fail("invalid", "durationMinutes: a duration is at least 1 minute", "durationMinutes");
      if (duration > LIMITS.DURATION_MINUTES) throw fail("invalid", `durationMinutes: ${duration} is more than ${LIMITS.DURATION_MINUTES}`, "durationMinutes");
    }

    const results = { url: null, likes: null, comments: null, shares: null, ...input.results };
    if (results.url !== null && results.url.trim() !== "") {
      results.url = url("results.url", results.url);
    } else {
      results.url = null;
    }

    const customerValue = optional("customerValue", input.customerValue ?? "", LIMITS.SHORT_TEXT);
    // `held` is kept by an edit of a held post, never chosen by hand (core: service/crisis.rs).
    if (input.status === "held") {
      if (this.posts.find((p) => p.id === id)?.status !== "held") {
        throw fail("held_reserved", "status: only the crisis switch puts a post on hold", "status");
      }
    } else if (!STATUSES.includes(input.status as Post["status"])) {
      throw fail("invalid", `status: unknown status "${String(input.status)}"`, "status");
    }

    return {
      id,
      planId: plan.id,
      title,
      body,
      channels: postChannels,
      objectiveId,
      customerValue,
      status: input.status as Post["status"],
      planned,
      durationMinutes: duration,
      eventId,
      assignee: optional("assignee", input.assignee ?? "", LIMITS.NAME),
      tags: tags(input.tags ?? []),
      links: links(input.links ?? []),
      notes: text("notes", input.notes ?? "", LIMITS.BODY),
      results,
      ...meta,
    };
  }
}

const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function plannedOf(input: PlannedInput | null): Planned | null {
  if (input === null) return null;
  if (input.kind === "day") {
    if (!isDate(input.date)) throw fail("invalid", `planned: "${input.date}" is not a date`, "planned");
    return { kind: "day", date: input.date };
  }
  if (input.kind !== "at") throw fail("invalid", "planned: unknown kind", "planned");
  if (!isKnownZone(input.timezone)) throw fail("unknown_zone", `unknown time zone "${input.timezone}"`, "timezone");
  if (!LOCAL_RE.test(input.local) || !isDate(input.local.slice(0, 10))) {
    throw fail("invalid", `planned: "${input.local}" is not a date and time`, "planned");
  }
  const local = input.local.length === 16 ? `${input.local}:00` : input.local;
  const at = zonedToUtc(local, input.timezone);
  if (at === null) {
    throw fail(
      "nonexistent_local_time",
      `planned: ${local.slice(0, 16).replace("T", " ")} does not exist in ${input.timezone} (clocks jump forward)`,
      "planned",
    );
  }
  return { kind: "at", at: at.toISOString().replace(".000Z", "Z"), timezone: input.timezone, local: localDateTime(at, input.timezone) };
}

/** Timed and date-only posts of one range, in the order the core returns them. */
function sortKey(p: Post): string {
  if (p.planned === null) return "~";
  return p.planned.kind === "at" ? `${p.planned.at}` : `${p.planned.date}`;
}
