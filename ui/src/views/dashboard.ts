// The dashboard screen: objective mix and channel cadence (charts, each with a text table),
// gaps and posts to fix, results, ambassadors, results entry, CSV export. Loaded with a
// dynamic import(): start-up never pays for chart.js.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import type { Api } from "../api";
import { insideTauri, toErrorPayload } from "../api";
import { channelCadenceSeries, csvFileName, historySeries, objectiveMixSeries, participationRate, periodDays, periodOf, stepPeriod, type PeriodKind } from "../dashboardModel";
import { h } from "../dom";
import { formatShortDay } from "../format";
import type { Channel, Dashboard, Plan, PostRef, PostView, Relay, ResultTotals } from "../generated/models";
import { getLocale, intlTag, t } from "../i18n/index";
import { errorMessage, statusLabel } from "../i18n/labels";
import { addDays } from "../time/week";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export interface DashboardProps {
  api: Api;
  plan: Plan;
  today: string;
  /** Opens a post in the post panel with the cursor in `field`. */
  onFix(postId: string, day: string, field: string): void;
  onClose(): void;
  /** Tells the app posts changed (results entered). */
  onChanged(): void;
}

export interface DashboardScreen {
  element: HTMLElement;
  reload(): Promise<void>;
  destroy(): void;
}

const num = (n: number) => new Intl.NumberFormat(intlTag(getLocale()), { maximumFractionDigits: 1 }).format(n);

function table(caption: string, head: string[], rows: (string | number)[][], testid: string): HTMLElement {
  return h(
    "table",
    { class: "sb-table", "data-testid": testid },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c, i) => (i === 0 ? h("th", { scope: "row" }, String(c)) : h("td", {}, typeof c === "number" ? num(c) : c)))))),
  );
}

function totalsRow(label: string, r: ResultTotals): (string | number)[] {
  return [label, r.published, r.measured, r.likes, r.comments, r.shares];
}

