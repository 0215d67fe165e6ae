// The application: its state, what each user action does, and when the screen is redrawn.
import { toErrorPayload, type Api } from "./api";
import { capPerDay, eventEntry, postEntry, type CalendarEvent } from "./calendar/model";
import { h } from "./dom";
import { filterPosts, loadFilter, NO_FILTER, saveFilter, tagsOf, type Filter } from "./filters";
import { formatDayHeading, weekLabelParts } from "./format";
import type { AppInfo, Plan, PlanOverview, PostView, RangeView } from "./generated/models";
import { getLocale, intlTag, saveLocale, setLocale, t, type Locale } from "./i18n/index";
import { errorMessage, warningMessage } from "./i18n/labels";
import { bindShortcuts, isTypingTarget, type ViewKey } from "./keyboard";
import { DataScreens, type DataHost } from "./data/screens";
import type { Deletion } from "./undo";
import { draftOfPost, emptyDraft, inputOfDraft, type Draft } from "./postForm";
import { Moves } from "./moves";
import { addDays, weekDays, weekStart } from "./time/week";
import { computerZone, localDateTime } from "./time/zone";
import type { CalendarView } from "./views/calendar";
import { entryContent, firstDayOf, postAccent } from "./views/calendarShared";
import { renderFirstWeek } from "./views/firstWeek";
import { renderFilterBar } from "./views/filterBar";
import { renderHeader, renderViewSwitch, VIEWS } from "./views/header";
import { renderLanes } from "./views/lanes";
import { renderPlanSettings } from "./views/planSettings";
import { renderPostPanel, type PostPanel } from "./views/postPanel";
import type { CardContext } from "./views/postCard";
import { Toasts } from "./views/toasts";
import { renderWeekWarnings } from "./views/warningsPanel";
import { StrategyBScreens } from "./views/strategyBScreens";
import { postDay, weekWarnings } from "./weekModel";
import { channelForNextSlot, EMPTY_OVERLAY, holidayEntries, slotEntries } from "./calendar/overlay";
import type { CalendarOverlay, Event as PlanEvent, OpenSlot } from "./generated/models";
import { renderCampaignPanel } from "./views/campaigns";
import { renderRhythm } from "./views/rhythm";
import { afterPaint, startupSteps } from "./startupTrace";

interface OpenPanel {
  view: PostView | null;
  ui: PostPanel;
}

const VIEW_KEY = "cadence.view";

/** FullCalendar and the views built on it: a chunk of its own (about 260 kB), loaded once the
 *  start-up frame is painted, so that its parsing does not delay that frame. */
let calendarModule: Promise<typeof import("./views/calendar")> | null = null;
function loadCalendarModule(): Promise<typeof import("./views/calendar")> {
  calendarModule ??= import("./views/calendar");
  return calendarModule;
}
/** Posts drawn in a month cell before the "+N" entry. */
const MONTH_POSTS_PER_DAY = 3;

function savedView(): ViewKey {
  try {
    const v = window.localStorage.getItem(VIEW_KEY);
    return VIEWS.find((x) => x === v) ?? "week";
  } catch {
    return "week";
  }
}

export class App {
  /** The first drawn view with data was reported to the shell. */
  private reportedReady = false;
  /** The start-up frame of the week is on screen: FullCalendar replaces it (views/firstWeek.ts). */
  private firstFrame: { from: string; to: string; entries: CalendarEvent[] } | null = null;
  /** Counts the views built, so a view built after one frame does not replace a newer one. */
  private mounts = 0;
  /** What waits for the calendar being built (keys pressed meanwhile). */
  private afterCalendar: (() => void)[] = [];
  private plans: Plan[] = [];
  private planId: string | null = null;
  private overview: PlanOverview | null = null;
  private today: string;
  private view: ViewKey = savedView();
  /** A day of the range in view. */
  private anchor: string;
  /** The visible range, `[from, to)`, and its title. */
  private from = "";
  private to = "";
  private title = "";
  private range: RangeView | null = null;
  private filter: Filter = { ...NO_FILTER };
  private loadError: string | null = null;
  private loadSeq = 0;
  private panel: OpenPanel | null = null;
  private calendar: CalendarView | null = null;
  private settingsOpen = false;
  private readonly moves: Moves;
  private started = false;
  /** Holidays and open slots of the range in view (campaigns, slots and holidays). */
  private overlay: CalendarOverlay = EMPTY_OVERLAY;
  /** A post whose card takes the focus once the view is redrawn (keyboard moves). */
  private focusAfter: string | null = null;

