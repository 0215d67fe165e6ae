// The mock's campaigns, recurring slots and holidays: enough of the core (src/campaigns.rs,
// src/slots.rs, src/holidays.rs) for the UI to run in a browser. Simplifications: built-in
// templates are the launch and open-day ones; slot rules are the weekly / "nth weekday of the
// month" forms only; holidays are France's and Québec's public ones (no key dates).
import type {
  CalendarOverlay,
  CampaignPost,
  CampaignPreview,
  CampaignRequest,
  CampaignTemplate,
  Channel,
  Event,
  EventMove,
  EventMoveInput,
  Holiday,
  HolidayKind,
  HolidayRegion,
  OpenSlot,
  Plan,
  Post,
  PostInput,
  PostView,
  Slot,
  SlotInput,
  TemplateInput,
  TemplateStep,
} from "../generated/models";
import { inputOf } from "../postForm";
import { addDays, isDate, weekdayIndex } from "../time/week";
import { localParts, zonedToUtc } from "../time/zone";
import { fail, required } from "./checks";

export interface CampaignHost {
  livePlan(id: unknown): Plan;
  channels(planId: string): Channel[];
  event(id: unknown): Event;
  replaceEvent(event: Event): void;
  posts(planId: string): Post[];
  createPost(input: PostInput): PostView;
  updatePost(id: string, input: PostInput): PostView;
  newId(kind: string): string;
  now(): string;
}

type Step = [number, string | null, TemplateStep["platform"], string, string];
const BUILTINS: { key: string; fr: string; en: string; steps: Step[] }[] = [
  {
    key: "product_launch",
    fr: "Lancement de produit",
    en: "Product launch",
    steps: [
      [-14, "10:00:00", "linkedin", "Annonce : un nouveau produit arrive", "Announcement: something new is coming"],
      [-7, "09:00:00", "internal", "Brief de l'équipe pour le lancement", "Team briefing for the launch"],
      [-7, "12:00:00", "instagram", "Teasing : un indice sur le produit", "Teaser: a hint about the product"],
      [-3, "18:00:00", "facebook", "Compte à rebours : J-3", "Countdown: 3 days to go"],
      [-1, "18:00:00", "instagram", "Demain, on vous dévoile tout", "Tomorrow we reveal everything"],
      [0, "09:00:00", null, "C'est le jour J : découvrez le produit", "Launch day: meet the product"],
      [0, "10:00:00", "newsletter", "Lettre : le produit est disponible", "Newsletter: the product is out"],
      [1, "12:00:00", "instagram", "Merci pour votre accueil ! Vos premiers avis", "Thank you! Your first reviews"],
      [7, "10:00:00", "linkedin", "Bilan de la première semaine", "First-week wrap-up"],
    ],
  },
  {
    key: "open_day",
    fr: "Portes ouvertes",
    en: "Open day",
    steps: [
      [-14, "10:00:00", "facebook", "Invitation aux portes ouvertes", "Invitation to our open day"],
      [-7, "12:00:00", "instagram", "Le programme de la journée", "The day's programme"],
      [-1, "17:00:00", null, "Rappel : c'est demain !", "Reminder: it's tomorrow!"],
      [1, "11:00:00", null, "Merci d'être venus !", "Thanks for coming!"],
    ],
  },
];

function builtins(lang: "fr" | "en"): CampaignTemplate[] {
  return BUILTINS.map((b) => ({
    id: `builtin:${b.key}:${lang}`,
    name: lang === "fr" ? b.fr : b.en,
    description: "",
    builtin: true,
    language: lang,
    steps: b.steps.map(([offsetDays, time, platform, fr, en]) => ({ offsetDays, time, platform, title: lang === "fr" ? fr : en, status: "draft" })),
  }));
}

