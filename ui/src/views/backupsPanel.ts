// Backups (issue 6): back up now to a chosen file, the automatic daily backups (newest 14, in
// the app's data folder) with their date and size, restore one after a confirmation, restore
// from a file. After a restore the app reads everything again.
import { toErrorPayload } from "../api";
import type { DataContext } from "../data/context";
import { baseName, formatBytes } from "../data/model";
import { askConfirm, chooseOpenPath, chooseSavePath } from "../data/nativeDialogs";
import type { BackupFile } from "../dataTypes";
import { h } from "../dom";
import { getLocale, intlTag, t } from "../i18n/index";
import { busyButton, renderShell, section } from "./dataShell";

export function renderBackupsPanel(ctx: DataContext): HTMLElement {
  const shell = renderShell("backups-panel", t("backups.title"), ctx.close, () => ctx.open("data"));
  const list = h("div", { class: "backup-list", "data-testid": "backup-list" });
  const locale = intlTag(getLocale());
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" });
  const fail = (e: unknown) => shell.error(toErrorPayload(e));

  const restore = async (path: string | null, label: string) => {
    const ok = await askConfirm(ctx.info.dialogSeam, t("backups.confirm", { name: label }), t("backups.restore"), t("backups.restore"), t("panel.cancel"));
    if (!ok) return;
    try {
      const safety = await ctx.api.restoreBackup(path);
      shell.error(null);
      await ctx.reloadPlans();
      ctx.toasts.success(t("backups.restored", { safety: baseName(safety.path) }));
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const draw = (backups: BackupFile[]) => {
    list.replaceChildren(
      ...(backups.length === 0
        ? [h("p", { class: "muted", "data-testid": "backups-empty" }, t("backups.none"))]
        : backups.map((b) =>
            h(
              "div",
              { class: "backup-row", "data-testid": "backup-row" },
              h("span", { class: "backup-date" }, fmt.format(new Date(b.takenAt))),
              h("span", { class: "backup-size muted" }, formatBytes(b.bytes, locale)),
              busyButton("backup-restore", t("backups.restore"), "btn small", () => restore(b.path, fmt.format(new Date(b.takenAt)))),
            ),
          )),
    );
  };

  const load = async () => {
    try {
      draw(await ctx.api.listBackups());
    } catch (e) {
      fail(e);
    }
  };

  const now = busyButton("backup-now", t("backups.now"), "btn primary", async () => {
    const stamp = new Date().toISOString().slice(0, 10);
    const path = await chooseSavePath(ctx.info.dialogSeam, `cadence-${stamp}.db`, [{ name: t("backups.files"), extensions: ["db"] }]);
    if (path === undefined) return;
    try {
      const b = await ctx.api.backupNow(path);
      shell.error(null);
      ctx.toasts.success(t("backups.done", { file: baseName(b.path), size: formatBytes(b.bytes, locale) }));
    } catch (e) {
      fail(e);
    }
  });
  const fromFile = busyButton("backup-restore-file", t("backups.fromFile"), "btn", async () => {
    const path = await chooseOpenPath(ctx.info.dialogSeam, [{ name: t("backups.files"), extensions: ["db", "sqlite"] }]);
    if (path === undefined) return;
    await restore(path, path === null ? t("backups.chosenFile") : baseName(path));
  });

  shell.body.append(
    section(t("backups.manual"), h("p", { class: "muted" }, t("backups.manualHint")), h("div", { class: "data-actions" }, now, fromFile)),
    section(
      t("backups.auto"),
      h("p", { class: "muted", "data-testid": "backups-where" }, t("backups.autoHint", { kept: ctx.info.backupsKept, dir: ctx.info.backupDir })),
      list,
    ),
  );
  void load();
  return shell.element;
}
