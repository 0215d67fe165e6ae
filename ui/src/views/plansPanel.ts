// Plans (issue 4): create one, rename it and change its zone or language, delete it (to the
// trash, undoable with Ctrl+Z). The core's error shows next to the field; what was typed stays.
import type { DataContext } from "../data/context";
import type { Plan, PlanInput } from "../generated/models";
import { h } from "../dom";
import { t } from "../i18n/index";
import { computerZone } from "../time/zone";
import { renderShell, section } from "./dataShell";
import { rowRunner } from "./settingsForm";

export const PLAN_LOCALES = ["fr-FR", "fr-CA", "en"] as const;

function zones(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone");
    if (all && all.length) return all;
  } catch {
    // Older engines: a short list.
  }
  return ["Europe/Paris", "Europe/Brussels", "Europe/Zurich", "America/Montreal", "America/Toronto", "America/Vancouver", "UTC"];
}

function planForm(p: Plan | null, save: (input: PlanInput) => Promise<unknown>, remove: (() => Promise<unknown>) | null): HTMLElement {
  const name = h("input", { type: "text", name: "name", "aria-label": t("field.name"), "data-testid": "plan-name" });
  name.value = p?.name ?? "";
  const zone = h("input", { type: "text", name: "timezone", list: "plan-zones", "aria-label": t("field.timezone"), "data-testid": "plan-zone" });
  zone.value = p?.timezone ?? computerZone();
  const locale = h("select", { name: "locale", "aria-label": t("field.locale"), "data-testid": "plan-locale" });
  for (const l of PLAN_LOCALES) locale.append(h("option", { value: l }, t(`plans.locale.${l}`)));
  locale.value = p?.locale ?? "fr-FR";
  if (locale.value === "" && p) locale.append(h("option", { value: p.locale }, p.locale));
  locale.value = p?.locale ?? "fr-FR";
  const fields: Record<string, HTMLInputElement | HTMLSelectElement> = { name, timezone: zone, locale };
  const error = h("div", { class: "settings-error" });
  const saveBtn = h("button", { type: "submit", class: "btn primary small", "data-testid": p ? "plan-save" : "plan-create" }, t(p ? "panel.save" : "plans.create"));
  const form = h(
    "form",
    { class: "settings-row plan-row", "data-testid": "plan-row", "data-id": p?.id ?? "", novalidate: true },
    h(
      "div",
      { class: "settings-fields" },
      h("label", { class: "settings-field" }, h("span", {}, t("field.name")), name),
      h("label", { class: "settings-field" }, h("span", {}, t("field.timezone")), zone),
      h("label", { class: "settings-field" }, h("span", {}, t("field.locale")), locale),
    ),
    h("div", { class: "settings-actions" }, saveBtn),
    error,
  );
  const run = rowRunner({ fields, error, saveBtn });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run(() => save({ name: name.value, timezone: zone.value.trim(), locale: locale.value }));
  });
  if (remove) {
    const del = h("button", { type: "button", class: "btn danger small", "data-testid": "plan-delete" }, t("panel.delete"));
    del.addEventListener("click", () => void run(remove));
    form.querySelector(".settings-actions")?.append(del);
  }
  return form;
}

export function renderPlansPanel(ctx: DataContext): HTMLElement {
  const shell = renderShell("plans-panel", t("plans.title"), ctx.close, ctx.plan ? () => ctx.open("data") : undefined);
  const datalist = h("datalist", { id: "plan-zones" }, ...zones().map((z) => h("option", { value: z })));
  const rows = ctx.plans.map((p) =>
    planForm(
      p,
      async (input) => {
        await ctx.api.updatePlan(p.id, input);
        ctx.toasts.success(t("plans.saved"));
        await ctx.reloadPlans(ctx.plan?.id ?? p.id);
        ctx.open("plans");
      },
      async () => {
        await ctx.api.deletePlan(p.id);
        await ctx.reloadPlans(ctx.plan?.id === p.id ? null : ctx.plan?.id);
        ctx.deleted({ deleted: "plan", id: p.id }, t("undo.planDeleted", { name: p.name }));
        ctx.open("plans");
      },
    ),
  );
  const create = planForm(
    null,
    async (input) => {
      const plan = await ctx.api.createPlan(input);
      ctx.toasts.success(t("plans.created", { name: plan.name }));
      await ctx.reloadPlans(plan.id);
      ctx.close();
    },
    null,
  );
  shell.body.append(
    datalist,
    section(t("plans.existing"), ...(rows.length ? rows : [h("p", { class: "muted" }, t("plans.none"))])),
    section(t("plans.new"), create),
  );
  return shell.element;
}
