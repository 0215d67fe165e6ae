// The top bar: plan, week navigation, week label, new post, language.
import type { Plan } from "../generated/models";
import { h } from "../dom";
import { LOCALES, t, type Locale } from "../i18n/index";
import type { ViewKey } from "../keyboard";

export const VIEWS: readonly ViewKey[] = ["week", "month", "agenda", "lanes"];

export interface HeaderProps {
  plans: readonly Plan[];
  planId: string | null;
  weekLabel: string;
  zoneNote: string | null;
  locale: Locale;
  view: ViewKey;
  onView(view: ViewKey): void;
  onPlan(planId: string): void;
  onPrev(): void;
  onToday(): void;
  onNext(): void;
  onNewPost(): void;
  onSettings(): void;
  onLocale(locale: Locale): void;
}

export function renderHeader(p: HeaderProps): HTMLElement {
  const planSelect = h("select", { "data-testid": "plan-select", "aria-label": t("header.plan") });
  for (const plan of p.plans) {
    planSelect.append(h("option", { value: plan.id, selected: plan.id === p.planId }, plan.name));
  }
  planSelect.disabled = p.plans.length === 0;
  planSelect.addEventListener("change", () => p.onPlan(planSelect.value));

  const langSelect = h("select", { "data-testid": "lang-select", "aria-label": t("header.language") });
  for (const locale of LOCALES) {
    langSelect.append(h("option", { value: locale, selected: locale === p.locale }, t(`lang.${locale}`)));
  }
  langSelect.addEventListener("change", () => {
    const value = LOCALES.find((l) => l === langSelect.value);
    if (value) p.onLocale(value);
  });

  const navButton = (testid: string, label: string, text: string, onClick: () => void, cls = "btn nav") => {
    const b = h("button", { type: "button", class: cls, "data-testid": testid, title: label, "aria-label": label }, text);
    b.addEventListener("click", onClick);
    return b;
  };

  const newPost = h("button", { type: "button", class: "btn primary", "data-testid": "new-post" }, t("header.newPost"));
  newPost.addEventListener("click", p.onNewPost);
  newPost.disabled = p.planId === null;
  const settings = h("button", { type: "button", class: "btn", "data-testid": "plan-settings", title: t("settings.open"), "aria-label": t("settings.open") }, "⚙");
  settings.addEventListener("click", p.onSettings);
  settings.disabled = p.planId === null;

  return h(
    "header",
    { class: "topbar" },
    h("div", { class: "brand" }, h("span", { class: "brand-name" }, t("app.name")), h("span", { class: "brand-tagline" }, t("app.tagline"))),
    h("label", { class: "plan-picker" }, h("span", { class: "visually-hidden" }, t("header.plan")), planSelect),
    h(
      "nav",
      { class: "week-nav", "aria-label": t("header.weekNav") },
      navButton("prev-week", t(p.view === "month" ? "header.prevMonth" : "header.prevWeek"), "‹", p.onPrev),
      navButton("today", t("header.today"), t("header.today"), p.onToday, "btn"),
      navButton("next-week", t(p.view === "month" ? "header.nextMonth" : "header.nextWeek"), "›", p.onNext),
    ),
    h(
      "div",
      { class: "week-title" },
      h("h1", { "data-testid": "week-label", "aria-live": "polite" }, p.weekLabel),
      p.zoneNote ? h("span", { class: "zone-note", "data-testid": "zone-note" }, p.zoneNote) : null,
    ),
    h("div", { class: "topbar-actions" }, newPost, settings, langSelect),
  );
}

/** The view buttons: week, month, agenda, channel lanes (keys 1 to 4). */
export function renderViewSwitch(p: Pick<HeaderProps, "view" | "onView">): HTMLElement {
  const group = h("div", { class: "view-switch", role: "group", "aria-label": t("view.label"), "data-testid": "view-switch" });
  VIEWS.forEach((view, i) => {
    const b = h(
      "button",
      {
        type: "button",
        class: `btn seg${view === p.view ? " active" : ""}`,
        "data-testid": `view-${view}`,
        "aria-pressed": view === p.view ? "true" : "false",
        title: `${t(`view.${view}`)} (${i + 1})`,
      },
      t(`view.${view}`),
    );
    b.addEventListener("click", () => p.onView(view));
    group.append(b);
  });
  return group;
}