  private readonly headerSlot = h("div", { class: "header-slot" });
  private readonly filterSlot = h("div", { class: "filter-slot" });
  private readonly viewSlot = h("div", { class: "view-slot" });
  private readonly sideSlot = h("aside", { class: "sidebar" });
  private readonly mainSlot = h("main", { class: "layout", id: "main" }, this.viewSlot, this.sideSlot);
  private readonly panelSlot = h("div", { class: "panel-slot" });
  private readonly toasts = new Toasts();
  /** The « Données » screens (exports, feeds, backups, trash, imports, plans). */
  private readonly data: DataScreens;
  // Dashboard, crisis plan and banner (strategy-b).
  private readonly screens: StrategyBScreens;
  /** The first range, asked for with the plan's overview so the first view draws once, with
   *  its posts (start-up path: see openPlan). Used once, by the first query of that range. */
  private preloaded: { planId: string; from: string; to: string; range: RangeView } | null = null;

  constructor(
    root: HTMLElement,
    private readonly api: Api,
    today: string,
  ) {
    this.today = today;
    this.anchor = today;
    this.screens = new StrategyBScreens({
      api,
      plan: () => this.plan,
      today: () => this.today,
      openPost: (postId, day, field) => this.openPostOn(postId, day, field),
      refresh: () => this.refresh(),
      busy: () => this.panel !== null || this.settingsOpen,
      toast: (m) => this.toasts.error(m),
    });
    root.replaceChildren(this.screens.bannerSlot, this.headerSlot, this.filterSlot, this.mainSlot, this.screens.screenSlot, this.panelSlot, this.toasts.element);
    this.data = new DataScreens(api, this.toasts, () => this.dataHost());
    this.moves = new Moves(api, this.toasts, {
      post: (id) => this.range?.posts.find((v) => v.post.id === id),
      zone: () => this.zone,
      refresh: () => this.refresh(),
      focusAfter: (id) => {
        this.focusAfter = id;
      },
      restored: (d) => this.afterRestore(d),
    });
    bindShortcuts(document, {
      prev: () => this.step(-1),
      next: () => this.step(1),
      today: () => void this.goToday(),
      newPost: () => this.openNew(this.defaultNewDay()),
      view: (v) => this.setView(v),
      undo: () => void this.moves.undoLast(),
      movePost: (days) => this.moves.moveFocused(days),
      enabled: () => this.panel === null && !this.settingsOpen && !this.data.isOpen,
    });
    document.addEventListener("keydown", (e) => this.onNextSlotKey(e));
  }

  /** Loads the plans, picks the default one and shows the current week. `known` holds the
   *  answers of `app_info` and `list_plans` when the caller already has them. */
  async start(known?: { info: AppInfo; plans: Plan[] }): Promise<void> {
    // "Loading…" only when start-up is slow: drawing it costs the first frame a layout and a paint.
    const loading = window.setTimeout(() => this.renderChrome(), 300);
    this.started = false;
    try {
      const [info, plans] = known ? [known.info, known.plans] : await Promise.all([this.api.appInfo(), this.api.listPlans()]);
      performance.mark("cadence:plans");
      this.today = info.today;
      this.anchor = info.today;
      this.plans = plans;
      this.planId = plans.find((p) => p.id === info.defaultPlanId)?.id ?? plans[0]?.id ?? null;
      this.started = true;
    } catch (e) {
      window.clearTimeout(loading);
      this.loadError = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
      this.renderChrome();
      return;
    }
    await this.openPlan(loading);
  }

  private get plan(): Plan | null {
    return this.plans.find((p) => p.id === this.planId) ?? this.range?.plan ?? null;
  }

  private get zone(): string {
    return this.plan?.timezone ?? computerZone();
  }

