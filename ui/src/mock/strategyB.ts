// The mock's dashboard, results, ambassadors and crisis switch (core: service/dashboard.rs,
// service/ambassadors.rs, service/crisis.rs), on the sample plan.
import type {
  Ambassador,
  Channel,
  CrisisLogEntry,
  CrisisPlan,
  CrisisState,
  Dashboard,
  Objective,
  Plan,
  Post,
  PostRef,
  PostStatus,
  PostView,
  Relay,
  ResultTotals,
} from "../generated/models";
import { periodDays } from "../dashboardModel";
import { addDays, mondayOf } from "../time/week";
import { fail } from "./checks";
import { warnings } from "./rules";

/** What the mock backend lends this module. */
export interface StrategyBContext {
  livePlan(id: unknown): Plan;
  livePost(id: unknown): Post;
  livePosts(planId: string): Post[];
  planParts(planId: string): { channels: Channel[]; objectives: Objective[] };
  dayIn(post: Post, zone: string): string | null;
  /** Puts a changed copy of a post in the store and returns its view. */
  replacePost(old: Post, next: Post): PostView;
  now(): string;
  /** The mock's today ("YYYY-MM-DD"). */
  today(): string;
  newId(kind: string): string;
}

const HISTORY_WEEKS = 8;
const NOT_HANDLED = Symbol("not handled");

const emptyTotals = (): ResultTotals => ({ published: 0, measured: 0, likes: 0, comments: 0, shares: 0 });

function addResults(t: ResultTotals, p: Post): void {
  if (p.status !== "published") return;
  const r = p.results;
  t.published += 1;
  if (r.likes !== null || r.comments !== null || r.shares !== null) t.measured += 1;
  t.likes += r.likes ?? 0;
  t.comments += r.comments ?? 0;
  t.shares += r.shares ?? 0;
}

function count(value: unknown, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 4294967295) {
    throw fail("invalid", `${field}: a whole number, 0 or more`, field);
  }
  return value;
}

export class StrategyBMock {
  private ambassadors: Ambassador[] = [];
  /** post id → ambassador id → done at (null: asked, not done yet). */
  private relays = new Map<string, Map<string, string | null>>();
  private crisisPlans = new Map<string, CrisisPlan>();
  private log: CrisisLogEntry[] = [];
  /** post id → status before the hold. */
  private holds = new Map<string, { crisisId: string; previous: PostStatus }>();

  constructor(private readonly ctx: StrategyBContext) {}

  /** Seeds the sample plan: two ambassadors, one relay done, a crisis plan. */
  seed(planId: string): void {
    const now = this.ctx.now();
    this.ambassadors.push(
      { id: "amb-lea", planId, name: "Léa Martin", email: "lea@example.com", createdAt: now },
      { id: "amb-samir", planId, name: "Samir Haddad", email: "", createdAt: now },
    );
    const published = this.ctx.livePosts(planId).find((p) => p.status === "published");
    if (published) {
      this.relays.set(
        published.id,
        new Map<string, string | null>([
          ["amb-lea", now],
          ["amb-samir", null],
        ]),
      );
    }
    this.crisisPlans.set(planId, {
      contacts: [{ name: "Claire Dubois", role: "Direction", phone: "+33 6 12 34 56 78", email: "claire@example.com" }],
      steps: ["Suspendre toutes les publications programmées", "Prévenir la direction", "Préparer une réponse"],
      statements: [{ title: "Réponse d’attente", body: "Nous avons bien vu vos messages et revenons vers vous très vite." }],
    });
  }