function easter(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The `n`th (1…) weekday `wd` (0 = Monday) of a month, or the last with n = -1. */
function nthWeekday(year: number, month: number, wd: number, n: number): string | null {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  if (n > 0) {
    const d = addDays(first, ((wd - weekdayIndex(first) + 7) % 7) + 7 * (n - 1));
    return d.slice(0, 7) === first.slice(0, 7) ? d : null;
  }
  const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`, -1);
  return addDays(last, -((weekdayIndex(last) - wd + 7) % 7));
}

export function publicHolidays(region: HolidayRegion, year: number): Holiday[] {
  const y = String(year);
  const e = easter(year);
  const list: [string | null, string, string, HolidayKind][] = [];
  if (region === "fr") {
    list.push([`${y}-01-01`, "new_year", "Jour de l'an", "public"], [addDays(e, 1), "easter_monday", "Lundi de Pâques", "public"],
      [`${y}-05-01`, "labour_day_fr", "Fête du Travail", "public"], [`${y}-05-08`, "victory_1945", "Victoire 1945", "public"],
      [addDays(e, 39), "ascension", "Ascension", "public"], [addDays(e, 50), "whit_monday", "Lundi de Pentecôte", "public"],
      [`${y}-07-14`, "bastille_day", "Fête nationale", "public"], [`${y}-08-15`, "assumption", "Assomption", "public"],
      [`${y}-11-01`, "all_saints", "Toussaint", "public"], [`${y}-11-11`, "armistice", "Armistice 1918", "public"],
      [`${y}-12-25`, "christmas", "Noël", "public"]);
  } else if (region === "ca_qc") {
    const may25 = `${y}-05-25`;
    const patriots = addDays(may25, -(weekdayIndex(may25) || 7));
    list.push([`${y}-01-01`, "new_year", "Jour de l'An", "public"], [addDays(e, -2), "good_friday", "Vendredi saint", "public"],
      [addDays(e, 1), "easter_monday", "Lundi de Pâques", "public"], [patriots, "patriots_day", "Journée nationale des patriotes", "public"],
      [`${y}-06-24`, "fete_nationale_qc", "Fête nationale du Québec", "public"], [`${y}-07-01`, "canada_day", "Fête du Canada", "public"],
      [nthWeekday(year, 9, 0, 1), "labour_day_ca", "Fête du Travail", "public"], [nthWeekday(year, 10, 0, 2), "thanksgiving_ca", "Action de grâce", "public"],
      [`${y}-12-25`, "christmas", "Noël", "public"]);
    if (weekdayIndex(`${y}-06-24`) === 6) list.push([`${y}-06-25`, "fete_nationale_qc_observed", "Fête nationale (jour chômé)", "observed"]);
    if (weekdayIndex(`${y}-07-01`) === 6) list.push([`${y}-07-02`, "canada_day_observed", "Fête du Canada (jour chômé)", "observed"]);
  }
  return list
    .filter((x): x is [string, string, string, HolidayKind] => x[0] !== null)
    .map(([date, key, name, kind]) => ({ date, key, name, kind, region }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** Days of the weekly / monthly-nth forms in `[from, to)`; other rules are refused. */
export function ruleDays(rule: string, start: string, until: string | null, from: string, to: string): string[] {
  const weekly = /^FREQ=WEEKLY(?:;BYDAY=([A-Z,]+))?$/.exec(rule);
  const monthly = /^FREQ=MONTHLY;BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  const out: string[] = [];
  const end = until !== null && addDays(until, 1) < to ? addDays(until, 1) : to;
  for (let d = from < start ? start : from; d < end; d = addDays(d, 1)) {
    if (weekly) {
      const days = weekly[1]?.split(",") ?? [DAYS[weekdayIndex(start)]];
      if (days.includes(DAYS[weekdayIndex(d)] ?? "")) out.push(d);
    } else if (monthly) {
      const nth = nthWeekday(Number(d.slice(0, 4)), Number(d.slice(5, 7)), DAYS.indexOf(monthly[2] ?? "MO"), Number(monthly[1]));
      if (nth === d) out.push(d);
    }
  }
  return out;
}

export class MockCampaigns {
  private templates: CampaignTemplate[] = [];
  private slots: Slot[] = [];
  private regions = new Map<string, HolidayRegion>();

  constructor(private readonly host: CampaignHost) {}

  handle(command: string, args: Record<string, unknown>): { done: boolean; value?: unknown } {
    const a = args;
    switch (command) {
      case "list_templates": {
        const plan = this.host.livePlan(a["planId"]);
        return { done: true, value: [...builtins(plan.locale.startsWith("fr") ? "fr" : "en"), ...this.templates] };
      }
      case "create_template":
        return { done: true, value: this.saveTemplate(a["input"] as TemplateInput, null) };
      case "update_template":
        return { done: true, value: this.saveTemplate(a["input"] as TemplateInput, String(a["id"])) };
      case "delete_template": {
        const t = this.userTemplate(a["id"]);
        this.templates = this.templates.filter((x) => x !== t);
        return { done: true, value: t };
      }
      case "preview_campaign":
        return { done: true, value: this.plan(a["request"] as CampaignRequest) };
      case "apply_campaign":
        return { done: true, value: this.apply(a["request"] as CampaignRequest) };
      case "event_posts": {
        const e = this.host.event(a["eventId"]);
        return { done: true, value: this.host.posts(e.planId).filter((p) => p.eventId === e.id).map((post) => ({ post, warnings: [] })) };
      }
      case "move_event":
        return { done: true, value: this.move(a["input"] as EventMoveInput) };
      case "calendar_overlay":
        return { done: true, value: this.overlay(String(a["planId"]), String(a["from"]), String(a["to"])) };
      case "set_holiday_region": {
        const plan = this.host.livePlan(a["planId"]);
        this.regions.set(plan.id, a["region"] as HolidayRegion);
        return { done: true, value: a["region"] };
      }
      case "list_slots":
        return { done: true, value: this.slots.filter((s) => s.planId === this.host.livePlan(a["planId"]).id) };
      case "create_slot":
        return { done: true, value: this.createSlot(a["input"] as SlotInput) };
      case "delete_slot": {
        const s = this.slots.find((x) => x.id === a["id"]);
        if (!s) throw fail("not_found", `no slot with id ${String(a["id"])}`);
        this.slots = this.slots.filter((x) => x !== s);
        return { done: true, value: s };
      }
      case "next_free_slot":
        return { done: true, value: this.nextFree(String(a["channelId"]), String(a["after"])) };
      case "fill_slot":
        return { done: true, value: this.fill(String(a["slotId"]), String(a["date"]), String(a["title"] ?? "")) };
      default:
        return { done: false };
    }
  }

  private region(plan: Plan): HolidayRegion {
    return this.regions.get(plan.id) ?? (plan.timezone === "Europe/Paris" ? "fr" : plan.timezone === "America/Montreal" ? "ca_qc" : "none");
  }

  private userTemplate(id: unknown): CampaignTemplate {
    if (String(id).startsWith("builtin:")) throw fail("invalid", "templateId: a built-in template cannot be changed", "templateId");
    const t = this.templates.find((x) => x.id === id);
    if (!t) throw fail("not_found", `no template with id ${String(id)}`);
    return t;
  }

  private saveTemplate(input: TemplateInput, id: string | null): CampaignTemplate {
    if (id !== null) this.userTemplate(id);
    const name = required("name", input.name, 200);
    const taken = [...builtins("fr"), ...builtins("en"), ...this.templates].some((t) => t.id !== id && t.name.toLowerCase() === name.toLowerCase());
    if (taken) throw fail("duplicate", `name: "${name}" is already used`, "name");
    if (input.steps.length === 0) throw fail("empty", "steps must not be empty", "steps");
    const t: CampaignTemplate = {
      id: id ?? this.host.newId("template"),
      name,
      description: input.description,
      builtin: false,
      language: "",
      steps: [...input.steps].sort((a, b) => a.offsetDays - b.offsetDays || (a.time ?? "").localeCompare(b.time ?? "")),
    };
    this.templates = [...this.templates.filter((x) => x.id !== t.id), t];
    return t;
  }

  private plan(r: CampaignRequest): CampaignPreview {
    const event = this.host.event(r.eventId);
    const plan = this.host.livePlan(event.planId);
    const template = [...builtins("fr"), ...builtins("en"), ...this.templates].find((t) => t.id === r.templateId);
    if (!template) throw fail("not_found", `no template with id ${r.templateId}`);
    const all = this.host.channels(plan.id);
    for (const id of r.channelIds ?? []) if (!all.some((c) => c.id === id)) throw fail("not_found", `no channel with id ${id}`);
    const chosen = r.channelIds ? all.filter((c) => r.channelIds?.includes(c.id)) : all;
    const day0 = event.when.kind === "allDay" ? event.when.start : localParts(new Date(event.when.start), event.when.timezone).date;
    const existing = this.host.posts(plan.id).filter((p) => p.eventId === event.id);
    const posts: CampaignPost[] = [];
    const skipped: CampaignPreview["skipped"] = [];
    template.steps.forEach((s, i) => {
      const channelIds = chosen.filter((c) => s.platform === null || c.platform === s.platform).map((c) => c.id);
      if (!channelIds.length) {
        skipped.push({ step: i, title: s.title, platform: s.platform, reason: "no_channel_of_kind" });
        return;
      }
      const date = addDays(day0, s.offsetDays);
      const local = s.time ? `${date}T${s.time.slice(0, 8)}` : null;
      const at = local ? zonedToUtc(local, plan.timezone) : null;
      const alreadyExists = existing.some((p) => p.title === s.title && p.planned !== null && (p.planned.kind === "day" ? p.planned.date : p.planned.local.slice(0, 10)) === date);
      posts.push({ step: i, offsetDays: s.offsetDays, title: s.title, status: s.status, date, local, at: at?.toISOString() ?? null, shiftedByDst: local !== null && at === null, channelIds, alreadyExists });
    });
    return { event, template, posts, skipped, created: [] };
  }

  private apply(r: CampaignRequest): CampaignPreview {
    const preview = this.plan(r);
    const plan = this.host.livePlan(preview.event.planId);
    for (const p of preview.posts.filter((x) => !x.alreadyExists)) {
      preview.created.push(
        this.host.createPost({
          planId: plan.id, title: p.title, body: "", channels: p.channelIds.map((channelId) => ({ channelId, variant: null })),
          objectiveId: null, customerValue: "", status: p.status,
          planned: p.local ? { kind: "at", local: p.local, timezone: plan.timezone } : { kind: "day", date: p.date },
          durationMinutes: null, eventId: preview.event.id, assignee: "", tags: [], links: [], notes: "",
          results: { url: null, likes: null, comments: null, shares: null },
        }),
      );
    }
    return preview;
  }

  private move(input: EventMoveInput): EventMove {
    const old = this.host.event(input.eventId);
    if (!isDate(input.newStart)) throw fail("invalid", "newStart: not a date", "newStart");
    const first = old.when.kind === "allDay" ? old.when.start : old.when.startLocal.slice(0, 10);
    const days = Math.round((Date.parse(input.newStart) - Date.parse(first)) / 86_400_000);
    const shift = (local: string) => `${addDays(local.slice(0, 10), days)}${local.slice(10)}`;
    let when: Event["when"];
    if (old.when.kind === "allDay") when = { kind: "allDay", start: addDays(old.when.start, days), end: addDays(old.when.end, days) };
    else {
      const startLocal = shift(old.when.startLocal), endLocal = shift(old.when.endLocal);
      when = { ...old.when, startLocal, endLocal, start: zonedToUtc(startLocal, old.when.timezone)?.toISOString() ?? old.when.start, end: zonedToUtc(endLocal, old.when.timezone)?.toISOString() ?? old.when.end };
    }
    const event: Event = { ...old, when, revision: old.revision + 1, updatedAt: this.host.now() };
    this.host.replaceEvent(event);
    const moved: PostView[] = [];
    let kept = 0;
    for (const p of this.host.posts(old.planId).filter((x) => x.eventId === old.id)) {
      if (!input.movePosts || days === 0 || p.status === "published" || p.planned === null) {
        kept += 1;
        continue;
      }
      const planned = p.planned.kind === "day" ? { kind: "day" as const, date: addDays(p.planned.date, days) } : { kind: "at" as const, local: shift(p.planned.local), timezone: p.planned.timezone };
      moved.push(this.host.updatePost(p.id, { ...inputOf(p), planned }));
    }
    return { event, days, moved, kept };
  }

  private createSlot(input: SlotInput): Slot {
    const channel = this.host.channels(this.channelPlan(input.channelId)).find((c) => c.id === input.channelId);
    if (!channel) throw fail("not_found", `no channel with id ${input.channelId}`);
    if (!/^FREQ=(WEEKLY|MONTHLY)/.test(input.rule)) throw fail("invalid", "rule: the mock knows weekly and monthly rules only", "rule");
    if (input.until !== null && input.until < input.start) throw fail("end_before_start", "until: the end is before the start", "until");
    const now = this.host.now();
    const slot: Slot = { id: this.host.newId("slot"), planId: channel.planId, channelId: channel.id, rule: input.rule, time: input.time, start: input.start, until: input.until, skipped: input.skipped, label: input.label, createdAt: now, updatedAt: now };
    this.slots.push(slot);
    return slot;
  }

  private channelPlan(channelId: string): string {
    const plan = this.slots.find((s) => s.channelId === channelId)?.planId;
    if (plan) return plan;
    for (const id of this.planIds()) if (this.host.channels(id).some((c) => c.id === channelId)) return id;
    throw fail("not_found", `no channel with id ${channelId}`);
  }

  private planIds(): string[] {
    return this.knownPlans;
  }

  /** Plans the backend told about (set by the backend). */
  knownPlans: string[] = [];

  private open(plan: Plan, from: string, to: string, only: string | null): OpenSlot[] {
    const live = new Set(this.host.channels(plan.id).map((c) => c.id));
    const posts = this.host.posts(plan.id).filter((p) => p.status !== "cancelled");
    const out: OpenSlot[] = [];
    for (const s of this.slots.filter((x) => x.planId === plan.id && live.has(x.channelId) && (only === null || x.channelId === only))) {
      for (const date of ruleDays(s.rule, s.start, s.until, from, to)) {
        if (s.skipped.includes(date)) continue;
        const local = `${date}T${s.time.slice(0, 8)}`;
        const at = zonedToUtc(local, plan.timezone) ?? new Date(`${local}Z`);
        const filled = posts.some((p) => p.channels.some((c) => c.channelId === s.channelId) && p.planned !== null &&
          (p.planned.kind === "day" ? p.planned.date === date : Math.abs(Date.parse(p.planned.at) - at.getTime()) <= 30 * 60_000));
        if (!filled) out.push({ slotId: s.id, channelId: s.channelId, date, local, at: at.toISOString(), timezone: plan.timezone, label: s.label });
      }
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  private overlay(planId: string, from: string, to: string): CalendarOverlay {
    const plan = this.host.livePlan(planId);
    const region = this.region(plan);
    const years = [...new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))])];
    const holidays = years.flatMap((y) => publicHolidays(region, y)).filter((h) => h.date >= from && h.date < to);
    return { region, holidays, openSlots: this.open(plan, from, to, null), slots: this.slots.filter((s) => s.planId === plan.id) };
  }

  private nextFree(channelId: string, after: string): OpenSlot | null {
    const plan = this.host.livePlan(this.channelPlan(channelId));
    const from = localParts(new Date(after), plan.timezone).date;
    return this.open(plan, from, addDays(from, 366), channelId).find((o) => o.at > after) ?? null;
  }

  private fill(slotId: string, date: string, title: string): PostView {
    const slot = this.slots.find((s) => s.id === slotId);
    if (!slot) throw fail("not_found", `no slot with id ${slotId}`);
    const plan = this.host.livePlan(slot.planId);
    const open = this.open(plan, date, addDays(date, 1), slot.channelId).find((o) => o.slotId === slotId);
    if (!open) throw fail("invalid", `date: the slot has no open occurrence on ${date}`, "date");
    return this.host.createPost({
      planId: plan.id, title, body: "", channels: [{ channelId: slot.channelId, variant: null }], objectiveId: null, customerValue: "",
      status: "draft", planned: { kind: "at", local: open.local, timezone: plan.timezone }, durationMinutes: null, eventId: null,
      assignee: "", tags: [], links: [], notes: "", results: { url: null, likes: null, comments: null, shares: null },
    });
  }
}