  /** Loads the plan's channels, objectives and events (for the filters), then its view. A
   *  week-long view's range is asked for at the same time, so that the view is drawn once, with
   *  its posts (the calendar would otherwise draw an empty week, then again with the posts). */
  private async openPlan(loading?: number): Promise<void> {
    this.range = null;
    this.overview = null;
    this.preloaded = null;
    this.moves.clear();
    if (this.planId === null) {
      window.clearTimeout(loading);
      this.unmountView();
      this.renderChrome();
      return;
    }
    const planId = this.planId;
    this.filter = loadFilter(window.localStorage, planId);
    const from = weekStart(this.anchor, firstDayOf(getLocale()));
    const to = addDays(from, 7);
    try {
      // The week's holidays and open slots too, so that its first drawing has them.
      const week = this.view !== "month";
      const [overview, range, overlay] = await Promise.all([
        this.api.planOverview(planId),
        week ? this.api.rangeView(planId, from, to).catch(() => null) : null,
        week ? this.loadOverlay(planId, from, to) : null,
      ]);
      performance.mark("cadence:overview");
      this.overview = overview;
      if (range) this.preloaded = { planId, from, to, range };
      if (overlay) this.overlay = overlay;
      this.loadError = null;
    } catch (e) {
      this.loadError = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
    }
    window.clearTimeout(loading);
    this.mountView();
    void this.screens.planChanged();
  }

  /** The start-up frame's entries, for FullCalendar's first range when it is that week. */
  private takeFirstFrame(from: string, to: string): CalendarEvent[] | null {
    const f = this.firstFrame;
    return f && f.from === from && f.to === to ? f.entries : null;
  }

  /** The preloaded range if it is `[from, to)` of the plan in view (once). */
  private takePreloaded(from: string, to: string): RangeView | null {
    const p = this.preloaded;
    this.preloaded = null;
    return p && p.planId === this.planId && p.from === from && p.to === to ? p.range : null;
  }

  // ── Views ────────────────────────────────────────────────────────────────────────────────

  private unmountView(): void {
    this.firstFrame = null;
    this.afterCalendar = [];
    this.calendar?.destroy();
    this.calendar = null;
    this.viewSlot.replaceChildren();
  }

  /** Builds the view in use (a FullCalendar view or the lanes) around `anchor`. */
  private mountView(): void {
    this.unmountView();
    const mount = ++this.mounts;
    if (!this.reportedReady && this.view === "week" && this.planId !== null && !this.loadError && this.showFirstWeek(mount)) return;
    this.renderChrome();
    if (this.planId === null || this.loadError) return;
    if (this.view === "lanes") {
      void this.loadLanes();
      return;
    }
    this.mountCalendar();
  }

  /** Start-up: draws the preloaded week without FullCalendar, reports it once painted, then
   *  builds FullCalendar in its place (views/firstWeek.ts says why). False when there is no
   *  preloaded week. */
  private showFirstWeek(mount: number): boolean {
    const pre = this.preloaded;
    if (!pre || pre.planId !== this.planId) return false;
    const entries = this.loadPreloaded(pre.from, pre.to);
    if (!entries) return false;
    this.from = pre.from;
    this.to = pre.to;
    this.renderHeader();
    const card = this.cardContext();
    const frame = renderFirstWeek({
      days: weekDays(pre.from),
      now: this.now(),
      locale: getLocale(),
      allDayText: t("calendar.allDay"),
      entries,
      content: (e) => entryContent(e.extendedProps, e.title, e.display, "block", card),
      accent: (e) => (e.extendedProps.kind === "post" ? postAccent(e.extendedProps.view, card) : null),
    });
    this.viewSlot.replaceChildren(frame.element);
    frame.layout();
    this.firstFrame = { from: pre.from, to: pre.to, entries };
    this.reportedReady = true;
    performance.mark("cadence:drawn");
    afterPaint(() => {
      void this.api.uiReady(startupSteps()).catch(() => undefined);
      if (this.mounts === mount && this.firstFrame && !this.calendar) this.mountCalendar();
    });
    return true;
  }

  /** Runs `f` now if the calendar is built (or the view is the lanes), else once it is. */
  private withCalendar(f: () => void): void {
    if (this.calendar || this.view === "lanes") f();
    else this.afterCalendar.push(f);
  }

  /** Builds the FullCalendar view in use around `anchor` once its code is loaded. */
  private mountCalendar(): void {
    if (this.view === "lanes") return;
    const mount = this.mounts;
    loadCalendarModule().then(
      ({ CalendarView }) => {
        if (this.mounts !== mount || this.calendar || this.view === "lanes") return;
        this.buildCalendar(CalendarView);
        for (const f of this.afterCalendar.splice(0)) f();
      },
      (e: unknown) => this.toasts.error(t("app.loadError", { message: String(e) })),
    );
  }

