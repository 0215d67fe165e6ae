// The trash: the plan's deleted posts and events, and deleted plans, each with its deletion
// date; restore brings one back with its links; « Vider » removes for good what is older than
// 30 days, or everything after a confirmation.
import { toErrorPayload } from "../api";
import type { DataContext } from "../data/context";
import { allOlderThan, daysSince } from "../data/model";
import { askConfirm } from "../data/nativeDialogs";
import type { TrashItems } from "../dataTypes";
import { h } from "../dom";
import { getLocale, intlTag, t } from "../i18n/index";
import { busyButton, renderShell, section } from "./dataShell";

export function renderTrashPanel(ctx: DataContext, now: () => Date = () => new Date()): HTMLElement {
  const shell = renderShell("trash-panel", t("trash.title"), ctx.close, () => ctx.open("data"));
  const plan = ctx.plan;
  const content = h("div", { class: "trash-content", "data-testid": "trash-content" });
  const fmt = new Intl.DateTimeFormat(intlTag(getLocale()), { dateStyle: "long" });
  const fail = (e: unknown) => shell.error(toErrorPayload(e));
  let items: TrashItems = { posts: [], events: [], plans: [] };

  const load = async () => {
    if (!plan) return;
    try {
      items = await ctx.api.trashItems(plan.id);
      shell.error(null);
    } catch (e) {
      fail(e);
    }
    draw();
  };

  const row = (kind: "post" | "event" | "plan", id: string, title: string, deletedAt: string | null) => {
    const age = deletedAt ? daysSince(deletedAt, now()) : 0;
    const restore = busyButton("trash-restore", t("trash.restore"), "btn small", async () => {
      try {
        await ctx.api.restoreItem(id);
        ctx.toasts.success(t(`trash.restored.${kind}`, { title }));
        if (kind === "plan") await ctx.reloadPlans();
        else ctx.refresh();
        await load();
      } catch (e) {
        fail(e);
      }
    });
    return h(
      "div",
      { class: "trash-row", "data-testid": "trash-row", "data-kind": kind, "data-id": id },
      h("span", { class: "trash-kind badge" }, t(`trash.kind.${kind}`)),
      h("span", { class: "trash-title" }, title || t("trash.untitled")),
      h("span", { class: "muted" }, deletedAt ? (age < 1 ? t("trash.deletedToday") : t("trash.deletedOn", { date: fmt.format(new Date(deletedAt)), days: age })) : ""),
      restore,
    );
  };

  const draw = () => {
    const rows = [
      ...items.posts.map((p) => row("post", p.id, p.title, p.deletedAt)),
      ...items.events.map((e) => row("event", e.id, e.title, e.deletedAt)),
    ];
    const plans = items.plans.map((p) => row("plan", p.id, p.name, p.deletedAt));
    const dates = [...items.posts.map((p) => p.deletedAt), ...items.events.map((e) => e.deletedAt)];
    const empty = busyButton("trash-empty", t("trash.empty"), "btn danger", async () => {
      if (!plan) return;
      const old = allOlderThan(dates, now(), ctx.info.trashDays);
      if (!old) {
        const ok = await askConfirm(ctx.info.dialogSeam, t("trash.confirmEmpty", { count: dates.length, days: ctx.info.trashDays }), t("trash.empty"), t("trash.empty"), t("panel.cancel"));
        if (!ok) return;
      }
      try {
        const purged = await ctx.api.emptyTrash(plan.id, !old);
        ctx.toasts.success(t("trash.emptied", { count: purged.posts + purged.events }));
        await load();
      } catch (e) {
        fail(e);
      }
    });
    empty.disabled = dates.length === 0;
    content.replaceChildren(
      section(
        plan ? t("trash.ofPlan", { plan: plan.name }) : t("trash.title"),
        rows.length ? h("div", { class: "trash-list" }, ...rows) : h("p", { class: "muted", "data-testid": "trash-none" }, t("trash.none")),
        h("p", { class: "muted" }, t("trash.hint", { days: ctx.info.trashDays })),
        h("div", { class: "data-actions" }, empty),
      ),
      section(t("trash.plans"), plans.length ? h("div", { class: "trash-list" }, ...plans) : h("p", { class: "muted" }, t("trash.noPlans"))),
    );
  };
  shell.body.append(content);
  draw();
  void load();
  return shell.element;
}
