// The application: its state, what each user action does, and when the screen is redrawn.
import { toErrorPayload, type Api } from "./api";
import { h } from "./dom";
import { weekLabelParts } from "./format";
import type { Plan, PostView, RangeView } from "./generated/models";
import { getLocale, saveLocale, setLocale, t, type Locale } from "./i18n/index";
import { errorMessage, warningMessage } from "./i18n/labels";
import { bindShortcuts } from "./keyboard";
import { draftOfPost, emptyDraft, inputOfDraft, type Draft } from "./postForm";
import { addDays, mondayOf } from "./time/week";
import { computerZone } from "./time/zone";
import { renderHeader } from "./views/header";
import { renderPostPanel, type PostPanel } from "./views/postPanel";
import { Toasts } from "./views/toasts";
import { renderWeekWarnings } from "./views/warningsPanel";
import { renderWeek } from "./views/week";
import { daysOfWeek, eventsOfWeek, postDay, weekWarnings } from "./weekModel";

interface OpenPanel {
  view: PostView | null;
  ui: PostPanel;
}

export class App {
  private plans: Plan[] = [];
  private planId: string | null = null;
  private today: string;
  private monday: string;
  private range: RangeView | null = null;
  private loadError: string | null = null;
  private loading = false;
  private loadSeq = 0;
  private panel: OpenPanel | null = null;

  private readonly headerSlot = h("div", { class: "header-slot" });
  private readonly mainSlot = h("main", { class: "layout", id: "main" });
  private readonly panelSlot = h("div", { class: "panel-slot" });
  private readonly toasts = new Toasts();

  constructor(
    root: HTMLElement,
    private readonly api: Api,
    today: string,
  ) {
    this.today = today;
    this.monday = mondayOf(today);
    root.replaceChildren(this.headerSlot, this.mainSlot, this.panelSlot, this.toasts.element);
    bindShortcuts(document, {
      prev: () => this.moveWeek(-1),
      next: () => this.moveWeek(1),
      today: () => void this.goToday(),
      newPost: () => this.openNew(this.defaultNewDay()),
      enabled: () => this.panel === null,
    });
  }

  /** Loads the plans, picks the default one and shows the current week. */
  async start(): Promise<void> {
    this.render();
    try {
      const [info, plans] = await Promise.all([this.api.appInfo(), this.api.listPlans()]);
      this.today = info.today;
      this.monday = mondayOf(info.today);
      this.plans = plans;
      this.planId = plans.find((p) => p.id === info.defaultPlanId)?.id ?? plans[0]?.id ?? null;
    } catch (e) {
      this.loadError = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
      this.render();
      return;
    }
    await this.loadWeek();
  }

  private get plan(): Plan | null {
    return this.range?.plan ?? this.plans.find((p) => p.id === this.planId) ?? null;
  }

  async loadWeek(): Promise<void> {
    const seq = ++this.loadSeq;
    if (this.planId === null) {
      this.range = null;
      this.render();
      return;
    }
    this.loading = true;
    this.mainSlot.setAttribute("aria-busy", "true");
    try {
      const range = await this.api.rangeView(this.planId, this.monday, addDays(this.monday, 7));
      if (seq !== this.loadSeq) return;
      this.range = range;
      this.loadError = null;
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.range = null;
      this.loadError = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
    } finally {
      if (seq === this.loadSeq) {
        this.loading = false;
        this.mainSlot.setAttribute("aria-busy", "false");
      }
    }
    this.render();
  }

  private moveWeek(weeks: number): void {
    this.monday = addDays(this.monday, 7 * weeks);
    void this.loadWeek();
  }

  private async goToday(): Promise<void> {
    try {
      this.today = (await this.api.appInfo()).today;
    } catch {
      // Keep the day known at start.
    }
    this.monday = mondayOf(this.today);
    await this.loadWeek();
  }

  /** Today when it is in the week shown, else the week's Monday. */
  private defaultNewDay(): string {
    return mondayOf(this.today) === this.monday ? this.today : this.monday;
  }

  private changeLocale(locale: Locale): void {
    setLocale(locale);
    saveLocale(window.localStorage, locale);
    const draft = this.panel?.ui.readDraft();
    this.render();
    if (this.panel && draft) this.showPanel(this.panel.view, draft);
  }

  render(): void {
    const locale = getLocale();
    const plan = this.plan;
    const sunday = addDays(this.monday, 6);
    const { week, range } = weekLabelParts(this.monday, sunday, locale);
    this.headerSlot.replaceChildren(
      renderHeader({
        plans: this.plans,
        planId: this.planId,
        weekLabel: t("week.label", { week, range }),
        zoneNote: plan && plan.timezone !== computerZone() ? t("header.zoneNote", { zone: plan.timezone }) : null,
        locale,
        onPlan: (id) => {
          this.planId = id;
          this.range = null;
          void this.loadWeek();
        },
        onPrev: () => this.moveWeek(-1),
        onToday: () => void this.goToday(),
        onNext: () => this.moveWeek(1),
        onNewPost: () => this.openNew(this.defaultNewDay()),
        onLocale: (l) => this.changeLocale(l),
      }),
    );
    this.mainSlot.replaceChildren(...this.mainContent());
  }

