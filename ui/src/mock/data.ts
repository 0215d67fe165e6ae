// The mock's answers to the « Données » commands: exports, feeds and their server, backups,
// the trash, CSV and ICS imports. Files do not exist in the browser: exports only count, the
// CSV "file" is a canned one whose rows have known problems (`…-corrige.csv` has none).
import type { BackupFile, CsvPreview, FeedRow, FeedServerStatus, RowProblem } from "../dataTypes";
import type { Channel, Event, ExportFilter, Feed, FeedInput, Objective, Plan, Post, PostInput, PostView } from "../generated/models";
import { addDays } from "../time/week";
import { fail } from "./checks";

export interface MockStore {
  readonly plans: Plan[];
  readonly posts: Post[];
  readonly events: Event[];
  readonly channels: Channel[];
  readonly objectives: Objective[];
  readonly today: string;
  call(command: string, args: Record<string, unknown>): unknown;
}

type Args = Record<string, unknown>;

function path(args: Args): string {
  const p = args["path"];
  if (typeof p !== "string" || p.trim() === "") throw fail("invalid", "path: no file was chosen", "path");
  return p;
}

export class MockData {
  private feeds: Feed[] = [];
  private server: FeedServerStatus = { running: false, host: "127.0.0.1", port: 8719, lan: false };
  private icsImported = false;
  private nextToken = 1;

  constructor(private readonly s: MockStore) {}

  handle(command: string, args: Args): unknown {
    switch (command) {
      case "data_info":
        return { backupDir: "/home/moi/.local/share/org.cadence.desktop/backups", backupsKept: 14, trashDays: 30, dialogSeam: false };
      case "export_ics_file": {
        const f = this.filter(args["filter"]);
        return { path: path(args), summary: { posts: this.postsOf(f).length, events: this.s.events.filter((e) => e.planId === f.planId).length, cancelled: 0, bytes: 4096 } };
      }
      case "export_csv_file": {
        const f = this.filter(args["filter"]);
        return { path: path(args), summary: this.postsOf(f).length };
      }
      case "feed_server_status":
        return this.server;
      case "start_feed_server": {
        const lan = args["lan"] === true;
        this.server = { running: true, host: lan ? "mon-ordinateur.local" : "127.0.0.1", port: typeof args["port"] === "number" ? args["port"] : 8719, lan };
        return this.server;
      }
      case "stop_feed_server":
        this.server = { ...this.server, running: false, host: "127.0.0.1", lan: false };
        return this.server;
      case "list_feeds": {
        this.livePlan(args["planId"]);
        return this.feeds.filter((f) => f.planId === args["planId"]).map((f) => this.row(f));
      }
      case "create_feed": {
        const input = args["input"] as FeedInput;
        const f = this.filter(input?.filter);
        const name = typeof input.name === "string" ? input.name.trim() : "";
        if (name === "") throw fail("empty", "name must not be empty", "name");
        const now = new Date().toISOString();
        const feed: Feed = { id: `feed-${this.nextToken}`, planId: f.planId, name, token: this.token(), filter: f, createdAt: now, updatedAt: now, revision: 0, revokedAt: null };
        this.feeds.push(feed);
        return this.row(feed);
      }
      case "revoke_feed": {
        const feed = this.feed(args["id"]);
        feed.revokedAt ??= new Date().toISOString();
        return this.row(feed);
      }
      case "regenerate_feed_token": {
        const feed = this.feed(args["id"]);
        feed.token = this.token();
        feed.revokedAt = null;
        return this.row(feed);
      }
      case "backup_now":
        return { path: path(args), bytes: 245_760, takenAt: new Date().toISOString() } satisfies BackupFile;
      case "list_backups":
        return [0, 1, 2].map((i) => ({
          path: `/home/moi/.local/share/org.cadence.desktop/backups/cadence-${addDays(this.s.today, -i).replace(/-/g, "")}-080000.db`,
          bytes: 245_760 - i * 4096,
          takenAt: `${addDays(this.s.today, -i)}T08:00:00Z`,
        }));
      case "restore_backup":
        path(args);
        return { path: "/home/moi/.local/share/org.cadence.desktop/backups/before-restore-20261125-090000.db", bytes: 245_760, takenAt: new Date().toISOString() };
      case "trash_items": {
        const plan = this.livePlan(args["planId"]);
        const byDate = (a: { deletedAt: string | null }, b: { deletedAt: string | null }) => (b.deletedAt ?? "").localeCompare(a.deletedAt ?? "");
        return {
          posts: this.s.posts.filter((p) => p.planId === plan.id && p.deletedAt !== null).sort(byDate),
          events: this.s.events.filter((e) => e.planId === plan.id && e.deletedAt !== null).sort(byDate),
          plans: this.s.plans.filter((p) => p.deletedAt !== null).sort(byDate),
        };
      }
      case "restore_item": {
        const id = args["id"];
        if (this.s.posts.some((p) => p.id === id)) return { kind: "post", item: this.s.call("restore_post", { id }) };
        if (this.s.events.some((e) => e.id === id)) return { kind: "event", item: this.s.call("restore_event", { id }) };
        if (this.s.plans.some((p) => p.id === id)) return { kind: "plan", item: this.s.call("restore_plan", { id }) };
        throw fail("not_found", `no item with id ${String(id)}`);
      }
      case "empty_trash": {
        const plan = this.livePlan(args["planId"]);
        const cutoff = args["everything"] === true ? Date.now() + 1 : Date.now() - 30 * 86_400_000;
        const gone = <T extends { planId: string; deletedAt: string | null }>(rows: T[]) => {
          let n = 0;
          for (let i = rows.length - 1; i >= 0; i--) {
            const r = rows[i];
            if (r && r.planId === plan.id && r.deletedAt !== null && Date.parse(r.deletedAt) < cutoff) {
              rows.splice(i, 1);
              n += 1;
            }
          }
          return n;
        };
        return { plans: 0, posts: gone(this.s.posts), events: gone(this.s.events) };
      }
      case "preview_csv_import":
      case "import_csv":
        return this.csv(command === "import_csv", args);
      case "import_ics": {
        const plan = this.livePlan(args["planId"]);
        path(args);
        if (this.icsImported) return { created: 0, updated: 0, unchanged: 2 };
        this.icsImported = true;
        for (const [title, day] of [["Salon du chocolat", 15], ["Marché de Noël", 19]] as const) {
          const date = addDays(this.s.today, day);
          this.s.call("create_event", { input: { planId: plan.id, kind: "other", title, description: "", location: "", when: { kind: "allDay", start: date, end: date } } });
        }
        return { created: 2, updated: 0, unchanged: 0 };
      }
      default:
        throw `command ${command} not found`;
    }
  }

