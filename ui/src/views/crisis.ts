// The crisis screen: crisis plan (contacts, steps, holding statements), « Tout suspendre »
// with a reason and a confirmation, « Reprendre », the log; and the red banner shown across
// the app while a hold is in force.
import type { Api } from "../api";
import { toErrorPayload } from "../api";
import { bannerState } from "../dashboardModel";
import { h } from "../dom";
import type { CrisisPlan, CrisisState, Plan } from "../generated/models";
import { getLocale, intlTag, t } from "../i18n/index";
import { errorMessage } from "../i18n/labels";

const when = (at: string) => new Intl.DateTimeFormat(intlTag(getLocale()), { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));

/** The red banner, or nothing (an empty, hidden element) when no hold is in force. */
export function renderCrisisBanner(state: CrisisState | null, onResume: () => void, onOpen: () => void): HTMLElement {
  const b = bannerState(state);
  if (b.kind === "none") return h("div", { class: "crisis-banner-slot", hidden: true });
  const resume = h("button", { type: "button", class: "btn", "data-testid": "crisis-resume" }, t("crisis.resume"));
  resume.addEventListener("click", onResume);
  const open = h("button", { type: "button", class: "btn link", "data-testid": "crisis-open-plan" }, t("crisis.openPlan"));
  open.addEventListener("click", onOpen);
  return h(
    "div",
    { class: "crisis-banner", role: "alert", "data-testid": "crisis-banner" },
    h("span", { class: "pause-icon", "aria-hidden": "true" }),
    h("strong", {}, t("crisis.bannerTitle", { count: b.held })),
    h("span", { class: "crisis-reason" }, t("crisis.bannerReason", { reason: b.reason, since: when(b.since) })),
    open,
    resume,
  );
}

export interface CrisisProps {
  api: Api;
  plan: Plan;
  onClose(): void;
  /** Statuses changed (hold or resume): the app refreshes its view and banner. */
  onChanged(): Promise<void>;
}