  private mainContent(): HTMLElement[] {
    if (this.loadError) return [h("div", { class: "notice error", role: "alert", "data-testid": "load-error" }, this.loadError)];
    if (this.planId === null && !this.loading && this.plans.length === 0 && this.range === null) {
      return [h("div", { class: "notice" }, this.loadSeq === 0 ? t("app.loading") : t("app.noPlan"))];
    }
    const range = this.range;
    if (!range) return [h("div", { class: "notice muted" }, t("app.loading"))];
    const locale = getLocale();
    const zone = range.plan.timezone;
    const days = daysOfWeek(range, this.monday);
    const open = (id: string) => this.openEdit(id);
    return [
      renderWeek({
        locale,
        zone,
        showZone: zone !== computerZone(),
        channels: range.channels,
        objectives: range.objectives,
        onOpen: open,
        today: this.today,
        days,
        events: eventsOfWeek(range),
        onNewOn: (date) => this.openNew(date),
      }),
      h(
        "aside",
        { class: "sidebar" },
        renderWeekWarnings({ items: weekWarnings(days), channels: range.channels, locale, zone, onOpen: open }),
        h("p", { class: "shortcuts muted" }, t("app.shortcuts")),
      ),
    ];
  }

  private openNew(date: string): void {
    if (!this.range) return;
    this.showPanel(null, emptyDraft(date));
  }

  private openEdit(postId: string): void {
    const view = this.range?.posts.find((v) => v.post.id === postId);
    if (view) this.showPanel(view, draftOfPost(view.post));
  }

  private showPanel(view: PostView | null, draft: Draft): void {
    const range = this.range;
    if (!range) return;
    const ui = renderPostPanel({
      plan: range.plan,
      channels: range.channels,
      objectives: range.objectives,
      locale: getLocale(),
      post: view?.post ?? null,
      warnings: view?.warnings ?? [],
      draft,
      computerZone: computerZone(),
      onSave: (d) => void this.save(d),
      onDelete: () => void this.remove(),
      onClose: () => this.closePanel(),
    });
    this.panel = { view, ui };
    this.panelSlot.replaceChildren(h("div", { class: "panel-backdrop", "aria-hidden": "true" }), ui.element);
    this.panelSlot.querySelector(".panel-backdrop")?.addEventListener("click", () => this.closePanel());
    ui.focusFirst();
  }

  private closePanel(): void {
    const postId = this.panel?.view?.post.id;
    this.panel = null;
    this.panelSlot.replaceChildren();
    // Give the keyboard focus back to the card that opened the panel, if it is still there.
    if (!postId) return;
    const cards = this.mainSlot.querySelectorAll<HTMLElement>("[data-testid=post-card]");
    [...cards].find((c) => c.dataset["postId"] === postId)?.focus();
  }

  private async save(draft: Draft): Promise<void> {
    const panel = this.panel;
    const plan = this.range?.plan;
    if (!panel || !plan) return;
    panel.ui.setBusy(true);
    try {
      const input = inputOfDraft(draft, plan, panel.view?.post ?? null);
      const saved = panel.view ? await this.api.updatePost(panel.view.post.id, input) : await this.api.createPost(input);
      if (this.panel !== panel) return;
      this.closePanel();
      const day = postDay(saved, plan.timezone);
      if (day !== null && mondayOf(day) !== this.monday) this.monday = mondayOf(day);
      await this.loadWeek();
      const channels = this.range?.channels ?? [];
      const done = t(panel.view ? "toast.saved" : "toast.created");
      if (saved.warnings.length) {
        const list = saved.warnings.map((w) => warningMessage(w, channels)).join(" · ");
        this.toasts.success(t("toast.savedWithWarnings", { warnings: list }));
      } else {
        this.toasts.success(done);
      }
    } catch (e) {
      if (this.panel !== panel) return;
      panel.ui.setBusy(false);
      panel.ui.showError(toErrorPayload(e));
    }
  }

  private async remove(): Promise<void> {
    const panel = this.panel;
    const id = panel?.view?.post.id;
    if (!panel || !id) return;
    panel.ui.setBusy(true);
    try {
      await this.api.deletePost(id);
      this.closePanel();
      await this.loadWeek();
      this.toasts.success(t("toast.deleted"), { label: t("toast.restore"), run: () => void this.restore(id) });
    } catch (e) {
      panel.ui.setBusy(false);
      panel.ui.showError(toErrorPayload(e));
    }
  }

  private async restore(id: string): Promise<void> {
    try {
      await this.api.restorePost(id);
      await this.loadWeek();
      this.toasts.success(t("toast.restored"));
    } catch (e) {
      this.toasts.error(errorMessage(toErrorPayload(e)));
    }
  }
}