  handle(command: string, a: Record<string, unknown>): unknown {
    switch (command) {
      case "dashboard":
        return this.dashboard(a["planId"], a["period"]);
      case "export_dashboard_csv": {
        this.dashboard(a["planId"], a["period"]);
        const path = a["path"];
        if (typeof path !== "string" || path.trim() === "") throw fail("invalid", "path: no file chosen", "path");
        return path;
      }
      case "set_post_results":
        return this.setResults(a["postId"], a["results"]);
      case "list_ambassadors":
        return this.listAmbassadors(this.ctx.livePlan(a["planId"]).id);
      case "create_ambassador":
        return this.createAmbassador(a["input"]);
      case "delete_ambassador":
        return this.deleteAmbassador(a["id"]);
      case "list_relays":
        return this.relaysOf(this.ctx.livePost(a["postId"]));
      case "set_relay_asked":
      case "set_relay_done":
        return this.setRelay(a["postId"], a["ambassadorId"], command === "set_relay_asked" ? "asked" : "done", a[command === "set_relay_asked" ? "asked" : "done"] === true);
      case "crisis_plan":
        return this.crisisPlans.get(this.ctx.livePlan(a["planId"]).id) ?? { contacts: [], steps: [], statements: [] };
      case "save_crisis_plan":
        return this.saveCrisisPlan(a["planId"], a["crisis"]);
      case "crisis_state":
        return this.state(this.ctx.livePlan(a["planId"]).id);
      case "crisis_log":
        return this.log.filter((e) => e.planId === this.ctx.livePlan(a["planId"]).id).reverse();
      case "hold_scheduled_posts":
        return this.hold(a["planId"], a["reason"]);
      case "resume_held_posts":
        return this.resume(a["planId"], a["reason"]);
      default:
        return NOT_HANDLED;
    }
  }

  static handled(result: unknown): boolean {
    return result !== NOT_HANDLED;
  }

  private dashboard(planId: unknown, period: unknown): Dashboard {
    const plan = this.ctx.livePlan(planId);
    const days = typeof period === "string" ? periodDays(period) : null;
    if (!days || typeof period !== "string") throw fail("invalid", `period: "${String(period)}" is not a month like 2026-12 or a week like 2026-W49`, "period");
    const { from, to } = days;
    const { channels, objectives } = this.ctx.planParts(plan.id);
    const all = this.ctx.livePosts(plan.id).filter((p) => p.status !== "cancelled");
    const dayOf = (p: Post) => this.ctx.dayIn(p, plan.timezone);
    const posts = all
      .filter((p) => {
        const d = dayOf(p);
        return d !== null && d >= from && d < to;
      })
      .sort((x, y) => (dayOf(x) ?? "").localeCompare(dayOf(y) ?? "") || x.id.localeCompare(y.id));
    const weeks = (Date.parse(to) - Date.parse(from)) / (7 * 86400000);
    const d: Dashboard = {
      planId: plan.id,
      period: period.trim().toUpperCase().replace(/^(\d{4}-)W/, "$1W"),
      from,
      to,
      posts: posts.length,
      objectives: objectives.map((o) => ({ objectiveId: o.id, title: o.title, color: o.color, targetShare: o.targetShare, posts: 0, share: 0, results: emptyTotals() })),
      withoutObjective: 0,
      channels: channels.map((c) => ({ channelId: c.id, name: c.name, color: c.color, weeklyTarget: c.weeklyTarget, target: c.weeklyTarget * weeks, posts: 0, results: emptyTotals() })),
      emptyDays: [],
      missingObjective: [],
      missingValue: [],
      overLimit: [],
      results: emptyTotals(),
      history: [],
      ambassadors: [],
    };
    const busy = new Set<string>();
    for (const p of posts) {
      const day = dayOf(p) ?? from;
      busy.add(day);
      addResults(d.results, p);
      const ref: PostRef = { postId: p.id, title: p.title, day, status: p.status };
      const oi = objectives.findIndex((o) => o.id === p.objectiveId);
      const mix = d.objectives[oi];
      if (mix) {
        mix.posts += 1;
        addResults(mix.results, p);
      } else d.withoutObjective += 1;
      for (const pc of p.channels) {
        const cc = d.channels[channels.findIndex((c) => c.id === pc.channelId)];
        if (!cc) continue;
        cc.posts += 1;
        addResults(cc.results, p);
      }
      for (const w of warnings(p, channels, objectives)) {
        if (w.code === "no_objective") d.missingObjective.push(ref);
        else if (w.code === "no_customer_value") d.missingValue.push(ref);
        else if (w.code === "over_channel_limit") d.overLimit.push({ post: ref, channelId: w.channelId ?? "", field: w.field, length: w.length ?? 0, limit: w.limit ?? 0 });
      }
    }
    for (const m of d.objectives) m.share = d.posts > 0 ? (m.posts * 100) / d.posts : 0;
    for (let day = from; day < to; day = addDays(day, 1)) if (!busy.has(day)) d.emptyDays.push(day);
    const first = addDays(mondayOf(addDays(to, -1)), -7 * (HISTORY_WEEKS - 1));
    d.history = Array.from({ length: HISTORY_WEEKS }, (_, w) => ({ monday: addDays(first, 7 * w), posts: channels.map(() => 0) }));
    for (const p of all) {
      const day = dayOf(p);
      if (day === null) continue;
      const w = d.history[Math.floor((Date.parse(day) - Date.parse(first)) / (7 * 86400000))];
      if (!w) continue;
      for (const pc of p.channels) {
        const i = channels.findIndex((c) => c.id === pc.channelId);
        if (i >= 0) w.posts[i] = (w.posts[i] ?? 0) + 1;
      }
    }
    const ids = new Set(posts.map((p) => p.id));
    d.ambassadors = this.listAmbassadors(plan.id).map((amb) => {
      let asked = 0;
      let relayed = 0;
      for (const [postId, m] of this.relays) {
        if (!ids.has(postId) || !m.has(amb.id)) continue;
        asked += 1;
        if (m.get(amb.id) !== null) relayed += 1;
      }
      return { ambassadorId: amb.id, name: amb.name, asked, relayed };
    });
    return d;
  }

