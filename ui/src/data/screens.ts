// Opens the « Données » screens in the app's side-panel slot and gives them what they need.
// The app only keeps one of these and asks it for the header button.
import { toErrorPayload, type Api } from "../api";
import type { DataInfo } from "../dataTypes";
import { h } from "../dom";
import { t } from "../i18n/index";
import { errorMessage } from "../i18n/labels";
import { renderBackupsPanel } from "../views/backupsPanel";
import { renderDataPanel } from "../views/dataPanel";
import { renderFeedsPanel } from "../views/feedsPanel";
import { renderImportDialog } from "../views/importDialog";
import { renderPlansPanel } from "../views/plansPanel";
import type { Toasts } from "../views/toasts";
import { renderTrashPanel } from "../views/trashPanel";
import "../views/data.css";
import type { DataContext, Screen } from "./context";

export type DataHost = Omit<DataContext, "api" | "info" | "toasts" | "open" | "close"> & {
  /** Puts a panel in the side slot (null: empties it). */
  show(panel: HTMLElement | null): void;
};

export class DataScreens {
  private info: DataInfo | null = null;
  private current: Screen | null = null;

  constructor(
    private readonly api: Api,
    private readonly toasts: Toasts,
    private readonly host: () => DataHost,
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** « Données » in the header. */
  button(): HTMLElement {
    const b = h("button", { type: "button", class: "btn", "data-testid": "open-data", title: t("data.open") }, t("data.title"));
    b.addEventListener("click", () => void this.open("data"));
    return b;
  }

  async open(screen: Screen, arg?: string): Promise<void> {
    try {
      this.info ??= await this.api.dataInfo();
    } catch (e) {
      this.toasts.error(errorMessage(toErrorPayload(e)));
      return;
    }
    const host = this.host();
    const ctx: DataContext = {
      ...host,
      api: this.api,
      info: this.info,
      toasts: this.toasts,
      open: (s, a) => void this.open(s, a),
      close: () => this.close(),
    };
    this.current = screen;
    const panel =
      screen === "feeds"
        ? renderFeedsPanel(ctx)
        : screen === "backups"
          ? renderBackupsPanel(ctx)
          : screen === "trash"
            ? renderTrashPanel(ctx)
            : screen === "plans"
              ? renderPlansPanel(ctx)
              : screen === "importCsv"
                ? renderImportDialog(ctx, arg ? arg : null)
                : renderDataPanel(ctx);
    host.show(panel);
    panel.querySelector<HTMLElement>("button, input")?.focus();
  }

  close(): void {
    if (this.current === null) return;
    this.current = null;
    this.host().show(null);
  }
}