  private livePlan(id: unknown): Plan {
    const plan = this.s.plans.find((p) => p.id === id && p.deletedAt === null);
    if (!plan) throw fail("not_found", `no plan with id ${String(id)}`);
    return plan;
  }

  private filter(raw: unknown): ExportFilter {
    const f = (raw ?? {}) as Partial<ExportFilter> & { planId: string };
    this.livePlan(f.planId);
    if (f.from && f.to && f.to < f.from) throw fail("end_before_start", "to: the end is before the start", "to");
    return { channelIds: [], objectiveIds: [], eventIds: [], statuses: [], from: null, to: null, includeDrafts: false, alarmMinutes: null, retentionDays: null, calendarName: null, ...f };
  }

  private postsOf(f: ExportFilter): Post[] {
    return this.s.posts.filter(
      (p) =>
        p.planId === f.planId &&
        p.deletedAt === null &&
        (f.channelIds.length === 0 || p.channels.some((c) => f.channelIds.includes(c.channelId))) &&
        (f.objectiveIds.length === 0 || (p.objectiveId !== null && f.objectiveIds.includes(p.objectiveId))) &&
        (f.statuses.length === 0 || f.statuses.includes(p.status)),
    );
  }

  private token(): string {
    return `jeton${String(this.nextToken++).padStart(4, "0")}AbCdEfGhIjKlMnOpQrStUv`;
  }

