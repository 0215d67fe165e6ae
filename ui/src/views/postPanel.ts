// The side panel that creates or edits a post. It keeps what was typed when saving fails
// and shows the core's error next to the field it names.
import type { Channel, ErrorPayload, Event, Objective, Plan, Post, PostStatus, Warning } from "../generated/models";
import { h } from "../dom";
import { zoneCity } from "../format";
import { graphemeCount } from "../graphemes";
import { t, type Locale, type MessageKey } from "../i18n/index";
import { errorMessage, objectiveKindLabel, platformLabel, STATUSES, statusLabel, warningMessage } from "../i18n/labels";
import type { Draft } from "../postForm";
import { datePattern, formatDateField, formatTimeField, parseDateField, parseTimeField, TIME_PATTERN } from "../time/fields";
import { dot, warningItem } from "./postCard";

export interface PanelProps {
  plan: Plan;
  channels: readonly Channel[];
  objectives: readonly Objective[];
  /** The plan's events, to tie a post to one. */
  events?: readonly Event[];
  locale: Locale;
  /** The post being edited; null for a new one. */
  post: Post | null;
  warnings: readonly Warning[];
  draft: Draft;
  /** The computer's zone, to say when times are in another one. */
  computerZone: string;
  onSave(draft: Draft): void;
  onDelete(): void;
  onClose(): void;
}

export interface PostPanel {
  element: HTMLElement;
  readDraft(): Draft;
  showError(error: ErrorPayload): void;
  setBusy(busy: boolean): void;
  focusFirst(): void;
  /** Puts the cursor in the control of a field the core named (e.g. a warning's field). */
  focusField(field: string): void;
}

/** Which row of the form shows an error about a field of the core. */
const ROW_OF_FIELD: Record<string, string> = {
  title: "title",
  body: "body",
  variant: "body",
  channels: "channels",
  objectiveId: "objectiveId",
  customerValue: "customerValue",
  status: "status",
  planned: "planned",
  timezone: "planned",
  durationMinutes: "planned",
  tags: "tags",
  notes: "notes",
  eventId: "eventId",
  links: "links",
};

export function rowOfField(field: string | undefined): string | null {
  return field !== undefined && Object.prototype.hasOwnProperty.call(ROW_OF_FIELD, field) ? (ROW_OF_FIELD[field] ?? null) : null;
}

let panelCount = 0;

