// The top bar: plan, week navigation, week label, new post, language.
import type { Plan } from "../generated/models";
import { h } from "../dom";
import { LOCALES, t, type Locale } from "../i18n/index";

export interface HeaderProps {
  plans: readonly Plan[];
  planId: string | null;
  weekLabel: string;
  zoneNote: string | null;
  locale: Locale;
  onPlan(planId: string): void;
  onPrev(): void;
  onToday(): void;
  onNext(): void;
  onNewPost(): void;
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

  return h(
    "header",
    { class: "topbar" },
    h("div", { class: "brand" }, h("span", { class: "brand-name" }, t("app.name")), h("span", { class: "brand-tagline" }, t("app.tagline"))),
    h("label", { class: "plan-picker" }, h("span", { class: "visually-hidden" }, t("header.plan")), planSelect),
    h(
      "nav",
      { class: "week-nav", "aria-label": t("header.weekNav") },
      navButton("prev-week", t("header.prevWeek"), "‹", p.onPrev),
      navButton("today", t("header.today"), t("header.today"), p.onToday, "btn"),
      navButton("next-week", t("header.nextWeek"), "›", p.onNext),
    ),
    h(
      "div",
      { class: "week-title" },
      h("h1", { "data-testid": "week-label", "aria-live": "polite" }, p.weekLabel),
      p.zoneNote ? h("span", { class: "zone-note", "data-testid": "zone-note" }, p.zoneNote) : null,
    ),
    h("div", { class: "topbar-actions" }, newPost, langSelect),
  );
}
