// The frame of every « Données » screen: a side panel with a title, a close button, Escape to
// close, and an error line that shows the core's error translated.
import type { ErrorPayload } from "../generated/models";
import { h } from "../dom";
import { t } from "../i18n/index";
import { errorMessage } from "../i18n/labels";

export interface Shell {
  element: HTMLElement;
  body: HTMLElement;
  /** Shows an error under the title (or clears it with null). */
  error(e: ErrorPayload | null): void;
}

export function renderShell(testid: string, title: string, onClose: () => void, onBack?: () => void): Shell {
  const close = h("button", { type: "button", class: "btn icon", "aria-label": t("panel.close"), title: t("panel.close"), "data-testid": "data-close" }, "×");
  close.addEventListener("click", onClose);
  const back = onBack ? h("button", { type: "button", class: "btn small", "data-testid": "data-back" }, t("data.back")) : null;
  back?.addEventListener("click", onBack ?? (() => undefined));
  const errorLine = h("div", { class: "data-error-slot" });
  const body = h("div", { class: "settings-body data-body" });
  const element = h(
    "aside",
    { class: "post-panel settings-panel data-panel", "data-testid": testid, role: "dialog", "aria-labelledby": `${testid}-title` },
    h("header", { class: "panel-header" }, back, h("h2", { id: `${testid}-title` }, title), close),
    errorLine,
    body,
  );
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onClose();
    }
  });
  return {
    element,
    body,
    error(e) {
      errorLine.replaceChildren(
        e ? h("p", { class: "field-error", role: "alert", "data-testid": "data-error", "data-code": e.code, "data-field": e.field ?? "" }, errorMessage(e)) : "",
      );
    },
  };
}

/** A button that shows a spinner and is disabled while `run` works. */
export function busyButton(testid: string, label: string, cls: string, run: () => Promise<void>): HTMLButtonElement {
  const b = h("button", { type: "button", class: cls, "data-testid": testid }, label);
  b.addEventListener("click", () => {
    if (b.disabled) return;
    b.disabled = true;
    b.setAttribute("aria-busy", "true");
    b.prepend(h("span", { class: "spinner", "aria-hidden": "true" }));
    void run().finally(() => {
      b.disabled = false;
      b.removeAttribute("aria-busy");
      b.querySelector(".spinner")?.remove();
    });
  });
  return b;
}

export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: "data-section" }, h("h3", {}, title), ...children);
}
