// The filter bar: channel, objective, status, event, tag. "" is "all".
import type { Channel, Event, Objective } from "../generated/models";
import { h } from "../dom";
import { isFiltering, NO_FILTER, type Filter } from "../filters";
import { t, type MessageKey } from "../i18n/index";
import { STATUSES, statusLabel } from "../i18n/labels";

export interface FilterBarProps {
  filter: Filter;
  channels: readonly Channel[];
  objectives: readonly Objective[];
  events: readonly Event[];
  tags: readonly string[];
  /** How many posts are hidden by the filter. */
  hidden: number;
  onChange(filter: Filter): void;
}

export function renderFilterBar(p: FilterBarProps): HTMLElement {
  const select = (key: keyof Filter, label: MessageKey, options: [string, string][]) => {
    const s = h("select", { "data-testid": `filter-${key}`, "aria-label": t(label), class: p.filter[key] ? "active" : null });
    s.append(h("option", { value: "" }, t(label)));
    for (const [value, text] of options) s.append(h("option", { value }, text));
    // A remembered value that no longer exists still shows, so it can be cleared.
    if (p.filter[key] && !options.some(([v]) => v === p.filter[key])) s.append(h("option", { value: p.filter[key] }, p.filter[key]));
    s.value = p.filter[key];
    s.addEventListener("change", () => p.onChange({ ...p.filter, [key]: s.value }));
    return s;
  };
  const reset = h("button", { type: "button", class: "btn small", "data-testid": "filter-reset" }, t("filter.reset"));
  reset.disabled = !isFiltering(p.filter);
  reset.addEventListener("click", () => p.onChange({ ...NO_FILTER }));
  return h(
    "div",
    { class: "filter-bar", role: "search", "aria-label": t("filter.label"), "data-testid": "filter-bar" },
    h("span", { class: "filter-label" }, t("filter.label")),
    select("channelId", "filter.allChannels", p.channels.map((c) => [c.id, c.name])),
    select("objectiveId", "filter.allObjectives", p.objectives.map((o) => [o.id, o.title])),
    select("status", "filter.allStatuses", STATUSES.map((s) => [s, statusLabel(s)])),
    select("eventId", "filter.allEvents", p.events.map((e) => [e.id, e.title])),
    select("tag", "filter.allTags", p.tags.map((tag) => [tag, `#${tag}`])),
    reset,
    p.hidden > 0 ? h("span", { class: "filter-hidden muted", "data-testid": "filter-hidden" }, t("filter.hidden", { count: p.hidden })) : null,
  );
}
