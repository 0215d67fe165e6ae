// CSV import: the core previews the file (nothing written), the table shows each post it would
// create and each row's problems (row, column, reason, translated); the unknown channels and
// objectives can be ticked for creation (the preview is asked again), then « Importer N posts »
// writes everything in one transaction. The core works in the background (async command) while
// a spinner turns, so the window never freezes.
import { toErrorPayload } from "../api";
import type { DataContext } from "../data/context";
import { baseName, problemMessage } from "../data/model";
import type { CsvPreview } from "../dataTypes";
import { h } from "../dom";
import { getLocale, intlTag, t } from "../i18n/index";
import { statusLabel } from "../i18n/labels";
import { busyButton, renderShell, section } from "./dataShell";

/** `path` null: the command reads the end-to-end seam. */
export function renderImportDialog(ctx: DataContext, path: string | null): HTMLElement {
  const shell = renderShell("import-dialog", t("import.title"), ctx.close, () => ctx.open("data"));
  const plan = ctx.plan;
  const status = h("div", { class: "import-status", "data-testid": "import-status", "aria-live": "polite" });
  const unknownSlot = h("div", { class: "import-unknown" });
  const tableSlot = h("div", { class: "import-table-slot" });
  const actions = h("div", { class: "data-actions" });
  const chosen = new Set<string>();
  let preview: CsvPreview | null = null;
  let seq = 0;
  if (!plan) return shell.element;

  const working = (text: string) =>
    status.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), h("span", { "data-testid": "import-working" }, text));

  const ask = async () => {
    const mine = ++seq;
    working(t("import.reading"));
    shell.element.setAttribute("aria-busy", "true");
    try {
      const p = await ctx.api.previewCsvImport(plan.id, path, [...chosen]);
      if (mine !== seq) return;
      preview = p;
      shell.error(null);
      draw();
    } catch (e) {
      if (mine !== seq) return;
      status.replaceChildren();
      shell.error(toErrorPayload(e));
    } finally {
      if (mine === seq) shell.element.removeAttribute("aria-busy");
    }
  };

  const draw = () => {
    const p = preview;
    if (!p) return;
    status.replaceChildren(
      h("p", { "data-testid": "import-summary" }, t("import.summary", { posts: p.posts.length, problems: p.problems.length, file: path ? baseName(path) : "" })),
      p.converted ? h("p", { class: "muted" }, t("import.converted", { encoding: p.encoding })) : "",
      p.ignoredColumns.length ? h("p", { class: "muted" }, t("import.ignored", { columns: p.ignoredColumns.join(", ") })) : "",
    );
    const names = [...p.unknownChannels.map((n) => ["channel", n] as const), ...p.unknownObjectives.map((n) => ["objective", n] as const)];
    // The boxes stay the same elements while the names do (focus and clicks are kept).
    const key = JSON.stringify(names);
    if (unknownSlot.dataset["names"] !== key) {
      unknownSlot.dataset["names"] = key;
      unknownSlot.replaceChildren(
        names.length
          ? section(
              t("import.unknown"),
              h("p", { class: "muted" }, t("import.unknownHint")),
              ...names.map(([kind, name]) => {
                const box = h("input", { type: "checkbox", "data-testid": "import-create", "data-name": name });
                box.checked = chosen.has(name);
                box.addEventListener("change", () => {
                  if (box.checked) chosen.add(name);
                  else chosen.delete(name);
                  void ask();
                });
                return h("label", { class: "check" }, box, h("span", {}, t(kind === "channel" ? "import.createChannel" : "import.createObjective", { name })));
              }),
            )
          : "",
      );
    }
    const fmt = new Intl.DateTimeFormat(intlTag(getLocale()), { dateStyle: "medium" });
    const day = (v: CsvPreview["posts"][number]) => {
      const pl = v.post.planned;
      if (!pl) return t("import.unplanned");
      return pl.kind === "day" ? fmt.format(new Date(`${pl.date}T12:00:00`)) : `${fmt.format(new Date(`${pl.local.slice(0, 10)}T12:00:00`))} ${pl.local.slice(11, 16)}`;
    };
    tableSlot.replaceChildren(
      p.problems.length
        ? section(
            t("import.problems"),
            h(
              "table",
              { class: "import-table", "data-testid": "import-problems" },
              h("thead", {}, h("tr", {}, h("th", {}, t("import.row")), h("th", {}, t("import.column")), h("th", {}, t("import.reason")))),
              h(
                "tbody",
                {},
                ...p.problems.map((x) =>
                  h("tr", { "data-testid": "import-problem", "data-code": x.code }, h("td", {}, String(x.row)), h("td", {}, x.column), h("td", {}, problemMessage(x))),
                ),
              ),
            ),
          )
        : "",
      section(
        t("import.posts"),
        p.posts.length
          ? h(
              "table",
              { class: "import-table", "data-testid": "import-posts" },
              h("thead", {}, h("tr", {}, h("th", {}, t("field.date")), h("th", {}, t("field.title")), h("th", {}, t("field.status")))),
              h("tbody", {}, ...p.posts.map((v) => h("tr", {}, h("td", {}, day(v)), h("td", {}, v.post.title), h("td", {}, statusLabel(v.post.status))))),
            )
          : h("p", { class: "muted" }, t("import.nothing")),
      ),
    );
    const go = busyButton("import-go", t("import.go", { count: p.posts.length }), "btn primary", async () => {
      working(t("import.writing"));
      try {
        const done = await ctx.api.importCsv(plan.id, path, [...chosen]);
        ctx.toasts.success(t("import.done", { count: done.posts.length }));
        ctx.refresh();
        ctx.close();
      } catch (e) {
        status.replaceChildren();
        shell.error(toErrorPayload(e));
      }
    });
    go.disabled = p.problems.length > 0 || p.posts.length === 0;
    const again = h("button", { type: "button", class: "btn", "data-testid": "import-again" }, t("import.again"));
    again.addEventListener("click", () => void ask());
    actions.replaceChildren(go, again, p.problems.length ? h("span", { class: "muted" }, t("import.fixFirst")) : "");
  };

  shell.body.append(status, unknownSlot, tableSlot, actions);
  void ask();
  return shell.element;
}