  private buildCalendar(CalendarView: typeof import("./views/calendar").CalendarView): void {
    if (this.view === "lanes") return;
    const calendar = new CalendarView({
      view: this.view,
      locale: getLocale(),
      zone: this.zone,
      date: this.anchor,
      now: () => this.now(),
      load: (from, to) => this.loadRange(from, to),
      loadNow: (from, to) => this.takeFirstFrame(from, to) ?? this.loadPreloaded(from, to),
      card: () => this.cardContext(),
      onDates: (from, to, title) => {
        this.from = from;
        this.to = to;
        this.title = title;
        // Leaving a month for a week view lands on today's week when today is in that month. A
        // week is remembered by today or its middle day, which stays in the same week when the
        // first day of the week changes with the language (Sunday in Québec, Monday in France).
        const inRange = from <= this.today && this.today < to;
        this.anchor = this.view !== "month" ? (inRange ? this.today : addDays(from, 3)) : inRange ? this.today : calendar.start;
        this.renderHeader();
      },
      onRendered: () => {
        this.restoreFocus();
        if (!this.reportedReady && this.range !== null) {
          // The week and its posts are in the document: report once they are painted.
          this.reportedReady = true;
          performance.mark("cadence:drawn");
          afterPaint(() => void this.api.uiReady(startupSteps()).catch(() => undefined));
        } else if (this.firstFrame) {
          // FullCalendar took over from the start-up frame: the shell notes when, too.
          this.firstFrame = null;
          performance.mark("cadence:calendar");
          afterPaint(() => void this.api.uiReady(startupSteps()).catch(() => undefined));
        }
      },
      onOpen: (id) => this.openEdit(id),
      onMore: (date) => {
        this.anchor = date;
        this.setView("week");
      },
      onNewAt: (date, time) => this.openNew(date, time),
      onMove: (view, planned, revert) => void this.moves.move(view, planned, revert),
      onResize: (view, minutes, revert) => void this.moves.resize(view, minutes, revert),
      onEvent: (event) => this.openCampaign(event),
      onSlot: (slot) => this.fillSlot(slot),
    });
    this.calendar = calendar;
    this.viewSlot.replaceChildren(calendar.element);
    calendar.render();
  }

  /** The entries of `[from, to)` at once when that range was preloaded, else `null`. */
  private loadPreloaded(from: string, to: string): CalendarEvent[] | null {
    const range = this.takePreloaded(from, to);
    if (!range) return null;
    ++this.loadSeq;
    this.range = range;
    this.renderSide();
    this.renderFilters();
    return this.entries(range);
  }

  /** One core query for `[from, to)`; the calendar gets the entries the filter lets through. */
  private async loadRange(from: string, to: string): Promise<CalendarEvent[]> {
    const planId = this.planId;
    if (planId === null) return [];
    const seq = ++this.loadSeq;
    try {
      const [range, overlay] = await Promise.all([this.api.rangeView(planId, from, to), this.loadOverlay(planId, from, to)]);
      if (seq === this.loadSeq) {
        this.range = range;
        this.overlay = overlay;
        this.loadError = null;
        this.renderSide();
        this.renderFilters();
      }
      return this.entries(range);
    } catch (e) {
      this.toasts.error(t("app.loadError", { message: errorMessage(toErrorPayload(e)) }));
      throw e;
    }
  }

  private entries(range: RangeView): CalendarEvent[] {
    const zone = range.plan.timezone;
    const posts = filterPosts(range.posts, this.filter)
      .map((v) => postEntry(v, zone))
      .filter((e): e is CalendarEvent => e !== null);
    const now = new Date().toISOString();
    const upcoming = this.overlay.openSlots.filter((o) => o.at > now);
    const extra = [...holidayEntries(this.overlay.holidays), ...(this.view === "week" ? slotEntries(upcoming, range.channels, this.filter.channelId) : [])];
    return [...range.events.map((e) => eventEntry(e, zone)), ...(this.view === "month" ? capPerDay(posts, MONTH_POSTS_PER_DAY) : posts), ...extra];
  }