  private setResults(postId: unknown, raw: unknown): PostView {
    const post = this.ctx.livePost(postId);
    const r = (raw ?? {}) as Record<string, unknown>;
    const url = typeof r["url"] === "string" && r["url"].trim() !== "" ? r["url"].trim() : null;
    if (url !== null && !/^https?:\/\/\S+$/i.test(url)) throw fail("invalid_url", "url: an http(s) address", "url");
    const results = { url, likes: count(r["likes"], "likes"), comments: count(r["comments"], "comments"), shares: count(r["shares"], "shares") };
    return this.ctx.replacePost(post, { ...post, results, updatedAt: this.ctx.now(), revision: post.revision + 1 });
  }

  private listAmbassadors(planId: string): Ambassador[] {
    return this.ambassadors.filter((x) => x.planId === planId).sort((x, y) => x.name.localeCompare(y.name));
  }

  private createAmbassador(raw: unknown): Ambassador {
    const i = (raw ?? {}) as Record<string, unknown>;
    const plan = this.ctx.livePlan(i["planId"]);
    const name = typeof i["name"] === "string" ? i["name"].trim() : "";
    if (name === "") throw fail("empty", "name: required", "name");
    if (this.listAmbassadors(plan.id).some((x) => x.name.toLowerCase() === name.toLowerCase())) throw fail("duplicate", "name: already an ambassador of this plan", "name");
    const amb: Ambassador = { id: this.ctx.newId("ambassador"), planId: plan.id, name, email: typeof i["email"] === "string" ? i["email"].trim() : "", createdAt: this.ctx.now() };
    this.ambassadors.push(amb);
    return amb;
  }

  private deleteAmbassador(id: unknown): Ambassador {
    const amb = this.ambassadors.find((x) => x.id === id);
    if (!amb) throw fail("not_found", `no ambassador with id ${String(id)}`);
    this.ambassadors = this.ambassadors.filter((x) => x !== amb);
    for (const m of this.relays.values()) m.delete(amb.id);
    return amb;
  }

  private relaysOf(post: Post): Relay[] {
    const m = this.relays.get(post.id) ?? new Map<string, string | null>();
    return this.listAmbassadors(post.planId)
      .filter((amb) => m.has(amb.id))
      .map((amb) => ({ postId: post.id, ambassadorId: amb.id, name: amb.name, doneAt: m.get(amb.id) ?? null }));
  }