export function openDashboard(p: DashboardProps): DashboardScreen {
  let kind: PeriodKind = "month";
  let period = periodOf(kind, p.today);
  const charts: Chart[] = [];
  const body = h("div", { class: "sb-body", "aria-live": "polite" });
  const label = h("h2", { class: "sb-period", "data-testid": "dashboard-period" });
  const kindSelect = h("select", { "data-testid": "dashboard-kind", "aria-label": t("dash.kind") }, h("option", { value: "month", selected: true }, t("dash.month")), h("option", { value: "week" }, t("dash.week")));
  kindSelect.addEventListener("change", () => {
    kind = kindSelect.value === "week" ? "week" : "month";
    period = periodOf(kind, periodDays(period)?.from ?? p.today);
    void reload();
  });
  const nav = (text: string, aria: string, testid: string, delta: number) => {
    const b = h("button", { type: "button", class: "btn nav", "aria-label": aria, title: aria, "data-testid": testid }, text);
    b.addEventListener("click", () => {
      period = stepPeriod(kind, period, delta);
      void reload();
    });
    return b;
  };
  const exportButton = h("button", { type: "button", class: "btn", "data-testid": "dashboard-export" }, t("dash.export"));
  exportButton.addEventListener("click", () => void exportCsv());
  const close = h("button", { type: "button", class: "btn", "data-testid": "dashboard-close" }, t("dash.back"));
  close.addEventListener("click", p.onClose);
  const status = h("p", { class: "sb-status", role: "status", "data-testid": "dashboard-status" });
  const element = h(
    "section",
    { class: "sb-screen", "data-testid": "dashboard", role: "region", "aria-label": t("dash.title") },
    h(
      "div",
      { class: "sb-bar" },
      close,
      h("h1", {}, t("dash.title")),
      h("div", { class: "sb-picker" }, kindSelect, nav("‹", t("dash.prev"), "dashboard-prev", -1), label, nav("›", t("dash.next"), "dashboard-next", 1)),
      exportButton,
    ),
    status,
    body,
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !document.querySelector(".post-panel")) p.onClose();
  };
  document.addEventListener("keydown", onKey);

  function periodTitle(d: Dashboard): string {
    const locale = intlTag(getLocale());
    if (kind === "month") {
      const s = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${d.from}T12:00:00Z`));
      return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
    }
    return t("dash.weekOf", { week: d.period.slice(6), from: formatShortDay(d.from, getLocale()), to: formatShortDay(addDays(d.to, -1), getLocale()) });
  }

  async function exportCsv(): Promise<void> {
    status.textContent = "";
    try {
      let written: string;
      try {
        // No path: the app writes where CADENCE_TEST_SAVE_PATH says (end-to-end tests), else
        // refuses with field "path" and the native save dialog asks.
        written = await p.api.exportDashboardCsv(p.plan.id, period, null);
      } catch (e) {
        if (toErrorPayload(e).field !== "path") throw e;
        let path: string | null = `/mock/${csvFileName(p.plan.name, period)}`;
        if (insideTauri()) {
          const { save } = await import("@tauri-apps/plugin-dialog");
          path = await save({ defaultPath: csvFileName(p.plan.name, period), filters: [{ name: "CSV", extensions: ["csv"] }] });
        }
        if (!path) return;
        written = await p.api.exportDashboardCsv(p.plan.id, period, path);
      }
      status.textContent = t("dash.exported", { path: written });
    } catch (e) {
      status.textContent = errorMessage(toErrorPayload(e));
    }
  }

  function chart(canvasLabel: string, config: ChartConfiguration<"bar" | "line", number[], string>): HTMLElement {
    const canvas = h("canvas", { role: "img", "aria-label": canvasLabel });
    const box = h("div", { class: "sb-chart" }, canvas);
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
    charts.push(new Chart(canvas, config) as unknown as Chart);
    return box;
  }

  function postList(title: string, testid: string, refs: { ref: PostRef; note?: string; field: string }[]): HTMLElement {
    const items = refs.slice(0, 50).map(({ ref, note, field }) => {
      const fix = h("button", { type: "button", class: "btn small", "data-post-id": ref.postId, "data-field": field }, t("dash.fix"));
      fix.addEventListener("click", () => p.onFix(ref.postId, ref.day, field));
      return h(
        "li",
        {},
        h("span", { class: "sb-day" }, formatShortDay(ref.day, getLocale())),
        h("span", { class: "sb-text" }, h("span", { class: "sb-title" }, ref.title), note ? h("span", { class: "sb-note" }, note) : null),
        h("span", { class: "sb-state" }, statusLabel(ref.status)),
        fix,
      );
    });
    return h(
      "section",
      { class: "sb-card", "data-testid": testid },
      h("h3", {}, title, " ", h("span", { class: "count" }, String(refs.length))),
      refs.length ? h("ul", { class: "sb-list" }, ...items) : h("p", { class: "muted" }, t("dash.noneToFix")),
      refs.length > 50 ? h("p", { class: "muted" }, t("dash.more", { count: refs.length - 50 })) : null,
    );
  }

  async function resultsEntry(d: Dashboard, channels: readonly Channel[]): Promise<HTMLElement> {
    const range = await p.api.rangeView(p.plan.id, d.from, d.to);
    const published = range.posts.filter((v) => v.post.status === "published");
    const section = h("section", { class: "sb-card sb-wide", "data-testid": "results-entry" }, h("h3", {}, t("dash.resultsEntry")));
    if (!published.length) {
      section.append(h("p", { class: "muted" }, t("dash.noPublished")));
      return section;
    }
    const ambassadors = await p.api.listAmbassadors(p.plan.id);
    for (const v of published) section.append(await resultsRow(v, ambassadors.map((a) => ({ id: a.id, name: a.name })), channels));
    return section;
  }

  async function resultsRow(v: PostView, ambassadors: { id: string; name: string }[], channels: readonly Channel[]): Promise<HTMLElement> {
    const r = v.post.results;
    const field = (name: string, value: string, type = "number") => {
      const input = h("input", { type, name, value, min: type === "number" ? 0 : null, inputmode: type === "number" ? "numeric" : null, "aria-label": `${t(`dash.r.${name}` as "dash.r.likes")} — ${v.post.title}` });
      return { input, el: h("label", { class: `sb-field sb-${name}` }, h("span", {}, t(`dash.r.${name}` as "dash.r.likes")), input) };
    };
    const url = field("url", r.url ?? "", "url");
    const likes = field("likes", r.likes === null ? "" : String(r.likes));
    const comments = field("comments", r.comments === null ? "" : String(r.comments));
    const shares = field("shares", r.shares === null ? "" : String(r.shares));
    const msg = h("span", { class: "sb-msg", role: "status" });
    const save = h("button", { type: "button", class: "btn small primary" }, t("dash.save"));
    const n = (i: HTMLInputElement) => (i.value.trim() === "" ? null : Number(i.value));
    save.addEventListener("click", async () => {
      msg.textContent = "";
      try {
        await p.api.setPostResults(v.post.id, { url: url.input.value.trim() || null, likes: n(likes.input), comments: n(comments.input), shares: n(shares.input) });
        msg.textContent = t("dash.saved");
        p.onChanged();
        await reload();
      } catch (e) {
        msg.textContent = errorMessage(toErrorPayload(e));
      }
    });
    const relays: Relay[] = ambassadors.length ? await p.api.listRelays(v.post.id) : [];
    const relayBoxes = ambassadors.map((a) => {
      const relay = relays.find((x) => x.ambassadorId === a.id);
      const box = h("input", { type: "checkbox", checked: relay?.doneAt != null });
      box.addEventListener("change", async () => {
        try {
          if (box.checked && !relay) await p.api.setRelayAsked(v.post.id, a.id, true);
          await p.api.setRelayDone(v.post.id, a.id, box.checked);
          await reload();
        } catch (e) {
          msg.textContent = errorMessage(toErrorPayload(e));
        }
      });
      return h("label", { class: "sb-relay" }, box, " ", a.name);
    });
    const names = v.post.channels.map((pc) => channels.find((c) => c.id === pc.channelId)?.name).filter(Boolean).join(", ");
    return h(
      "div",
      { class: "sb-result-row", "data-post-id": v.post.id },
      h("div", { class: "sb-result-title" }, h("strong", {}, v.post.title), names ? h("span", { class: "muted" }, ` · ${names}`) : null),
      h("div", { class: "sb-result-fields" }, url.el, likes.el, comments.el, shares.el, save, msg),
      relayBoxes.length ? h("div", { class: "sb-relays" }, h("span", { class: "muted" }, t("dash.relayedBy")), ...relayBoxes) : null,
    );
  }

  async function render(d: Dashboard): Promise<void> {
    for (const c of charts.splice(0)) c.destroy();
    label.textContent = periodTitle(d);
    const channels = await p.api.listChannels(p.plan.id);
    const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
    const mix = objectiveMixSeries(d, t("dash.noObjective"));
    const cadence = channelCadenceSeries(d);
    const history = historySeries(d);
    const weekLabel = (monday: string) => formatShortDay(monday, getLocale());
    const summary = h(
      "p",
      { class: "sb-summary", "data-testid": "dashboard-summary" },
      t("dash.summary", { posts: d.posts, empty: d.emptyDays.length, fix: d.missingObjective.length + d.missingValue.length + d.overLimit.length }),
    );
    const mixCard = h(
      "section",
      { class: "sb-card" },
      h("h3", {}, t("dash.mix")),
      chart(t("dash.mix"), {
        type: "bar",
        data: {
          labels: mix.labels,
          datasets: [
            { label: t("dash.actualShare"), data: mix.actual, backgroundColor: mix.colors },
            { label: t("dash.targetShare"), data: mix.target, backgroundColor: "rgba(0,0,0,0)", borderColor: "#23211d", borderWidth: 2 },
          ],
        },
        options: { scales: { y: { beginAtZero: true, suggestedMax: 100, title: { display: true, text: "%" } } } },
      }),
      table(t("dash.mixTable"), [t("dash.objective"), t("dash.posts"), t("dash.actualShare"), t("dash.targetShare")], [
        ...d.objectives.map((o) => [o.title, o.posts, `${num(o.share)} %`, `${o.targetShare} %`]),
        ...(d.withoutObjective ? [[t("dash.noObjective"), d.withoutObjective, `${num((d.withoutObjective * 100) / Math.max(d.posts, 1))} %`, "—"]] : []),
      ], "mix-table"),
    );
    const cadenceCard = h(
      "section",
      { class: "sb-card" },
      h("h3", {}, t("dash.cadence")),
      chart(t("dash.cadence"), {
        type: "bar",
        data: {
          labels: cadence.labels,
          datasets: [
            { label: t("dash.postsPeriod"), data: cadence.actual, backgroundColor: cadence.colors },
            { label: t("dash.target"), data: cadence.target, backgroundColor: "rgba(0,0,0,0)", borderColor: "#23211d", borderWidth: 2 },
          ],
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }),
      table(t("dash.cadenceTable"), [t("dash.channel"), t("dash.posts"), t("dash.target"), t("dash.weeklyTarget")], d.channels.map((c) => [c.name, c.posts, num(c.target), c.weeklyTarget]), "cadence-table"),
    );
    const historyCard = h(
      "section",
      { class: "sb-card sb-wide" },
      h("h3", {}, t("dash.history")),
      chart(t("dash.history"), {
        type: "line",
        data: {
          labels: history.weeks.map(weekLabel),
          datasets: history.lines.map((l) => ({ label: l.label, data: l.posts, borderColor: l.color, backgroundColor: l.color, tension: 0.2 })),
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }),
      table(t("dash.historyTable"), [t("dash.weekOfMonday"), ...history.lines.map((l) => `${l.label} (${t("dash.targetShort", { n: l.weeklyTarget })})`)], history.weeks.map((w, i) => [weekLabel(w), ...history.lines.map((l) => l.posts[i] ?? 0)]), "history-table"),
    );
    const empty = h(
      "section",
      { class: "sb-card", "data-testid": "empty-days" },
      h("h3", {}, t("dash.emptyDays"), " ", h("span", { class: "count" }, String(d.emptyDays.length))),
      d.emptyDays.length
        ? h("ul", { class: "sb-days" }, ...d.emptyDays.map((x) => h("li", {}, formatShortDay(x, getLocale()))))
        : h("p", { class: "muted" }, t("dash.noEmptyDay")),
    );
    const results = h(
      "section",
      { class: "sb-card sb-wide", "data-testid": "results-totals" },
      h("h3", {}, t("dash.results")),
      table(t("dash.resultsTable"), [t("dash.r.who"), t("dash.r.published"), t("dash.r.measured"), t("dash.r.likes"), t("dash.r.comments"), t("dash.r.shares")], [
        totalsRow(t("dash.total"), d.results),
        ...d.objectives.map((o) => totalsRow(o.title, o.results)),
        ...d.channels.map((c) => totalsRow(c.name, c.results)),
      ], "results-table"),
    );
    const amb = h(
      "section",
      { class: "sb-card", "data-testid": "ambassadors" },
      h("h3", {}, t("dash.ambassadors")),
      d.ambassadors.length
        ? table(t("dash.ambassadorsTable"), [t("dash.ambassador"), t("dash.asked"), t("dash.relayed"), t("dash.rate")], d.ambassadors.map((a) => {
            const rate = participationRate(a.asked, a.relayed);
            return [a.name, a.asked, a.relayed, rate === null ? "—" : `${rate} %`];
          }), "ambassadors-table")
        : h("p", { class: "muted" }, t("dash.noAmbassador")),
    );
    body.replaceChildren(
      summary,
      h(
        "div",
        { class: "sb-grid" },
        mixCard,
        cadenceCard,
        historyCard,
        empty,
        postList(t("dash.missingObjective"), "missing-objective", d.missingObjective.map((ref) => ({ ref, field: "objectiveId" }))),
        postList(t("dash.missingValue"), "missing-value", d.missingValue.map((ref) => ({ ref, field: "customerValue" }))),
        postList(t("dash.overLimit"), "over-limit", d.overLimit.map((o) => ({ ref: o.post, field: o.field, note: t("dash.overBy", { channel: channelName(o.channelId), length: o.length, limit: o.limit }) }))),
        results,
        amb,
        await resultsEntry(d, channels),
      ),
    );
  }

  let seq = 0;
  async function reload(): Promise<void> {
    const mine = ++seq;
    status.textContent = "";
    try {
      const d = await p.api.dashboard(p.plan.id, period);
      if (mine !== seq) return;
      await render(d);
    } catch (e) {
      if (mine === seq) status.textContent = errorMessage(toErrorPayload(e));
    }
  }

  void reload();
  return {
    element,
    reload,
    destroy() {
      document.removeEventListener("keydown", onKey);
      for (const c of charts.splice(0)) c.destroy();
    },
  };
}
