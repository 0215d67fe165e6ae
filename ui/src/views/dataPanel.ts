// « Données »: export the view (.ics with its options, .csv), import (CSV spreadsheet, .ics
// events), and the doors to feeds, backups, trash and plans.
import { toErrorPayload } from "../api";
import type { DataContext } from "../data/context";
import { exportFilterOf, baseName } from "../data/model";
import { chooseOpenPath, chooseSavePath } from "../data/nativeDialogs";
import { h } from "../dom";
import { isFiltering } from "../filters";
import { getLocale, t } from "../i18n/index";
import { dateInput, readDateField } from "../time/fields";
import { statusLabel } from "../i18n/labels";
import { addDays } from "../time/week";
import { busyButton, renderShell, section } from "./dataShell";

const ALARMS: readonly (number | null)[] = [null, 15, 30, 60, 1440];

function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "cadence"
  );
}

/** "Instagram · Ventes · Programmé", or "aucun filtre". */
export function filterSummary(ctx: DataContext): string {
  const f = ctx.filter;
  if (!isFiltering(f)) return t("data.noFilter");
  const o = ctx.overview;
  const parts = [
    o?.channels.find((c) => c.id === f.channelId)?.name,
    o?.objectives.find((x) => x.id === f.objectiveId)?.title,
    f.status ? statusLabel(f.status) : undefined,
    o?.events.find((e) => e.id === f.eventId)?.title,
  ].filter((x): x is string => !!x);
  return parts.join(" · ");
}

export function renderDataPanel(ctx: DataContext): HTMLElement {
  const shell = renderShell("data-panel", t("data.title"), ctx.close);
  const plan = ctx.plan;
  if (!plan) {
    const plans = h("button", { type: "button", class: "btn primary", "data-testid": "open-plans" }, t("data.plans"));
    plans.addEventListener("click", () => ctx.open("plans"));
    shell.body.append(section(t("data.plans"), plans));
    return shell.element;
  }
  const from = dateInput(ctx.visible.from, getLocale(), { name: "from", "data-testid": "export-from", "aria-label": t("data.from") });
  const to = dateInput(ctx.visible.to ? addDays(ctx.visible.to, -1) : "", getLocale(), { name: "to", "data-testid": "export-to", "aria-label": t("data.to") });
  const drafts = h("input", { type: "checkbox", name: "includeDrafts", "data-testid": "export-drafts" });
  const alarm = h("select", { name: "alarmMinutes", "data-testid": "export-alarm", "aria-label": t("data.alarm") });
  for (const a of ALARMS) alarm.append(h("option", { value: a === null ? "" : String(a) }, a === null ? t("data.alarmNone") : t("data.alarmBefore", { minutes: a === 1440 ? t("data.oneDay") : `${a} min` })));
  const options = () => ({ from: readDateField(from, getLocale()), to: readDateField(to, getLocale()), includeDrafts: drafts.checked, alarmMinutes: alarm.value === "" ? null : Number(alarm.value) });
  const result = h("p", { class: "muted data-result", "data-testid": "export-result", "aria-live": "polite" });

  const exportIcs = busyButton("export-ics", t("data.exportIcs"), "btn primary", async () => {
    shell.error(null);
    const path = await chooseSavePath(ctx.info.dialogSeam, `${slug(plan.name)}.ics`, [{ name: t("data.icsFiles"), extensions: ["ics"] }]);
    if (path === undefined) return;
    try {
      const done = await ctx.api.exportIcsFile(exportFilterOf(plan.id, ctx.filter, options()), path);
      const msg = t("data.exportedIcs", { count: done.summary.posts + done.summary.events, file: baseName(done.path) });
      result.textContent = msg;
      ctx.toasts.success(msg);
    } catch (e) {
      shell.error(toErrorPayload(e));
    }
  });
  const exportCsv = busyButton("export-csv", t("data.exportCsv"), "btn", async () => {
    shell.error(null);
    const path = await chooseSavePath(ctx.info.dialogSeam, `${slug(plan.name)}.csv`, [{ name: t("data.csvFiles"), extensions: ["csv"] }]);
    if (path === undefined) return;
    try {
      const o = options();
      const done = await ctx.api.exportCsvFile(exportFilterOf(plan.id, ctx.filter, { ...o, includeDrafts: true, alarmMinutes: null }), path);
      const msg = t("data.exportedCsv", { count: done.summary, file: baseName(done.path) });
      result.textContent = msg;
      ctx.toasts.success(msg);
    } catch (e) {
      shell.error(toErrorPayload(e));
    }
  });

  const importCsv = busyButton("import-csv", t("data.importCsv"), "btn", async () => {
    shell.error(null);
    const path = await chooseOpenPath(ctx.info.dialogSeam, [{ name: t("data.csvFiles"), extensions: ["csv", "txt", "tsv"] }]);
    if (path === undefined) return;
    ctx.open("importCsv", path ?? "");
  });
  const importIcs = busyButton("import-ics", t("data.importIcs"), "btn", async () => {
    shell.error(null);
    const path = await chooseOpenPath(ctx.info.dialogSeam, [{ name: t("data.icsFiles"), extensions: ["ics"] }]);
    if (path === undefined) return;
    try {
      const r = await ctx.api.importIcs(plan.id, path);
      const msg = t("data.importedIcs", { created: r.created, updated: r.updated, unchanged: r.unchanged });
      result.textContent = msg;
      ctx.toasts.success(msg);
      ctx.refresh();
    } catch (e) {
      shell.error(toErrorPayload(e));
    }
  });

  const door = (testid: string, label: string, hint: string, screen: "feeds" | "backups" | "trash" | "plans") => {
    const b = h("button", { type: "button", class: "data-door", "data-testid": testid }, h("strong", {}, label), h("span", { class: "muted" }, hint));
    b.addEventListener("click", () => ctx.open(screen));
    return b;
  };

  shell.body.append(
    section(
      t("data.export"),
      h("p", { class: "muted", "data-testid": "export-filters" }, t("data.filters", { filters: filterSummary(ctx) })),
      h(
        "div",
        { class: "data-form" },
        h("label", {}, h("span", {}, t("data.from")), from),
        h("label", {}, h("span", {}, t("data.to")), to),
        h("label", { class: "check" }, drafts, h("span", {}, t("data.includeDrafts"))),
        h("label", {}, h("span", {}, t("data.alarm")), alarm),
      ),
      h("div", { class: "data-actions" }, exportIcs, exportCsv),
    ),
    section(t("data.import"), h("p", { class: "muted" }, t("data.importHint", { plan: plan.name })), h("div", { class: "data-actions" }, importCsv, importIcs)),
    result,
    h(
      "nav",
      { class: "data-doors", "aria-label": t("data.title") },
      door("open-feeds", t("feeds.title"), t("data.feedsHint"), "feeds"),
      door("open-backups", t("backups.title"), t("data.backupsHint"), "backups"),
      door("open-trash", t("trash.title"), t("data.trashHint", { days: ctx.info.trashDays }), "trash"),
      door("open-plans", t("data.plans"), t("data.plansHint"), "plans"),
    ),
  );
  return shell.element;
}
