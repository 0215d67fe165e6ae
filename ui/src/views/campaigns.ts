// The panel an event opens: apply a campaign template around it (previewed first: the core
// computes the dates, nothing is written until "Create"), manage one's own templates, and move
// the event with its linked posts.
import type { Api } from "../api";
import { toErrorPayload } from "../api";
import { formatStep, offsetLabel, parseSteps } from "../campaigns/steps";
import { h } from "../dom";
import { formatLaneDay, formatShortDay } from "../format";
import type { CampaignPreview, CampaignTemplate, Channel, ErrorPayload, Event, Plan } from "../generated/models";
import { t, type Locale } from "../i18n/index";
import { dateInput, readDateField } from "../time/fields";
import { errorMessage, platformLabel } from "../i18n/labels";
import { eventDays } from "../calendar/model";
import "./campaigns.css";

export interface CampaignPanelProps {
  api: Api;
  plan: Plan;
  event: Event;
  channels: readonly Channel[];
  locale: Locale;
  /** Something was written: refresh the views and say `message`. */
  onDone(message: string): void;
  onClose(): void;
}

function errorLine(e: ErrorPayload): HTMLElement {
  return h("p", { class: "field-error", role: "alert", "data-testid": "field-error", "data-code": e.code, "data-field": e.field ?? "" }, errorMessage(e));
}

/** "mer. 25 · 12:00" or "mer. 25 nov." for a date-only post. */
function when(date: string, local: string | null, locale: Locale): string {
  const day = `${formatLaneDay(date, locale)} ${formatShortDay(date, locale).replace(/^\d+\s*/, "")}`.trim();
  return local ? `${day} · ${local.slice(11, 16)}` : day;
}

