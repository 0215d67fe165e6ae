// The sidebar's "rhythm" box: whose public holidays the plan shows, its recurring slots per
// channel (listed, removed, added with a simple picker or an RRULE), and the "S" key hint.
import type { Api } from "../api";
import { toErrorPayload } from "../api";
import { ruleOf, pickOf, WEEKDAYS, weekdayNames, type RulePick, type Weekday } from "../campaigns/rules";
import { h } from "../dom";
import type { CalendarOverlay, Channel, HolidayRegion, Plan } from "../generated/models";
import { intlTag, t, type Locale } from "../i18n/index";
import { dateInput, parseTimeField, readDateField, TIME_PATTERN } from "../time/fields";
import { errorMessage } from "../i18n/labels";

export interface RhythmProps {
  api: Api;
  plan: Plan;
  overlay: CalendarOverlay;
  channels: readonly Channel[];
  locale: Locale;
  today: string;
  /** Something changed: ask the core again. */
  onChanged(): void;
}

const REGIONS: readonly HolidayRegion[] = ["none", "fr", "ca_qc"];

export function describeRule(rule: string, locale: Locale): string {
  const pick = pickOf(rule);
  const names = weekdayNames(intlTag(locale), "long");
  const name = (d: Weekday) => names[WEEKDAYS.indexOf(d)] ?? d;
  if (pick.kind === "weekly" && pick.days.length) return t("rhythm.weekly", { days: pick.days.map(name).join(", ") });
  if (pick.kind === "monthly") return t(pick.nth === -1 ? "rhythm.lastOfMonth" : "rhythm.nthOfMonth", { nth: pick.nth, day: name(pick.day) });
  return rule;
}

export function renderRhythm(p: RhythmProps): HTMLElement {
  const error = h("div", {});
  const fail = (e: unknown) => error.replaceChildren(h("p", { class: "field-error", role: "alert", "data-testid": "field-error" }, errorMessage(toErrorPayload(e))));

  const region = h("select", { "data-testid": "holiday-region", "aria-label": t("rhythm.holidays") });
  for (const r of REGIONS) region.append(h("option", { value: r }, t(`rhythm.region.${r}`)));
  region.value = p.overlay.region;
  region.addEventListener("change", async () => {
    try {
      await p.api.setHolidayRegion(p.plan.id, region.value as HolidayRegion);
      p.onChanged();
    } catch (e) {
      fail(e);
    }
  });

  const channelName = (id: string) => p.channels.find((c) => c.id === id)?.name ?? "?";
  const list = p.overlay.slots.map((s) => {
    const del = h("button", { type: "button", class: "btn icon small", title: t("rhythm.remove"), "aria-label": t("rhythm.remove"), "data-testid": "delete-slot" }, "×");
    del.addEventListener("click", async () => {
      try {
        await p.api.deleteSlot(s.id);
        p.onChanged();
      } catch (e) {
        fail(e);
      }
    });
    return h(
      "div",
      { class: "rhythm-slot", "data-testid": "slot-row" },
      h("span", {}, h("strong", {}, channelName(s.channelId)), ` · ${describeRule(s.rule, p.locale)} · ${s.time.slice(0, 5)}`),
      del,
    );
  });

  // The add form.
  const channel = h("select", { "aria-label": t("rhythm.channel"), "data-testid": "slot-channel" });
  for (const c of p.channels) channel.append(h("option", { value: c.id }, c.name));
  const kind = h("select", { "aria-label": t("rhythm.pattern"), "data-testid": "slot-pattern" });
  for (const k of ["weekly", "monthly", "custom"] as const) kind.append(h("option", { value: k }, t(`rhythm.pattern.${k}`)));
  const names = weekdayNames(intlTag(p.locale));
  const dayBoxes = WEEKDAYS.map((d, i) => {
    const box = h("input", { type: "checkbox", value: d, checked: d === "TU" || d === "TH" });
    return { d, box, label: h("label", {}, box, ` ${names[i] ?? d}`) };
  });
  const nth = h("select", { "aria-label": t("rhythm.nth") });
  for (const n of [1, 2, 3, 4, -1]) nth.append(h("option", { value: String(n) }, t(n === -1 ? "rhythm.last" : "rhythm.nth.n", { nth: n })));
  const monthDay = h("select", { "aria-label": t("rhythm.day") });
  WEEKDAYS.forEach((d, i) => monthDay.append(h("option", { value: d }, names[i] ?? d)));
  const custom = h("input", { type: "text", placeholder: "FREQ=WEEKLY;BYDAY=MO", "aria-label": "RRULE", "data-testid": "slot-rule" });
  const time = h("input", { type: "text", value: "10:00", placeholder: TIME_PATTERN, class: "time-field", "aria-label": t("rhythm.time"), "data-testid": "slot-time" });
  const until = dateInput("", p.locale, { "aria-label": t("rhythm.until"), title: t("rhythm.until") });
  const days = h("div", { class: "rhythm-days" }, ...dayBoxes.map((b) => b.label));
  const monthly = h("span", {}, nth, " ", monthDay);
  const showKind = () => {
    days.hidden = kind.value !== "weekly";
    monthly.hidden = kind.value !== "monthly";
    custom.hidden = kind.value !== "custom";
  };
  kind.addEventListener("change", showKind);
  showKind();
  const add = h("button", { type: "button", class: "btn small", "data-testid": "add-slot" }, t("rhythm.add"));
  add.addEventListener("click", async () => {
    error.replaceChildren();
    const pick: RulePick =
      kind.value === "weekly"
        ? { kind: "weekly", days: dayBoxes.filter((b) => b.box.checked).map((b) => b.d) }
        : kind.value === "monthly"
          ? { kind: "monthly", nth: Number(nth.value), day: monthDay.value as Weekday }
          : { kind: "custom", text: custom.value };
    try {
      await p.api.createSlot({
        channelId: channel.value,
        rule: ruleOf(pick),
        time: `${parseTimeField(time.value) || time.value.trim() || "10:00"}:00`.slice(0, 8),
        start: p.today,
        until: readDateField(until, p.locale) || null,
        skipped: [],
        label: "",
      });
      p.onChanged();
    } catch (e) {
      fail(e);
    }
  });

  return h(
    "section",
    { class: "rhythm", "data-testid": "rhythm" },
    h("h3", {}, t("rhythm.title")),
    h("label", {}, `${t("rhythm.holidays")} `, region),
    ...list,
    p.channels.length
      ? h("details", { class: "rhythm-add" }, h("summary", {}, t("rhythm.addTitle")), h("div", { class: "rhythm-form" }, channel, kind, days, monthly, custom, time, until, add))
      : null,
    error,
    h("p", { class: "muted" }, t("rhythm.nextHint")),
  );
}
