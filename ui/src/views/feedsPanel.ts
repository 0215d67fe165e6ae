// Calendar feeds (issue 3): the plan's published feeds with their webcal:// and http:// URLs
// (copy buttons), revoke and new URL, a new feed from the filter bar, and the switch that runs
// the feed server inside the app (this computer only, unless the LAN is chosen with a warning).
import { toErrorPayload } from "../api";
import type { DataContext } from "../data/context";
import { copyText } from "../data/clipboard";
import { exportFilterOf } from "../data/model";
import type { FeedRow, FeedServerStatus } from "../dataTypes";
import { h } from "../dom";
import { getLocale, intlTag, t } from "../i18n/index";
import { filterSummary } from "./dataPanel";
import { busyButton, renderShell, section } from "./dataShell";

function urlLine(label: string, url: string, testid: string): HTMLElement {
  const field = h("input", { type: "text", readonly: true, class: "feed-url", "data-testid": `${testid}-url`, "aria-label": label });
  field.value = url;
  const copied = h("span", { class: "copied", "aria-live": "polite", "data-testid": `${testid}-copied` });
  const copy = h("button", { type: "button", class: "btn small", "data-testid": `${testid}-copy` }, t("feeds.copy"));
  copy.addEventListener("click", () => {
    void copyText(url, field).then((ok) => {
      copied.textContent = ok ? t("feeds.copied") : t("feeds.copyFailed");
      window.setTimeout(() => (copied.textContent = ""), 2500);
    });
  });
  field.addEventListener("focus", () => field.select());
  return h("div", { class: "feed-url-line" }, h("span", { class: "feed-url-label" }, label), field, copy, copied);
}

export function renderFeedsPanel(ctx: DataContext): HTMLElement {
  const shell = renderShell("feeds-panel", t("feeds.title"), ctx.close, () => ctx.open("data"));
  const plan = ctx.plan;
  if (!plan) return shell.element;
  const serverSlot = h("div", { class: "feed-server", "data-testid": "feed-server" });
  const list = h("div", { class: "feed-list", "data-testid": "feed-list" });
  let status: FeedServerStatus | null = null;
  let rows: FeedRow[] = [];
  const fail = (e: unknown) => shell.error(toErrorPayload(e));

  const load = async () => {
    try {
      [status, rows] = await Promise.all([ctx.api.feedServerStatus(), ctx.api.listFeeds(plan.id)]);
      shell.error(null);
    } catch (e) {
      fail(e);
    }
    draw();
  };

  const drawServer = () => {
    const s = status;
    const toggle = h("input", { type: "checkbox", role: "switch", "data-testid": "feed-switch" });
    toggle.checked = s?.running ?? false;
    const lan = h("input", { type: "checkbox", "data-testid": "feed-lan" });
    lan.checked = s?.lan ?? false;
    const warning = h("p", { class: "notice warning", "data-testid": "feed-lan-warning", hidden: !lan.checked }, t("feeds.lanWarning"));
    lan.addEventListener("change", () => {
      warning.hidden = !lan.checked;
    });
    const apply = async (run: boolean) => {
      toggle.disabled = lan.disabled = true;
      try {
        status = run ? await ctx.api.startFeedServer(null, lan.checked) : await ctx.api.stopFeedServer();
        rows = await ctx.api.listFeeds(plan.id);
        shell.error(null);
        ctx.toasts.success(run ? t("feeds.started", { port: status.port }) : t("feeds.stopped"));
      } catch (e) {
        fail(e);
      }
      draw();
    };
    toggle.addEventListener("change", () => void apply(toggle.checked));
    lan.addEventListener("change", () => {
      if (status?.running) void apply(true);
    });
    serverSlot.replaceChildren(
      h("label", { class: "switch" }, toggle, h("span", {}, t("feeds.serve"))),
      h("p", { class: "muted", "data-testid": "feed-state" }, s?.running ? t(s.lan ? "feeds.runningLan" : "feeds.running", { host: s.host, port: s.port }) : t("feeds.notRunning")),
      h("label", { class: "check" }, lan, h("span", {}, t("feeds.lan"))),
      warning,
    );
  };

  const drawList = () => {
    const fmt = new Intl.DateTimeFormat(intlTag(getLocale()), { dateStyle: "medium" });
    list.replaceChildren(
      ...(rows.length === 0
        ? [h("p", { class: "muted", "data-testid": "feeds-empty" }, t("feeds.none"))]
        : rows.map((r, i) => {
            const revoked = r.feed.revokedAt !== null;
            const revoke = busyButton("feed-revoke", t("feeds.revoke"), "btn danger small", async () => {
              try {
                const after = await ctx.api.revokeFeed(r.feed.id);
                rows = rows.map((x) => (x.feed.id === after.feed.id ? after : x));
                ctx.toasts.success(t("feeds.revoked"));
                draw();
              } catch (e) {
                fail(e);
              }
            });
            const regenerate = busyButton("feed-regenerate", t("feeds.regenerate"), "btn small", async () => {
              try {
                const after = await ctx.api.regenerateFeedToken(r.feed.id);
                rows = rows.map((x) => (x.feed.id === after.feed.id ? after : x));
                ctx.toasts.success(t("feeds.regenerated"));
                draw();
              } catch (e) {
                fail(e);
              }
            });
            return h(
              "article",
              { class: `feed-row${revoked ? " revoked" : ""}`, "data-testid": "feed-row", "data-feed-id": r.feed.id },
              h("h4", {}, r.feed.name, revoked ? h("span", { class: "badge" }, t("feeds.revokedBadge")) : null),
              h("p", { class: "muted" }, t("feeds.createdOn", { date: fmt.format(new Date(r.feed.createdAt)) })),
              revoked ? null : urlLine(t("feeds.webcal"), r.urls.webcal, `feed-${i}-webcal`),
              revoked ? null : urlLine(t("feeds.http"), r.urls.http, `feed-${i}-http`),
              h("div", { class: "data-actions" }, revoked ? null : revoke, regenerate),
            );
          })),
    );
  };

  const draw = () => {
    drawServer();
    drawList();
  };

  const name = h("input", { type: "text", name: "name", "data-testid": "feed-name", "aria-label": t("field.name") });
  name.value = plan.name;
  const create = busyButton("feed-create", t("feeds.create"), "btn primary", async () => {
    try {
      const row = await ctx.api.createFeed({
        name: name.value,
        filter: exportFilterOf(plan.id, ctx.filter, { from: "", to: "", includeDrafts: false, alarmMinutes: null }),
      });
      rows = [...rows, row];
      shell.error(null);
      ctx.toasts.success(t("feeds.created"));
      draw();
    } catch (e) {
      fail(e);
      name.setAttribute("aria-invalid", "true");
    }
  });
  shell.body.append(
    section(t("feeds.server"), serverSlot),
    section(t("feeds.list"), list),
    section(
      t("feeds.new"),
      h("p", { class: "muted" }, t("data.filters", { filters: filterSummary(ctx) })),
      h("div", { class: "data-form" }, h("label", {}, h("span", {}, t("field.name")), name)),
      h("div", { class: "data-actions" }, create),
    ),
  );
  draw();
  void load();
  return shell.element;
}
