// "Warnings this week": every warning of the week's posts, each opening its post.
import type { Channel } from "../generated/models";
import { h } from "../dom";
import { formatShortDay } from "../format";
import { t, type Locale } from "../i18n/index";
import { warningMessage } from "../i18n/labels";
import type { WeekWarning } from "../weekModel";
import { postDay } from "../weekModel";

export interface WarningsProps {
  items: readonly WeekWarning[];
  channels: readonly Channel[];
  locale: Locale;
  zone: string;
  /** Opens the post with the cursor in the field to fix. */
  onOpen(postId: string, field?: string): void;
  title?: string;
}

/** A busy month can hold hundreds of warnings: the list shows the first ones and says how many more. */
export const MAX_SHOWN = 50;

export function renderWeekWarnings(p: WarningsProps): HTMLElement {
  const list = h("ul", { class: "week-warnings-list" });
  for (const { view, warning } of p.items.slice(0, MAX_SHOWN)) {
    const day = postDay(view, p.zone);
    const button = h(
      "button",
      { type: "button", class: "week-warning", "data-post-id": view.post.id, "data-code": warning.code },
      h("span", { class: "warning-icon", "aria-hidden": "true" }, "⚠"),
      h(
        "span",
        { class: "week-warning-text" },
        h("span", { class: "week-warning-post" }, view.post.title),
        h("span", { class: "week-warning-message" }, warningMessage(warning, p.channels)),
      ),
      day ? h("span", { class: "week-warning-day" }, formatShortDay(day, p.locale)) : null,
    );
    button.addEventListener("click", () => p.onOpen(view.post.id, warning.field));
    list.append(h("li", {}, button));
  }
  return h(
    "section",
    { class: "week-warnings", "data-testid": "week-warnings", "aria-labelledby": "week-warnings-title" },
    h(
      "h2",
      { id: "week-warnings-title" },
      p.title ?? t("weekWarnings.title"),
      p.items.length ? h("span", { class: "count", "data-testid": "week-warnings-count" }, String(p.items.length)) : null,
    ),
    p.items.length ? list : h("p", { class: "muted" }, t("weekWarnings.none")),
    p.items.length > MAX_SHOWN
      ? h("p", { class: "muted week-warnings-more", "data-testid": "week-warnings-more" }, t("weekWarnings.more", { count: p.items.length - MAX_SHOWN }))
      : null,
  );
}