  private async loadLanes(): Promise<void> {
    const planId = this.planId;
    if (planId === null) return;
    this.from = weekStart(this.anchor, firstDayOf(getLocale()));
    this.to = addDays(this.from, 7);
    this.renderHeader();
    const seq = ++this.loadSeq;
    this.viewSlot.setAttribute("aria-busy", "true");
    try {
      const [range, overlay] = await Promise.all([
        this.takePreloaded(this.from, this.to) ?? this.api.rangeView(planId, this.from, this.to),
        this.loadOverlay(planId, this.from, this.to),
      ]);
      if (seq !== this.loadSeq || this.view !== "lanes") return;
      this.range = range;
      this.overlay = overlay;
      this.loadError = null;
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.toasts.error(t("app.loadError", { message: errorMessage(toErrorPayload(e)) }));
      return;
    } finally {
      if (seq === this.loadSeq) this.viewSlot.setAttribute("aria-busy", "false");
    }
    this.renderLanesView();
    this.renderSide();
    this.renderFilters();
  }

  private renderLanesView(): void {
    const range = this.range;
    if (!range || this.view !== "lanes") return;
    const lanes = renderLanes({
      ...this.cardContext(),
      days: weekDays(this.from),
      today: this.today,
      posts: filterPosts(range.posts, this.filter),
      events: range.events,
      onNewOn: (date, channelId) => this.openNew(date, "", channelId),
      onMoveTo: (postId, date) => this.moves.moveToDay(postId, date),
      holidays: this.overlay.holidays,
      openSlots: this.overlay.openSlots.filter((o) => (this.filter.channelId === "" || o.channelId === this.filter.channelId) && o.at > new Date().toISOString()),
      onSlot: (slot) => this.fillSlot(slot),
      onEvent: (event) => this.openCampaign(event),
    });
    lanes.dataset["ready"] = "true";
    this.viewSlot.replaceChildren(lanes);
    this.restoreFocus();
  }

  /** Asks the core again for what is on screen. */
  private refresh(): void {
    if (this.calendar) this.calendar.refetch();
    else if (this.view === "lanes") void this.loadLanes();
    else this.withCalendar(() => this.calendar?.refetch());
  }

  /** Shows the range holding `day` (`anchor` already set to it). */
  private goTo(day: string): void {
    if (this.calendar) this.calendar.goTo(day);
    else if (this.view === "lanes") void this.loadLanes();
    else this.withCalendar(() => this.calendar?.goTo(day));
  }

  private setView(view: ViewKey): void {
    if (view === this.view) return;
    this.view = view;
    try {
      window.localStorage.setItem(VIEW_KEY, view);
    } catch {
      // Not remembered.
    }
    if (this.calendar && view !== "lanes") {
      // Same calendar, another view: FullCalendar asks for the new range.
      this.calendar.changeView(view, this.anchor);
      this.renderFilters();
    } else {
      this.mountView();
      this.renderFilters();
    }
  }

  private step(n: number): void {
    if (!this.calendar && this.view !== "lanes") return this.withCalendar(() => this.step(n));
    if (this.calendar) {
      if (n < 0) this.calendar.prev();
      else this.calendar.next();
      return;
    }
    this.anchor = addDays(this.from || this.anchor, 7 * n);
    void this.loadLanes();
  }

  private async goToday(): Promise<void> {
    try {
      this.today = (await this.api.appInfo()).today;
    } catch {
      // Keep the day known at start.
    }
    this.anchor = this.today;
    this.goTo(this.today);
  }

  /** Now in the plan's zone; on the mock's fixed today, that day at the current time. */
  private now(): string {
    const real = localDateTime(new Date(), this.zone);
    return real.slice(0, 10) === this.today ? real : `${this.today}T${real.slice(11)}`;
  }

  /** Today when it is in the range shown, else the range's first day. */
  private defaultNewDay(): string {
    return this.from <= this.today && this.today < this.to ? this.today : this.from || this.today;
  }

  private cardContext(): CardContext {
    const zone = this.zone;
    return {
      locale: getLocale(),
      zone,
      showZone: zone !== computerZone(),
      channels: this.range?.channels ?? this.overview?.channels ?? [],
      objectives: this.range?.objectives ?? this.overview?.objectives ?? [],
      onOpen: (id) => this.openEdit(id),
    };
  }

  private restoreFocus(): void {
    const id = this.focusAfter;
    if (!id) return;
    const cards = this.viewSlot.querySelectorAll<HTMLElement>("[data-testid=post-card]");
    const card = [...cards].find((c) => c.dataset["postId"] === id);
    if (card) {
      this.focusAfter = null;
      card.focus();
    }
  }

