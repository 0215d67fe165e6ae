// The plan's settings: its channels (limits, weekly targets, colours), objectives (periods,
// target shares) and one-off events. Each row saves on its own; the core's error shows under
// the row, next to the field it names, and what was typed stays.
import type { Api } from "../api";
import type { Channel, Event, EventKind, EventWhenInput, Objective, ObjectiveKind, Plan, Platform } from "../generated/models";
import { h } from "../dom";
import { getLocale, t, type MessageKey } from "../i18n/index";
import { dateInput, readDateField } from "../time/fields";
import { rowRunner } from "./settingsForm";
import { eventKindLabel, objectiveKindLabel, platformLabel } from "../i18n/labels";

const PLATFORMS: readonly Platform[] = ["instagram", "facebook", "linkedin", "x", "tiktok", "youtube", "pinterest", "threads", "bluesky", "mastodon", "internal", "newsletter", "blog", "other"];
const OBJECTIVE_KINDS: readonly ObjectiveKind[] = ["awareness", "sales", "reputation", "loyalty", "recruitment", "engagement", "customer_care", "other"];
const EVENT_KINDS: readonly EventKind[] = ["product_launch", "open_day", "trade_show", "webinar", "corporate_event", "other"];

export interface SettingsProps {
  plan: Plan;
  channels: readonly Channel[];
  objectives: readonly Objective[];
  events: readonly Event[];
  api: Api;
  /** Something was saved: reload the plan. */
  onChanged(): Promise<void>;
  /** An event went to the trash (the app offers to undo it). */
  onEventDeleted?(event: Event): void;
  onClose(): void;
}

type Fields = Record<string, HTMLInputElement | HTMLSelectElement>;

function input(name: string, label: MessageKey, value: string, type = "text", extra: Record<string, string | number> = {}): HTMLInputElement {
  const el = h("input", { name, type, "aria-label": t(label), title: t(label), ...extra });
  el.value = value;
  return el;
}

/** A date typed in the app's language (WebKit's date widget follows the system's instead). */
function dateIn(name: string, label: MessageKey, iso: string): HTMLInputElement {
  return dateInput(iso, getLocale(), { name, "aria-label": t(label), title: t(label) });
}
const dateVal = (f: Fields, k: string): string => {
  const el = f[k];
  return el instanceof HTMLInputElement ? readDateField(el, getLocale()) : "";
};

function select(name: string, label: MessageKey, options: readonly [string, string][], value: string): HTMLSelectElement {
  const el = h("select", { name, "aria-label": t(label), title: t(label) });
  for (const [v, text] of options) el.append(h("option", { value: v }, text));
  el.value = value;
  return el;
}

/** One editable row: its fields, Save (and Delete for an existing row), its error line. */
function settingsRow(
  kind: string,
  id: string | null,
  fields: Fields,
  save: (f: Fields) => Promise<unknown>,
  remove: (() => Promise<unknown>) | null,
  done: () => Promise<void>,
): HTMLElement {
  const error = h("div", { class: "settings-error" });
  const saveBtn = h("button", { type: "submit", class: "btn primary small", "data-testid": `save-${kind}` }, t(id ? "panel.save" : "settings.add"));
  const form = h(
    "form",
    { class: `settings-row settings-${kind}`, "data-testid": `${kind}-row`, "data-id": id ?? "", novalidate: true },
    h(
      "div",
      { class: "settings-fields" },
      ...Object.entries(fields).map(([name, f]) => h("label", { class: `settings-field settings-field-${name}` }, h("span", {}, f.title), f)),
    ),
    h("div", { class: "settings-actions" }, saveBtn),
    error,
  );
  const run = rowRunner({ fields, error, saveBtn, fieldOf: (field) => (field === "when" ? fields["start"] : undefined) });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run(async () => {
      await save(fields);
      await done();
    });
  });
  if (remove) {
    const del = h("button", { type: "button", class: "btn danger small", "data-testid": `delete-${kind}` }, t("panel.delete"));
    // Two clicks: the first asks, the second deletes (channels and objectives have no restore).
    del.addEventListener("click", () => {
      if (del.dataset["armed"] !== "true") {
        del.dataset["armed"] = "true";
        del.textContent = t("settings.confirmDelete");
        return;
      }
      void run(async () => {
        await remove();
        await done();
      });
    });
    del.addEventListener("blur", () => {
      delete del.dataset["armed"];
      del.textContent = t("panel.delete");
    });
    form.querySelector(".settings-actions")?.append(del);
  }
  return form;
}

/** The rows edit days only: a timed event keeps its hours and zone on its new days. */
function whenOf(e: Event | null, start: string, end: string): EventWhenInput {
  if (e?.when.kind !== "timed") return { kind: "allDay", start, end };
  const { startLocal, endLocal, timezone } = e.when;
  return { kind: "timed", startLocal: `${start}${startLocal.slice(10)}`, endLocal: `${end}${endLocal.slice(10)}`, timezone };
}

const num = (v: string): number | null => (v.trim() === "" ? null : Number(v));
const val = (f: Fields, k: string): string => f[k]?.value ?? "";

