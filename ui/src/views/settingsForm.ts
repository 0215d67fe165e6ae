// What the settings rows (objectives, channels, events: planSettings.ts) and the plans screen
// (plansPanel.ts) do when an action runs: the save button is off meanwhile, and the core's
// error is shown translated under the row, its field marked invalid and focused.
import { toErrorPayload } from "../api";
import { h } from "../dom";
import type { ErrorPayload } from "../generated/models";
import { errorMessage } from "../i18n/labels";

/** Runs row actions: `fieldOf` maps an error's field to the row's control (by default, by name). */
export function rowRunner(o: {
  fields: Record<string, HTMLElement>;
  error: HTMLElement;
  saveBtn: HTMLButtonElement;
  fieldOf?: (field: string) => HTMLElement | undefined;
}): (action: () => Promise<unknown>) => Promise<void> {
  const show = (e: ErrorPayload) => {
    const field = e.field ?? "";
    const target = o.fieldOf?.(field) ?? o.fields[field];
    target?.setAttribute("aria-invalid", "true");
    o.error.replaceChildren(h("p", { class: "field-error", role: "alert", "data-testid": "field-error", "data-field": field, "data-code": e.code }, errorMessage(e)));
    target?.focus();
  };
  return async (action) => {
    o.error.replaceChildren();
    for (const f of Object.values(o.fields)) f.removeAttribute("aria-invalid");
    o.saveBtn.disabled = true;
    try {
      await action();
    } catch (e) {
      show(toErrorPayload(e));
    } finally {
      o.saveBtn.disabled = false;
    }
  };
}