  // ── Chrome: header, filters, sidebar ────────────────────────────────────────────────────

  private changeLocale(locale: Locale): void {
    setLocale(locale);
    saveLocale(window.localStorage, locale);
    const draft = this.panel?.ui.readDraft();
    const view = this.panel?.view ?? null;
    this.mountView();
    if (this.panel && draft) this.showPanel(view, draft);
  }

  private rangeLabel(): string {
    const locale = getLocale();
    if (!this.from) return "";
    if (this.view === "month") return this.title ? this.title.charAt(0).toLocaleUpperCase(intlTag(locale)) + this.title.slice(1) : "";
    const { week, range } = weekLabelParts(this.from, addDays(this.to, -1), locale);
    return t("week.label", { week, range });
  }

  private renderChrome(): void {
    this.renderHeader();
    this.renderFilters();
    this.renderSide();
    if (this.loadError) {
      this.viewSlot.replaceChildren(h("div", { class: "notice error", role: "alert", "data-testid": "load-error" }, this.loadError));
    } else if (this.planId === null) {
      const loading = this.loadSeq === 0 && this.plans.length === 0 && !this.started;
      const create = h("button", { type: "button", class: "btn primary", "data-testid": "no-plan-create" }, t("plans.create"));
      create.addEventListener("click", () => void this.data.open("plans"));
      this.viewSlot.replaceChildren(h("div", { class: "notice" }, loading ? t("app.loading") : t("app.noPlan"), loading ? null : h("p", {}, create)));
    }
  }

  private renderHeader(): void {
    const plan = this.plan;
    this.headerSlot.replaceChildren(
      renderHeader({
        plans: this.plans,
        planId: this.planId,
        weekLabel: this.rangeLabel(),
        zoneNote: plan && plan.timezone !== computerZone() ? t("header.zoneNote", { zone: plan.timezone }) : null,
        locale: getLocale(),
        view: this.view,
        onView: (v) => this.setView(v),
        onPlan: (id) => {
          this.planId = id;
          void this.openPlan();
        },
        onPrev: () => this.step(-1),
        onToday: () => void this.goToday(),
        onNext: () => this.step(1),
        onNewPost: () => this.openNew(this.defaultNewDay()),
        onSettings: () => this.openSettings(),
        onLocale: (l) => this.changeLocale(l),
        extra: [this.data.button()],
      }),
    );
  }

  private renderFilters(): void {
    if (this.planId === null || !this.overview) {
      this.filterSlot.replaceChildren();
      return;
    }
    const views = renderViewSwitch({ view: this.view, onView: (v) => this.setView(v) });
    const range = this.range;
    const shown = range ? filterPosts(range.posts, this.filter).length : 0;
    const tags = range ? tagsOf(range, intlTag(getLocale())) : [];
    this.filterSlot.replaceChildren(
      views,
      renderFilterBar({
        filter: this.filter,
        channels: this.overview.channels,
        objectives: this.overview.objectives,
        events: this.overview.events,
        tags,
        hidden: range ? range.posts.length - shown : 0,
        onChange: (f) => {
          this.filter = f;
          if (this.planId) saveFilter(window.localStorage, this.planId, f);
          this.renderFilters();
          if (this.view === "lanes") {
            this.renderLanesView();
            this.renderSide();
          } else {
            this.calendar?.refetch();
          }
        },
      }),
      this.screens.buttons(),
    );
  }

  private renderSide(): void {
    const range = this.range;
    if (!range) {
      this.sideSlot.replaceChildren();
      return;
    }
    const zone = range.plan.timezone;
    // The core returns posts in time order; date-only posts are put back on their day.
    const posts = filterPosts(range.posts, this.filter)
      .map((v) => ({ v, day: postDay(v, zone) ?? "" }))
      .sort((a, b) => a.day.localeCompare(b.day))
      .map(({ v }) => v);
    this.sideSlot.replaceChildren(
      renderWeekWarnings({
        items: weekWarnings([{ date: "", posts }]),
        channels: range.channels,
        locale: getLocale(),
        zone,
        title: t(this.view === "month" ? "weekWarnings.titleMonth" : "weekWarnings.title"),
        onOpen: (id, field) => this.openEdit(id, field),
      }),
      renderRhythm({ api: this.api, plan: range.plan, overlay: this.overlay, channels: range.channels, locale: getLocale(), today: this.today, onChanged: () => this.refresh() }),
      h("p", { class: "shortcuts muted" }, t("app.shortcuts")),
    );
  }