export function openCrisis(p: CrisisProps): { element: HTMLElement; reload(): Promise<void>; destroy(): void } {
  const body = h("div", { class: "sb-body" });
  const status = h("p", { class: "sb-status", role: "status", "data-testid": "crisis-status" });
  const close = h("button", { type: "button", class: "btn", "data-testid": "crisis-close" }, t("dash.back"));
  close.addEventListener("click", p.onClose);
  const element = h("section", { class: "sb-screen", "data-testid": "crisis", role: "region", "aria-label": t("crisis.title") }, h("div", { class: "sb-bar" }, close, h("h1", {}, t("crisis.title"))), status, body);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") p.onClose();
  };
  document.addEventListener("keydown", onKey);

  const fail = (e: unknown) => {
    status.textContent = errorMessage(toErrorPayload(e));
  };

  function switchCard(s: CrisisState): HTMLElement {
    const reason = h("textarea", { id: "crisis-reason", rows: 2, required: true, "data-testid": "crisis-reason", placeholder: t(s.active ? "crisis.resumeReasonHint" : "crisis.reasonHint") });
    const error = h("p", { class: "field-error", role: "alert" });
    const confirmBox = h("div", { class: "crisis-confirm", hidden: true });
    const go = h("button", { type: "button", class: s.active ? "btn primary" : "btn danger", "data-testid": s.active ? "crisis-resume-go" : "crisis-hold" }, t(s.active ? "crisis.resume" : "crisis.hold"));
    go.addEventListener("click", () => {
      error.textContent = "";
      if (reason.value.trim() === "") {
        error.textContent = t("crisis.reasonRequired");
        reason.focus();
        return;
      }
      const yes = h("button", { type: "button", class: s.active ? "btn primary" : "btn danger", "data-testid": "crisis-confirm" }, t(s.active ? "crisis.confirmResume" : "crisis.confirmHold"));
      const no = h("button", { type: "button", class: "btn" }, t("crisis.cancel"));
      no.addEventListener("click", () => {
        confirmBox.hidden = true;
        go.hidden = false;
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        try {
          const entry = s.active ? await p.api.resumeHeldPosts(p.plan.id, reason.value) : await p.api.holdScheduledPosts(p.plan.id, reason.value);
          status.textContent = t(s.active ? "crisis.resumed" : "crisis.held", { count: entry.posts });
          await p.onChanged();
          await reload(false);
        } catch (e) {
          fail(e);
          yes.disabled = false;
        }
      });
      confirmBox.replaceChildren(h("p", {}, t(s.active ? "crisis.confirmResumeText" : "crisis.confirmHoldText")), yes, " ", no);
      confirmBox.hidden = false;
      go.hidden = true;
      yes.focus();
    });
    return h(
      "section",
      { class: `sb-card crisis-switch${s.active ? " on" : ""}` },
      h("h3", {}, t(s.active ? "crisis.activeTitle" : "crisis.switchTitle")),
      h("p", {}, t(s.active ? "crisis.activeText" : "crisis.switchText", { count: s.heldPosts })),
      h("label", { for: "crisis-reason" }, t("crisis.reason")),
      reason,
      error,
      go,
      confirmBox,
    );
  }

  function listEditor<T>(title: string, testid: string, items: T[], blank: () => T, row: (item: T, set: (v: T) => void) => HTMLElement[]): HTMLElement {
    const box = h("section", { class: "sb-card", "data-testid": testid }, h("h3", {}, title));
    const list = h("ol", { class: "crisis-list" });
    const draw = () => {
      list.replaceChildren(
        ...items.map((item, i) => {
          const remove = h("button", { type: "button", class: "btn small", "aria-label": t("crisis.remove") }, "✕");
          remove.addEventListener("click", () => {
            items.splice(i, 1);
            draw();
          });
          return h("li", {}, ...row(item, (v) => (items[i] = v)), remove);
        }),
      );
    };
    const add = h("button", { type: "button", class: "btn small" }, t("crisis.add"));
    add.addEventListener("click", () => {
      items.push(blank());
      draw();
      list.querySelector<HTMLElement>("li:last-child input, li:last-child textarea")?.focus();
    });
    draw();
    box.append(list, add);
    return box;
  }

  function input(label: string, value: string, set: (v: string) => void, type = "text", area = false): HTMLElement {
    const el = area ? h("textarea", { rows: 3, "aria-label": label, placeholder: label }) : h("input", { type, "aria-label": label, placeholder: label, value });
    if (area) el.value = value;
    el.addEventListener("input", () => set(el.value));
    return el;
  }

  function planEditor(plan: CrisisPlan): HTMLElement[] {
    const contacts = listEditor(t("crisis.contacts"), "crisis-contacts", plan.contacts, () => ({ name: "", role: "", phone: "", email: "" }), (c, set) => [
      input(t("crisis.name"), c.name, (v) => set((c = { ...c, name: v }))),
      input(t("crisis.role"), c.role, (v) => set((c = { ...c, role: v }))),
      input(t("crisis.phone"), c.phone, (v) => set((c = { ...c, phone: v })), "tel"),
      input(t("crisis.email"), c.email, (v) => set((c = { ...c, email: v })), "email"),
    ]);
    const steps = listEditor(t("crisis.steps"), "crisis-steps", plan.steps, () => "", (s, set) => [input(t("crisis.step"), s, set)]);
    const statements = listEditor(t("crisis.statements"), "crisis-statements", plan.statements, () => ({ title: "", body: "" }), (s, set) => [
      input(t("crisis.statementTitle"), s.title, (v) => set((s = { ...s, title: v }))),
      input(t("crisis.statementBody"), s.body, (v) => set((s = { ...s, body: v })), "text", true),
    ]);
    const save = h("button", { type: "button", class: "btn primary", "data-testid": "crisis-save" }, t("crisis.save"));
    save.addEventListener("click", async () => {
      try {
        await p.api.saveCrisisPlan(p.plan.id, plan);
        status.textContent = t("crisis.saved");
      } catch (e) {
        fail(e);
      }
    });
    return [contacts, steps, statements, h("div", { class: "sb-actions" }, save)];
  }

  async function reload(clear = true): Promise<void> {
    if (clear) status.textContent = "";
    try {
      const [s, plan, log] = await Promise.all([p.api.crisisState(p.plan.id), p.api.crisisPlan(p.plan.id), p.api.crisisLog(p.plan.id)]);
      const logCard = h(
        "section",
        { class: "sb-card sb-wide", "data-testid": "crisis-log" },
        h("h3", {}, t("crisis.log")),
        log.length
          ? h("ul", { class: "sb-list" }, ...log.map((e) => h("li", {}, h("span", { class: "sb-day" }, when(e.at)), h("strong", {}, t(e.action === "hold" ? "crisis.logHold" : "crisis.logResume", { count: e.posts })), h("span", { class: "sb-text" }, e.reason), e.kept ? h("span", { class: "sb-note" }, t("crisis.kept", { count: e.kept })) : null)))
          : h("p", { class: "muted" }, t("crisis.noLog")),
      );
      body.replaceChildren(h("div", { class: "sb-grid" }, switchCard(s), ...planEditor(plan), logCard));
    } catch (e) {
      fail(e);
    }
  }

  void reload();
  return {
    element,
    reload,
    destroy() {
      document.removeEventListener("keydown", onKey);
    },
  };
}