  private feed(id: unknown): Feed {
    const f = this.feeds.find((x) => x.id === id);
    if (!f) throw fail("not_found", `no feed with id ${String(id)}`);
    return f;
  }

  private row(feed: Feed): FeedRow {
    const base = `${this.server.host}:${this.server.port}/feeds/${feed.token}.ics`;
    return { feed, urls: { http: `http://${base}`, webcal: `webcal://${base}` } };
  }

  /** The canned spreadsheet: row 2 is fine, row 3 has a bad date (unless the file is the
   *  corrected one), row 4 names a channel and an objective the plan lacks. */
  private csv(write: boolean, args: Args): CsvPreview {
    const plan = this.livePlan(args["planId"]);
    const file = path(args);
    const create = new Set(((args["createOnly"] as string[] | null) ?? []).map((n) => n.toLowerCase()));
    const fixed = file.includes("corrige");
    const problems: RowProblem[] = [];
    if (!fixed) problems.push({ row: 3, column: "date", code: "bad_date", value: "31/02/2026", reason: "\"31/02/2026\" is not a day of the calendar" });
    if (!create.has("snapchat")) problems.push({ row: 4, column: "canal", code: "unknown_channel", value: "Snapchat", reason: "no channel \"Snapchat\" in this plan" });
    if (!create.has("fidéliser les habitués")) problems.push({ row: 4, column: "objectif", code: "unknown_objective", value: "Fidéliser les habitués", reason: "no objective \"Fidéliser les habitués\" in this plan" });
    const channel = this.s.channels.find((c) => c.planId === plan.id && c.deletedAt === null);
    const day = (n: number) => addDays(this.s.today, n);
    const inputs: PostInput[] = [
      this.input(plan, "Bûche de Noël : précommandes", { kind: "at", local: `${day(8)}T10:00:00`, timezone: plan.timezone }, channel ? [channel.id] : []),
      ...(fixed ? [this.input(plan, "Atelier galettes", { kind: "day", date: day(9) }, channel ? [channel.id] : [])] : []),
      ...(create.has("snapchat") && create.has("fidéliser les habitués") ? [this.input(plan, "Nouveau réseau", { kind: "day", date: day(10) }, [])] : []),
    ];
    const posts: PostView[] = inputs.map((input) => ({ post: { ...input, id: "preview", planned: null, createdAt: "", updatedAt: "", revision: 0, deletedAt: null, results: input.results } as unknown as Post, warnings: [] }));
    if (write) {
      if (problems[0]) throw fail("import_row", `row ${problems[0].row}, column "${problems[0].column}": ${problems[0].reason}`, problems[0].column);
      const created = inputs.map((input) => this.s.call("create_post", { input }) as PostView);
      return this.preview(created, [], []);
    }
    // The preview shows real dates: plan them as the import would.
    const shown = inputs.map((input, i) => ({ ...(posts[i] as PostView), post: { ...(posts[i] as PostView).post, planned: input.planned?.kind === "day" ? { kind: "day" as const, date: input.planned.date } : input.planned ? { kind: "at" as const, at: `${input.planned.local}Z`, local: input.planned.local, timezone: input.planned.timezone } : null } }));
    // As the core: the names the plan lacks, created or not.
    return this.preview(shown, problems, ["Snapchat", "Fidéliser les habitués"]);
  }

  private input(plan: Plan, title: string, planned: PostInput["planned"], channelIds: string[]): PostInput {
    return {
      planId: plan.id,
      title,
      body: "",
      channels: channelIds.map((channelId) => ({ channelId, variant: null })),
      objectiveId: null,
      customerValue: "",
      status: "draft",
      planned,
      durationMinutes: null,
      eventId: null,
      assignee: "",
      tags: [],
      links: [],
      notes: "",
      results: { url: null, likes: null, comments: null, shares: null },
    };
  }

  private preview(posts: PostView[], problems: RowProblem[], unknown: string[]): CsvPreview {
    return {
      encoding: "utf8",
      converted: false,
      ignoredColumns: [],
      posts,
      problems,
      unknownChannels: unknown.filter((n) => n === "Snapchat"),
      unknownObjectives: unknown.filter((n) => n !== "Snapchat"),
    };
  }
}