  // ── Plan settings ───────────────────────────────────────────────────────────────────────

  private openSettings(): void {
    const plan = this.plan;
    const overview = this.overview;
    if (!plan || !overview) return;
    this.settingsOpen = true;
    const element = renderPlanSettings({
      plan,
      channels: overview.channels,
      objectives: overview.objectives,
      events: overview.events,
      api: this.api,
      onEventDeleted: (e) => this.moves.deleted({ deleted: "event", id: e.id }, t("undo.eventDeleted", { title: e.title })),
      onChanged: async () => {
        if (this.planId) this.overview = await this.api.planOverview(this.planId);
        this.refresh();
        this.renderFilters();
        const scroll = this.panelSlot.querySelector(".settings-body")?.scrollTop ?? 0;
        this.openSettings();
        const body = this.panelSlot.querySelector(".settings-body");
        if (body) body.scrollTop = scroll;
        this.toasts.success(t("toast.settingsSaved"));
      },
      onClose: () => {
        this.settingsOpen = false;
        this.panelSlot.replaceChildren();
      },
    });
    this.panelSlot.replaceChildren(h("div", { class: "panel-backdrop", "aria-hidden": "true" }), element);
    this.panelSlot.querySelector(".panel-backdrop")?.addEventListener("click", () => {
      this.settingsOpen = false;
      this.panelSlot.replaceChildren();
    });
    element.querySelector<HTMLElement>("input")?.focus();
  }

  // ── The post panel ──────────────────────────────────────────────────────────────────────

  private openNew(date: string, time = "", channelId: string | null = null): void {
    if (this.planId === null || !this.plan) return;
    this.showPanel(null, { ...emptyDraft(date), time, channelIds: channelId ? [channelId] : [] });
  }

  private openEdit(postId: string, field?: string): void {
    const view = this.range?.posts.find((v) => v.post.id === postId);
    if (!view) return;
    this.showPanel(view, draftOfPost(view.post));
    if (field) this.panel?.ui.focusField(field);
  }

  /** Opens a post that may be outside the range shown (dashboard « Corriger »). */
  private async openPostOn(postId: string, day: string, field: string): Promise<void> {
    if (this.range?.posts.some((v) => v.post.id === postId)) return this.openEdit(postId, field);
    if (this.planId === null) return;
    const range = await this.api.rangeView(this.planId, day, addDays(day, 1));
    const view = range.posts.find((v) => v.post.id === postId);
    if (!view) return;
    this.showPanel(view, draftOfPost(view.post));
    this.panel?.ui.focusField(field);
  }

