// Short messages: successes in a polite status region, errors in an alert region.
import { h } from "../dom";
import { t } from "../i18n/index";

export interface ToastAction {
  label: string;
  run(): void;
}

export class Toasts {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly alert: HTMLElement;

  constructor() {
    this.status = h("div", { class: "toast-region", role: "status", "aria-live": "polite", "data-testid": "toast-status" });
    this.alert = h("div", { class: "toast-region", role: "alert", "data-testid": "toast-alert" });
    this.element = h("div", { class: "toasts" }, this.status, this.alert);
  }

  success(message: string, action?: ToastAction): void {
    this.show(this.status, "toast success", message, action, 6000);
  }

  error(message: string): void {
    this.show(this.alert, "toast error", message, undefined, 10000);
  }

  private show(region: HTMLElement, cls: string, message: string, action: ToastAction | undefined, ms: number): void {
    const close = h("button", { type: "button", class: "toast-close", "aria-label": t("toast.dismiss"), title: t("toast.dismiss") }, "×");
    const toast = h("div", { class: cls }, h("span", { class: "toast-text" }, message));
    if (action) {
      const b = h("button", { type: "button", class: "toast-action" }, action.label);
      b.addEventListener("click", () => {
        toast.remove();
        action.run();
      });
      toast.append(b);
    }
    toast.append(close);
    close.addEventListener("click", () => toast.remove());
    region.replaceChildren(toast);
    window.setTimeout(() => toast.remove(), ms);
  }
}