  private setRelay(postId: unknown, ambassadorId: unknown, what: "asked" | "done", on: boolean): Relay[] {
    const post = this.ctx.livePost(postId);
    const amb = this.ambassadors.find((x) => x.id === ambassadorId && x.planId === post.planId);
    if (!amb) throw fail("not_found", `no ambassador with id ${String(ambassadorId)}`, "ambassadorId");
    const m = this.relays.get(post.id) ?? new Map<string, string | null>();
    this.relays.set(post.id, m);
    if (what === "asked") {
      if (on && !m.has(amb.id)) m.set(amb.id, null);
      if (!on) m.delete(amb.id);
    } else m.set(amb.id, on ? (m.get(amb.id) ?? this.ctx.now()) : null);
    return this.relaysOf(post);
  }

  private saveCrisisPlan(planId: unknown, raw: unknown): CrisisPlan {
    const plan = this.ctx.livePlan(planId);
    const c = (raw ?? {}) as Partial<CrisisPlan>;
    const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
    const contacts = (c.contacts ?? []).map((x) => ({ name: str(x.name), role: str(x.role), phone: str(x.phone), email: str(x.email) }));
    contacts.forEach((x, i) => {
      if (x.name === "") throw fail("empty", `contacts[${i}].name: required`, "contacts");
    });
    const steps = (c.steps ?? []).map(str).filter((s) => s !== "");
    const statements = (c.statements ?? []).map((x) => ({ title: str(x.title), body: str(x.body) }));
    statements.forEach((x, i) => {
      if (x.title === "" || x.body === "") throw fail("empty", `statements[${i}]: a title and a text`, "statements");
    });
    const saved = { contacts, steps, statements };
    this.crisisPlans.set(plan.id, saved);
    return saved;
  }

  private lastEntry(planId: string): CrisisLogEntry | undefined {
    return this.log.filter((e) => e.planId === planId).at(-1);
  }

  private state(planId: string): CrisisState {
    const last = this.lastEntry(planId);
    const active = last?.action === "hold";
    return { planId, active, hold: active && last ? last : null, heldPosts: this.ctx.livePosts(planId).filter((p) => p.status === "held").length };
  }

  private reasonOf(raw: unknown): string {
    const reason = typeof raw === "string" ? raw.trim() : "";
    if (reason === "") throw fail("empty", "reason: required", "reason");
    return reason;
  }

  private hold(planId: unknown, rawReason: unknown): CrisisLogEntry {
    const plan = this.ctx.livePlan(planId);
    const reason = this.reasonOf(rawReason);
    if (this.state(plan.id).active) throw fail("crisis_active", "the plan is already on hold", "planId");
    const entry: CrisisLogEntry = { id: this.ctx.newId("crisis"), planId: plan.id, action: "hold", reason, at: this.ctx.now(), posts: 0, kept: 0 };
    for (const p of this.ctx.livePosts(plan.id)) {
      if (p.status !== "approved" && p.status !== "scheduled") continue;
      // Only what is still to go out (the core: from now on; the mock: from its today on).
      const day = this.ctx.dayIn(p, plan.timezone);
      if (day === null || day < this.ctx.today()) continue;
      this.holds.set(p.id, { crisisId: entry.id, previous: p.status });
      this.ctx.replacePost(p, { ...p, status: "held", updatedAt: entry.at, revision: p.revision + 1 });
      entry.posts += 1;
    }
    this.log.push(entry);
    return entry;
  }

  private resume(planId: unknown, rawReason: unknown): CrisisLogEntry {
    const plan = this.ctx.livePlan(planId);
    const reason = this.reasonOf(rawReason);
    const s = this.state(plan.id);
    if (!s.active || !s.hold) throw fail("no_crisis", "nothing is on hold in this plan", "planId");
    const entry: CrisisLogEntry = { id: this.ctx.newId("crisis"), planId: plan.id, action: "resume", reason, at: this.ctx.now(), posts: 0, kept: 0 };
    for (const [postId, h] of [...this.holds]) {
      if (h.crisisId !== s.hold.id) continue;
      this.holds.delete(postId);
      const p = this.ctx.livePosts(plan.id).find((x) => x.id === postId);
      if (!p) continue;
      if (p.status !== "held") {
        entry.kept += 1;
        continue;
      }
      this.ctx.replacePost(p, { ...p, status: h.previous, updatedAt: entry.at, revision: p.revision + 1 });
      entry.posts += 1;
    }
    this.log.push(entry);
    return entry;
  }
}