  private showPanel(view: PostView | null, draft: Draft): void {
    const plan = this.plan;
    if (!plan) return;
    const ctx = this.cardContext();
    const ui = renderPostPanel({
      plan,
      channels: ctx.channels,
      objectives: ctx.objectives,
      events: this.overview?.events ?? this.range?.events ?? [],
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
    this.screens.reloadScreen();
    void this.screens.planChanged();
    // Give the keyboard focus back to the card that opened the panel, if it is still there.
    if (!postId) return;
    this.focusAfter = postId;
    this.restoreFocus();
  }

  private async save(draft: Draft): Promise<void> {
    const panel = this.panel;
    const plan = this.plan;
    if (!panel || !plan) return;
    panel.ui.setBusy(true);
    try {
      const input = inputOfDraft(draft, plan, panel.view?.post ?? null);
      const saved = panel.view ? await this.api.updatePost(panel.view.post.id, input) : await this.api.createPost(input);
      if (this.panel !== panel) return;
      this.closePanel();
      const day = postDay(saved, plan.timezone);
      if (day !== null && (day < this.from || day >= this.to)) {
        this.anchor = day;
        this.goTo(day);
      } else {
        this.refresh();
      }
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
      this.refresh();
      this.moves.deleted({ deleted: "post", id }, t("undo.postDeleted"));
    } catch (e) {
      panel.ui.setBusy(false);
      panel.ui.showError(toErrorPayload(e));
    }
  }

  // ── Data screens ────────────────────────────────────────────────────────────────────────

  private dataHost(): DataHost {
    return {
      plan: this.plan,
      plans: this.plans,
      overview: this.overview,
      filter: this.filter,
      visible: { from: this.from, to: this.to },
      refresh: () => this.refresh(),
      reloadPlans: (select) => this.reloadPlans(select),
      deleted: (d, message) => this.moves.deleted(d, message),
      show: (panel) => {
        this.panelSlot.replaceChildren(...(panel ? [h("div", { class: "panel-backdrop", "aria-hidden": "true" }), panel] : []));
        this.panelSlot.querySelector(".panel-backdrop")?.addEventListener("click", () => this.data.close());
      },
    };
  }

  /** Reads the plans again (after a plan was made, renamed, deleted, restored, or a backup
   *  restored) and opens `select`, else the current plan if it is still there, else the first. */
  private async reloadPlans(select?: string | null): Promise<void> {
    try {
      this.plans = await this.api.listPlans();
    } catch (e) {
      this.toasts.error(errorMessage(toErrorPayload(e)));
      return;
    }
    const wanted = select === undefined ? this.planId : select;
    this.planId = this.plans.find((p) => p.id === wanted)?.id ?? this.plans[0]?.id ?? null;
    await this.openPlan();
  }

  private async afterRestore(d: Deletion): Promise<void> {
    if (d.deleted === "plan") await this.reloadPlans(d.id);
    else if (d.deleted === "event" && this.planId) {
      this.overview = await this.api.planOverview(this.planId);
      this.renderFilters();
      if (this.settingsOpen) this.openSettings();
    }
  }

  // ── Campaigns, slots and holidays ───────────────────────────────────────────────────────

  /** Holidays and open slots of `[from, to)`; nothing (not an error) when the core cannot say. */
  private async loadOverlay(planId: string, from: string, to: string): Promise<CalendarOverlay> {
    try {
      return await this.api.calendarOverlay(planId, from, to);
    } catch {
      return EMPTY_OVERLAY;
    }
  }

  private openCampaign(event: PlanEvent): void {
    const plan = this.plan;
    if (!plan) return;
    this.settingsOpen = true;
    const close = () => {
      this.settingsOpen = false;
      this.panelSlot.replaceChildren();
    };
    const element = renderCampaignPanel({
      api: this.api,
      plan,
      event,
      channels: this.range?.channels ?? this.overview?.channels ?? [],
      locale: getLocale(),
      onDone: (message) => {
        close();
        if (this.planId) void this.api.planOverview(this.planId).then((o) => (this.overview = o), () => undefined);
        this.refresh();
        this.toasts.success(message);
      },
      onClose: close,
    });
    this.panelSlot.replaceChildren(h("div", { class: "panel-backdrop", "aria-hidden": "true" }), element);
    this.panelSlot.querySelector(".panel-backdrop")?.addEventListener("click", close);
    element.querySelector<HTMLElement>("select")?.focus();
  }

  /** Filling an open slot: the new post panel on that channel at that time. */
  private fillSlot(slot: OpenSlot): void {
    this.openNew(slot.date, slot.local.slice(11, 16), slot.channelId);
  }

  /** « S »: the next open slot of the filtered (or focused) channel, ready to fill. */
  private onNextSlotKey(e: KeyboardEvent): void {
    if (e.key !== "s" && e.key !== "S") return;
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
    if (this.panel !== null || this.settingsOpen || isTypingTarget(e.target)) return;
    const channels = this.range?.channels ?? [];
    const focused = this.range?.posts.find((v) => v.post.id === (document.activeElement as HTMLElement | null)?.dataset["postId"]);
    const channelId = channelForNextSlot(this.filter.channelId, focused?.post.channels.map((c) => c.channelId) ?? [], this.overlay, channels);
    e.preventDefault();
    if (channelId === null) {
      this.toasts.error(t("slot.noSlots"));
      return;
    }
    const name = channels.find((c) => c.id === channelId)?.name ?? "";
    void this.api.nextFreeSlot(channelId, new Date().toISOString()).then(
      (slot) => {
        if (slot === null) {
          this.toasts.error(t("slot.none", { channel: name }));
          return;
        }
        this.toasts.success(t("slot.next", { when: `${formatDayHeading(slot.date, getLocale())} · ${slot.local.slice(11, 16)}`, channel: name }));
        this.anchor = slot.date;
        this.goTo(slot.date);
        this.fillSlot(slot);
      },
      (err: unknown) => this.toasts.error(errorMessage(toErrorPayload(err))),
    );
  }
}