export function renderPostPanel(p: PanelProps): PostPanel {
  const uid = `pp${++panelCount}`;
  const id = (name: string) => `${uid}-${name}`;
  const d = p.draft;

  const row = (name: string, labelKey: MessageKey, control: HTMLElement, extra?: HTMLElement | null) =>
    h(
      "div",
      { class: `field field-${name}`, "data-row": name },
      h("label", { for: id(name) }, t(labelKey)),
      control,
      extra ?? null,
    );

  const title = h("input", { id: id("title"), name: "title", type: "text", autocomplete: "off", required: true });
  title.value = d.title;

  const body = h("textarea", { id: id("body"), name: "body", rows: 6 });
  body.value = d.body;
  const counters = h("ul", { class: "char-counters", "aria-live": "polite" });

  const channelBoxes = p.channels.map((c) => {
    const box = h("input", { type: "checkbox", name: "channel", value: c.id });
    box.checked = d.channelIds.includes(c.id);
    const label = h(
      "label",
      { class: "channel-choice", title: `${c.name} · ${platformLabel(c.platform)}` },
      box,
      dot(c.color),
      h("span", {}, c.name),
    );
    return { channel: c, box, label };
  });
  const channelsSet = h(
    "fieldset",
    { class: "field field-channels", "data-row": "channels" },
    h("legend", {}, t("field.channels")),
    h("div", { class: "channel-choices" }, ...channelBoxes.map((b) => b.label)),
  );

  const objective = h("select", { id: id("objectiveId"), name: "objectiveId" }, h("option", { value: "" }, t("field.noObjective")));
  for (const o of p.objectives) {
    objective.append(h("option", { value: o.id }, `${o.title} · ${objectiveKindLabel(o.kind)}`));
  }
  objective.value = p.objectives.some((o) => o.id === d.objectiveId) ? d.objectiveId : "";

  const customerValue = h("input", { id: id("customerValue"), name: "customerValue", type: "text", placeholder: t("field.customerValueHint") });
  customerValue.value = d.customerValue;

  const status = h("select", { id: id("status"), name: "status" });
  // A post held by the crisis switch keeps `held` unless the user picks another status.
  const statuses: readonly PostStatus[] = d.status === "held" ? [...STATUSES, "held"] : STATUSES;
  for (const s of statuses) status.append(h("option", { value: s }, statusLabel(s)));
  status.value = d.status;

  // Text fields, not type=date/time: WebKitGTK draws those in the system's locale, not the app's.
  const date = h("input", {
    id: id("planned"),
    name: "date",
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    placeholder: datePattern(p.locale),
    class: "date-field",
  });
  date.value = formatDateField(d.date, p.locale);
  const time = h("input", { id: id("time"), name: "time", type: "text", autocomplete: "off", placeholder: TIME_PATTERN, class: "time-field" });
  time.value = formatTimeField(d.time);
  const zone = p.post?.planned?.kind === "at" ? p.post.planned.timezone : p.plan.timezone;
  const plannedRow = h(
    "div",
    { class: "field field-planned", "data-row": "planned" },
    h(
      "div",
      { class: "pair" },
      h("div", {}, h("label", { for: id("planned") }, t("field.date")), date),
      h("div", {}, h("label", { for: id("time") }, t("field.time")), time),
    ),
    h(
      "p",
      { class: "hint" },
      t("field.timeHint"),
      zone !== p.computerZone ? ` · ${t("post.zone", { zone: zoneCity(zone) })}` : "",
    ),
  );

  const eventSelect = h("select", { id: id("eventId"), name: "eventId" }, h("option", { value: "" }, t("field.noEvent")));
  for (const e of p.events ?? []) eventSelect.append(h("option", { value: e.id }, e.title));
  eventSelect.value = (p.events ?? []).some((e) => e.id === d.eventId) ? d.eventId : "";
  const links = h("textarea", { id: id("links"), name: "links", rows: 2, placeholder: "https://" });
  links.value = d.links;

  // One optional text per channel, shown for the channels ticked.
  const variantsBox = h("div", { class: "variants" });
  const variantInputs = new Map<string, HTMLTextAreaElement>();
  for (const c of p.channels) {
    const area = h("textarea", { id: id(`variant-${c.id}`), name: "variant", rows: 2, "data-channel-id": c.id, placeholder: t("field.variantHint") });
    area.value = d.variants[c.id] ?? "";
    variantInputs.set(c.id, area);
  }

  const tags = h("input", { id: id("tags"), name: "tags", type: "text", autocomplete: "off" });
  tags.value = d.tags;
  const notes = h("textarea", { id: id("notes"), name: "notes", rows: 3 });
  notes.value = d.notes;

  const topError = h("div", { class: "panel-error-slot" });
  const save = h("button", { type: "submit", class: "btn primary", "data-testid": "save-post" }, t("panel.save"));
  const cancel = h("button", { type: "button", class: "btn", "data-testid": "cancel-post" }, t("panel.cancel"));
  const del = p.post ? h("button", { type: "button", class: "btn danger", "data-testid": "delete-post" }, t("panel.delete")) : null;
  const close = h("button", { type: "button", class: "btn icon", "aria-label": t("panel.close"), title: t("panel.close") }, "×");

  const form = h(
    "form",
    { class: "post-form", novalidate: true },
    topError,
    row("title", "field.title", title),
    row("body", "field.body", body, counters),
    channelsSet,
    variantsBox,
    h("div", { class: "two-cols" }, row("objectiveId", "field.objectiveId", objective), row("status", "field.status", status)),
    row("customerValue", "field.customerValue", customerValue),
    plannedRow,
    row("eventId", "field.eventId", eventSelect),
    row("tags", "field.tags", tags),
    row("links", "field.links", links),
    row("notes", "field.notes", notes),
    p.warnings.length
      ? h(
          "div",
          { class: "panel-warnings" },
          h("h3", {}, t("panel.warnings")),
          h("ul", { class: "warnings" }, ...p.warnings.map((w) => warningItem(warningMessage(w, p.channels), w.code))),
        )
      : null,
    h("div", { class: "panel-actions" }, save, cancel, h("span", { class: "spacer" }), del),
  );

  const headingId = id("heading");
  const element = h(
    "aside",
    { class: "post-panel", "data-testid": "post-panel", role: "dialog", "aria-labelledby": headingId, "data-post-id": p.post?.id ?? null },
    h("header", { class: "panel-header" }, h("h2", { id: headingId }, t(p.post ? "panel.editTitle" : "panel.newTitle")), close),
    form,
  );

  const variantOf = (channelId: string) => {
    const v = variantInputs.get(channelId)?.value;
    return v && v.trim() !== "" ? v : null;
  };
  const updateVariants = () => {
    variantsBox.replaceChildren(
      ...channelBoxes
        .filter((b) => b.box.checked)
        .map(({ channel }) => {
          const area = variantInputs.get(channel.id);
          return h(
            "div",
            { class: "field field-variant", "data-row": "variant", "data-channel-id": channel.id },
            h("label", { for: area?.id ?? "" }, dot(channel.color), ` ${t("field.variantFor", { channel: channel.name })}`),
            area ?? null,
          );
        }),
    );
  };
  const updateCounters = () => {
    counters.replaceChildren();
    for (const { channel, box } of channelBoxes) {
      if (!box.checked) continue;
      const count = graphemeCount(variantOf(channel.id) ?? body.value);
      const limit = channel.charLimit;
      const over = limit !== null && count > limit;
      const text =
        limit === null
          ? t("counter.noLimit", { channel: channel.name, count })
          : t("counter.limit", { channel: channel.name, count, limit });
      counters.append(
        h(
          "li",
          {
            class: `char-counter${over ? " over" : ""}`,
            "data-testid": "char-counter",
            "data-channel-id": channel.id,
            "data-count": count,
            "data-limit": limit ?? "",
            "data-over": over ? "true" : "false",
          },
          dot(channel.color),
          text,
        ),
      );
    }
  };
  body.addEventListener("input", updateCounters);
  for (const area of variantInputs.values()) area.addEventListener("input", updateCounters);
  for (const { box } of channelBoxes) {
    box.addEventListener("change", () => {
      updateVariants();
      updateCounters();
    });
  }
  updateVariants();
  updateCounters();

  const readDraft = (): Draft => ({
    title: title.value,
    body: body.value,
    channelIds: channelBoxes.filter((b) => b.box.checked).map((b) => b.channel.id),
    objectiveId: objective.value,
    customerValue: customerValue.value,
    status: statuses.find((s) => s === status.value) ?? "draft",
    date: parseDateField(date.value, p.locale) ?? date.value,
    time: parseTimeField(time.value) ?? time.value,
    tags: tags.value,
    notes: notes.value,
    eventId: eventSelect.value,
    links: links.value,
    variants: Object.fromEntries([...variantInputs].map(([cid, area]) => [cid, area.value])),
  });

  const clearErrors = () => {
    for (const e of element.querySelectorAll("[data-testid=field-error]")) e.remove();
    for (const e of element.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  };

  const showError = (error: ErrorPayload) => {
    clearErrors();
    const rowName = rowOfField(error.field);
    const target = rowName ? form.querySelector<HTMLElement>(`[data-row="${rowName}"]`) : null;
    const message = h(
      "p",
      { class: "field-error", "data-testid": "field-error", "data-field": error.field ?? "", "data-code": error.code, role: "alert" },
      errorMessage(error),
    );
    if (target) {
      target.append(message);
      const control = target.querySelector<HTMLElement>("input, textarea, select");
      control?.setAttribute("aria-invalid", "true");
      control?.focus();
      // The message sits under its field, which may be at the panel's bottom edge: show it.
      message.scrollIntoView?.({ block: "nearest" });
    } else {
      topError.append(message);
      message.scrollIntoView?.({ block: "nearest" });
    }
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearErrors();
    // A date or time that cannot be read is refused here, next to the field, before the core.
    if (parseDateField(date.value, p.locale) === null) {
      showError({ code: "invalid_date", message: date.value, field: "planned" });
      date.focus();
      return;
    }
    if (parseTimeField(time.value) === null) {
      showError({ code: "invalid_time", message: time.value, field: "planned" });
      time.focus();
      return;
    }
    p.onSave(readDraft());
  });
  cancel.addEventListener("click", p.onClose);
  close.addEventListener("click", p.onClose);
  del?.addEventListener("click", p.onDelete);
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      p.onClose();
    }
  });

  return {
    element,
    readDraft,
    showError,
    setBusy(busy) {
      save.disabled = busy;
      if (del) del.disabled = busy;
      save.textContent = t(busy ? "panel.saving" : "panel.save");
      element.setAttribute("aria-busy", busy ? "true" : "false");
    },
    focusFirst() {
      title.focus();
    },
    focusField(field) {
      const rowName = rowOfField(field);
      const target = rowName ? form.querySelector<HTMLElement>(`[data-row="${rowName}"]`) : null;
      const control = target?.querySelector<HTMLElement>("input, textarea, select");
      if (!control) return title.focus();
      control.focus();
      target?.scrollIntoView?.({ block: "nearest" });
    },
  };
}