export function renderCampaignPanel(p: CampaignPanelProps): HTMLElement {
  const french = p.locale !== "en";
  const close = h("button", { type: "button", class: "btn icon", "aria-label": t("panel.close"), title: t("panel.close") }, "×");
  close.addEventListener("click", () => p.onClose());
  const body = h("div", { class: "post-form campaign-body" });
  const panel = h(
    "section",
    { class: "post-panel campaign-panel", role: "dialog", "aria-modal": "true", "aria-label": t("campaign.title", { event: p.event.title }), "data-testid": "campaign-panel" },
    h("header", { class: "panel-header" }, h("h2", {}, t("campaign.title", { event: p.event.title })), close),
    body,
  );
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") p.onClose();
  });

  // ── Apply a template ──
  let templates: CampaignTemplate[] = [];
  const templateSelect = h("select", { id: "campaign-template", "data-testid": "campaign-template" });
  const description = h("p", { class: "muted campaign-description" });
  const channelBoxes = p.channels.map((c) => {
    const box = h("input", { type: "checkbox", value: c.id, checked: true, "data-testid": "campaign-channel" });
    return { box, label: h("label", { class: "campaign-channel" }, box, ` ${c.name}`) };
  });
  const preview = h("div", { class: "campaign-preview", "data-testid": "campaign-preview", "aria-live": "polite" });
  const error = h("div", {});
  const apply = h("button", { type: "button", class: "btn primary", "data-testid": "apply-campaign", disabled: true }, t("campaign.apply", { count: 0 }));
  const templateActions = h("div", { class: "campaign-template-actions" });
  const editorSlot = h("div", {});

  const request = () => ({
    eventId: p.event.id,
    templateId: templateSelect.value,
    channelIds: channelBoxes.filter((b) => b.box.checked).map((b) => b.box.value),
  });
  const channelName = (id: string) => p.channels.find((c) => c.id === id)?.name ?? id;

  const showPreview = (r: CampaignPreview) => {
    const fresh = r.posts.filter((x) => !x.alreadyExists);
    apply.textContent = t("campaign.apply", { count: fresh.length });
    apply.disabled = fresh.length === 0;
    const rows = r.posts.map((x) =>
      h(
        "tr",
        { "data-testid": "campaign-row", class: x.alreadyExists ? "exists" : "" },
        h("td", { class: "offset" }, offsetLabel(x.offsetDays, french)),
        h("td", { class: "when" }, when(x.date, x.local, p.locale)),
        h("td", { class: "title" }, x.title, x.alreadyExists ? h("span", { class: "note" }, ` · ${t("campaign.exists")}`) : null, x.shiftedByDst ? h("span", { class: "note" }, ` · ${t("campaign.dst")}`) : null),
        h("td", { class: "channels muted" }, x.channelIds.map(channelName).join(", ")),
      ),
    );
    preview.replaceChildren(
      rows.length ? h("table", { class: "campaign-table" }, h("tbody", {}, ...rows)) : h("p", { class: "muted" }, t("campaign.nothing")),
      ...r.skipped.map((s) =>
        h("p", { class: "campaign-skipped muted", "data-testid": "campaign-skipped" }, t("campaign.skipped", { title: s.title, kind: s.platform ? platformLabel(s.platform) : "" })),
      ),
    );
  };

  const refreshPreview = async () => {
    error.replaceChildren();
    const tpl = templates.find((x) => x.id === templateSelect.value);
    description.textContent = tpl?.description ?? "";
    renderTemplateActions(tpl);
    if (!tpl) return;
    try {
      showPreview(await p.api.previewCampaign(request()));
    } catch (e) {
      apply.disabled = true;
      error.replaceChildren(errorLine(toErrorPayload(e)));
    }
  };

  const loadTemplates = async (select?: string) => {
    try {
      templates = await p.api.listTemplates(p.plan.id);
    } catch (e) {
      error.replaceChildren(errorLine(toErrorPayload(e)));
      return;
    }
    const builtin = h("optgroup", { label: t("campaign.builtin") });
    const mine = h("optgroup", { label: t("campaign.mine") });
    for (const tpl of templates) (tpl.builtin ? builtin : mine).append(h("option", { value: tpl.id }, tpl.name));
    templateSelect.replaceChildren(builtin, ...(mine.children.length ? [mine] : []));
    const byKind = templates.find((x) => x.builtin && x.id.startsWith(`builtin:${p.event.kind}:`));
    templateSelect.value = select ?? byKind?.id ?? templates[0]?.id ?? "";
    await refreshPreview();
  };

  templateSelect.addEventListener("change", () => void refreshPreview());
  for (const b of channelBoxes) b.box.addEventListener("change", () => void refreshPreview());
  apply.addEventListener("click", async () => {
    apply.disabled = true;
    error.replaceChildren();
    try {
      const r = await p.api.applyCampaign(request());
      p.onDone(t("campaign.created", { count: r.created.length, event: p.event.title }));
    } catch (e) {
      apply.disabled = false;
      error.replaceChildren(errorLine(toErrorPayload(e)));
    }
  });

  // ── The user's templates ──
  const openEditor = (tpl: CampaignTemplate | undefined, copy: boolean) => {
    const name = h("input", { type: "text", "data-testid": "template-name", "aria-label": t("campaign.templateName") });
    name.value = tpl ? (copy ? t("campaign.copyName", { name: tpl.name }) : tpl.name) : "";
    const lines = h("textarea", { rows: 8, "data-testid": "template-steps", "aria-label": t("campaign.steps"), spellcheck: "false" });
    lines.value = tpl ? tpl.steps.map((s) => formatStep(s, french)).join("\n") : "";
    const editorError = h("div", {});
    const save = h("button", { type: "button", class: "btn primary small", "data-testid": "save-template" }, t("panel.save"));
    const cancel = h("button", { type: "button", class: "btn small" }, t("panel.cancel"));
    cancel.addEventListener("click", () => editorSlot.replaceChildren());
    save.addEventListener("click", async () => {
      editorError.replaceChildren();
      const parsed = parseSteps(lines.value);
      if (parsed.badLines.length) {
        editorError.replaceChildren(h("p", { class: "field-error", role: "alert" }, t("campaign.badLines", { lines: parsed.badLines.join(", ") })));
        return;
      }
      const input = { name: name.value, description: tpl?.description ?? "", steps: parsed.steps };
      try {
        const saved = tpl && !copy && !tpl.builtin ? await p.api.updateTemplate(tpl.id, input) : await p.api.createTemplate(input);
        editorSlot.replaceChildren();
        await loadTemplates(saved.id);
      } catch (e) {
        editorError.replaceChildren(errorLine(toErrorPayload(e)));
      }
    });
    editorSlot.replaceChildren(
      h(
        "div",
        { class: "template-editor", "data-testid": "template-editor" },
        h("label", { class: "field" }, h("span", {}, t("campaign.templateName")), name),
        h("label", { class: "field" }, h("span", {}, t("campaign.steps")), lines, h("span", { class: "muted hint" }, t("campaign.stepsHint"))),
        editorError,
        h("div", { class: "panel-actions" }, save, cancel),
      ),
    );
    name.focus();
  };

  function renderTemplateActions(tpl: CampaignTemplate | undefined): void {
    const copy = h("button", { type: "button", class: "btn small", "data-testid": "copy-template" }, t("campaign.copy"));
    copy.addEventListener("click", () => openEditor(tpl, true));
    const fresh = h("button", { type: "button", class: "btn small" }, t("campaign.newTemplate"));
    fresh.addEventListener("click", () => openEditor(undefined, false));
    const buttons: HTMLElement[] = [copy, fresh];
    if (tpl && !tpl.builtin) {
      const edit = h("button", { type: "button", class: "btn small", "data-testid": "edit-template" }, t("campaign.edit"));
      edit.addEventListener("click", () => openEditor(tpl, false));
      const del = h("button", { type: "button", class: "btn small danger", "data-testid": "delete-template" }, t("campaign.delete"));
      del.addEventListener("click", async () => {
        try {
          await p.api.deleteTemplate(tpl.id);
          await loadTemplates();
        } catch (e) {
          error.replaceChildren(errorLine(toErrorPayload(e)));
        }
      });
      buttons.push(edit, del);
    }
    templateActions.replaceChildren(...buttons);
  }

  body.append(
    h(
      "section",
      { class: "campaign-section" },
      h("h3", {}, t("campaign.applyTitle")),
      h("label", { class: "field", for: "campaign-template" }, t("campaign.template")),
      templateSelect,
      description,
      templateActions,
      editorSlot,
      h("fieldset", { class: "field campaign-channels" }, h("legend", {}, t("campaign.channels")), ...channelBoxes.map((b) => b.label)),
      h("h4", {}, t("campaign.preview")),
      preview,
      error,
      h("div", { class: "panel-actions" }, apply),
    ),
  );

  // ── Move the event ──
  const first = eventDays(p.event, p.plan.timezone).first;
  const newStart = dateInput(first, p.locale, { "data-testid": "move-event-date", "aria-label": t("campaign.newStart") });
  const withPosts = h("input", { type: "checkbox", checked: true, "data-testid": "move-with-posts" });
  const withPostsLabel = h("span", {}, t("campaign.moveWith", { count: 0 }));
  const moveError = h("div", {});
  const move = h("button", { type: "button", class: "btn", "data-testid": "move-event" }, t("campaign.move"));
  move.addEventListener("click", async () => {
    moveError.replaceChildren();
    move.disabled = true;
    try {
      const r = await p.api.moveEvent({ eventId: p.event.id, newStart: readDateField(newStart, p.locale), movePosts: withPosts.checked });
      p.onDone(t("campaign.moved", { event: r.event.title, days: r.days, count: r.moved.length }));
    } catch (e) {
      move.disabled = false;
      moveError.replaceChildren(errorLine(toErrorPayload(e)));
    }
  });
  void p.api.eventPosts(p.event.id).then(
    (views) => {
      const movable = views.filter((v) => v.post.status !== "published" && v.post.planned !== null).length;
      withPostsLabel.textContent = t("campaign.moveWith", { count: movable });
      withPosts.disabled = movable === 0;
    },
    () => undefined,
  );
  body.append(
    h(
      "section",
      { class: "campaign-section" },
      h("h3", {}, t("campaign.moveTitle")),
      h("label", { class: "field" }, h("span", {}, t("campaign.newStart")), newStart),
      h("label", { class: "campaign-channel" }, withPosts, " ", withPostsLabel),
      moveError,
      h("div", { class: "panel-actions" }, move),
    ),
  );

  void loadTemplates();
  return panel;
}