export function renderPlanSettings(p: SettingsProps): HTMLElement {
  const done = () => p.onChanged();

  const channelFields = (c: Channel | null): Fields => ({
    name: input("name", "field.name", c?.name ?? ""),
    platform: select("platform", "field.platform", PLATFORMS.map((x) => [x, platformLabel(x)]), c?.platform ?? "instagram"),
    charLimit: input("charLimit", "field.charLimit", c?.charLimit?.toString() ?? "", "number", { min: 1 }),
    weeklyTarget: input("weeklyTarget", "field.weeklyTarget", c?.weeklyTarget.toString() ?? "", "number", { min: 0 }),
    color: input("color", "field.color", c?.color ?? "#2f5d50", "color"),
  });
  const channelInput = (f: Fields) => ({
    planId: p.plan.id,
    platform: val(f, "platform") as Platform,
    name: val(f, "name"),
    charLimit: num(val(f, "charLimit")),
    weeklyTarget: num(val(f, "weeklyTarget")),
    color: val(f, "color"),
  });
  const channels = [
    ...p.channels.map((c) =>
      settingsRow("channel", c.id, channelFields(c), (f) => p.api.updateChannel(c.id, channelInput(f)), () => p.api.deleteChannel(c.id), done),
    ),
    settingsRow("channel", null, channelFields(null), (f) => p.api.createChannel(channelInput(f)), null, done),
  ];

  const objectiveFields = (o: Objective | null): Fields => ({
    title: input("title", "field.title", o?.title ?? ""),
    kind: select("kind", "field.kind", OBJECTIVE_KINDS.map((x) => [x, objectiveKindLabel(x)]), o?.kind ?? "awareness"),
    startDate: dateIn("startDate", "field.startDate", o?.startDate ?? ""),
    endDate: dateIn("endDate", "field.endDate", o?.endDate ?? ""),
    targetShare: input("targetShare", "field.targetShare", o?.targetShare.toString() ?? "", "number", { min: 0, max: 100, placeholder: "%" }),
    color: input("color", "field.color", o?.color ?? "#c17d11", "color"),
  });
  const objectiveInput = (f: Fields, o: Objective | null) => ({
    planId: p.plan.id,
    kind: val(f, "kind") as ObjectiveKind,
    title: val(f, "title"),
    target: o?.target ?? "",
    startDate: dateVal(f, "startDate") || null,
    endDate: dateVal(f, "endDate") || null,
    color: val(f, "color"),
    targetShare: num(val(f, "targetShare")) ?? 0,
  });
  const objectives = [
    ...p.objectives.map((o) =>
      settingsRow("objective", o.id, objectiveFields(o), (f) => p.api.updateObjective(o.id, objectiveInput(f, o)), () => p.api.deleteObjective(o.id), done),
    ),
    settingsRow("objective", null, objectiveFields(null), (f) => p.api.createObjective(objectiveInput(f, null)), null, done),
  ];

  const eventFields = (e: Event | null): Fields => {
    const days = e ? (e.when.kind === "allDay" ? [e.when.start, e.when.end] : [e.when.startLocal.slice(0, 10), e.when.endLocal.slice(0, 10)]) : ["", ""];
    return {
      title: input("title", "field.title", e?.title ?? ""),
      kind: select("kind", "field.kind", EVENT_KINDS.map((x) => [x, eventKindLabel(x)]), e?.kind ?? "open_day"),
      start: dateIn("start", "field.startDate", days[0] ?? ""),
      end: dateIn("end", "field.endDate", days[1] ?? ""),
      location: input("location", "field.location", e?.location ?? ""),
    };
  };
  const eventInput = (f: Fields, e: Event | null) => ({
    planId: p.plan.id,
    kind: val(f, "kind") as EventKind,
    title: val(f, "title"),
    description: e?.description ?? "",
    location: val(f, "location"),
    when: whenOf(e, dateVal(f, "start"), dateVal(f, "end") || dateVal(f, "start")),
  });
  const events = [
    ...p.events.map((e) => {
      // The undo toast comes after the "saved" one, so it stays on screen.
      let deleted = false;
      return settingsRow(
        "event",
        e.id,
        eventFields(e),
        (f) => p.api.updateEvent(e.id, eventInput(f, e)),
        async () => {
          await p.api.deleteEvent(e.id);
          deleted = true;
        },
        async () => {
          await done();
          if (deleted) p.onEventDeleted?.(e);
        },
      );
    }),
    settingsRow("event", null, eventFields(null), (f) => p.api.createEvent(eventInput(f, null)), null, done),
  ];

  const close = h("button", { type: "button", class: "btn icon", "aria-label": t("panel.close"), title: t("panel.close") }, "×");
  close.addEventListener("click", p.onClose);
  const element = h(
    "aside",
    { class: "post-panel settings-panel", "data-testid": "settings-panel", role: "dialog", "aria-labelledby": "settings-title" },
    h("header", { class: "panel-header" }, h("h2", { id: "settings-title" }, t("settings.title", { plan: p.plan.name })), close),
    h(
      "div",
      { class: "settings-body" },
      h("section", {}, h("h3", {}, t("settings.channels")), ...channels),
      h("section", {}, h("h3", {}, t("settings.objectives")), ...objectives),
      h("section", {}, h("h3", {}, t("settings.events")), ...events),
    ),
  );
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      p.onClose();
    }
  });
  return element;
}
