// The dashboard and crisis screens, the crisis banner and the « D » shortcut, kept out of
// app.ts: the app gives a few callbacks and places the two slots.
import type { Api } from "../api";
import { toErrorPayload } from "../api";
import { h } from "../dom";
import type { CrisisState, Plan } from "../generated/models";
import { t } from "../i18n/index";
import { errorMessage } from "../i18n/labels";
import { openCrisis, renderCrisisBanner } from "./crisis";
import "./strategyB.css";

export interface ScreensHost {
  api: Api;
  plan(): Plan | null;
  today(): string;
  /** Opens a post (found on its day) in the post panel, cursor in `field`. */
  openPost(postId: string, day: string, field: string): Promise<void>;
  /** Posts changed (statuses, results): redraw the calendar. */
  refresh(): void;
  /** The post panel or a dialog is open: shortcuts stay off. */
  busy(): boolean;
  toast(message: string): void;
}

interface Screen {
  element: HTMLElement;
  reload(): Promise<void>;
  destroy(): void;
}

export class StrategyBScreens {
  /** Above the header: the red banner while a hold is in force. */
  readonly bannerSlot = h("div", { class: "crisis-slot" });
  /** The open screen (dashboard or crisis plan), over the calendar, under the post panel. */
  readonly screenSlot = h("div", { class: "sb-slot" });
  private screen: Screen | null = null;
  private state: CrisisState | null = null;

  constructor(private readonly host: ScreensHost) {
    document.addEventListener("keydown", (e) => {
      if (e.key !== "d" && e.key !== "D") return;
      if (e.ctrlKey || e.metaKey || e.altKey || this.host.busy() || this.screen) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      e.preventDefault();
      void this.openDashboard();
    });
  }

  /** « Tableau de bord » (key D) and « Crise », at the end of the bar under the header. */
  buttons(): HTMLElement {
    const button = (testid: string, text: string, hint: string, onClick: () => void) => {
      const b = h("button", { type: "button", class: "btn", "data-testid": testid, title: hint }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    return h(
      "div",
      { class: "sb-open" },
      button("open-dashboard", t("header.dashboard"), t("header.dashboardHint"), () => void this.openDashboard()),
      button("open-crisis", t("header.crisis"), t("header.crisisHint"), () => void this.openCrisis()),
    );
  }

  get open(): boolean {
    return this.screen !== null;
  }

  /** After the plan changed or posts were saved: banner state, and the open screen. */
  async planChanged(): Promise<void> {
    const plan = this.host.plan();
    if (!plan) {
      this.close();
      this.state = null;
      this.drawBanner();
      return;
    }
    try {
      this.state = await this.host.api.crisisState(plan.id);
    } catch {
      this.state = null;
    }
    this.drawBanner();
  }

  /** A post was saved from a screen: redraw it. */
  reloadScreen(): void {
    void this.screen?.reload();
  }

  private drawBanner(): void {
    const banner = renderCrisisBanner(
      this.state,
      () => void this.openCrisis(),
      () => void this.openCrisis(),
    );
    this.bannerSlot.replaceChildren(banner);
    document.body.classList.toggle("crisis-on", !banner.hidden);
  }

  async openDashboard(): Promise<void> {
    const plan = this.host.plan();
    if (!plan) return;
    this.close();
    try {
      // chart.js comes with this chunk only.
      const { openDashboard } = await import("./dashboard");
      this.show(
        openDashboard({
          api: this.host.api,
          plan,
          today: this.host.today(),
          onFix: (postId, day, field) => void this.host.openPost(postId, day, field),
          onClose: () => this.close(),
          onChanged: () => this.host.refresh(),
        }),
      );
    } catch (e) {
      this.host.toast(errorMessage(toErrorPayload(e)));
    }
  }

  async openCrisis(): Promise<void> {
    const plan = this.host.plan();
    if (!plan) return;
    this.close();
    this.show(
      openCrisis({
        api: this.host.api,
        plan,
        onClose: () => this.close(),
        onChanged: async () => {
          this.host.refresh();
          await this.planChanged();
        },
      }),
    );
  }

  private show(screen: Screen): void {
    this.screen = screen;
    this.screenSlot.replaceChildren(screen.element);
    screen.element.querySelector<HTMLElement>("button")?.focus();
  }

  close(): void {
    this.screen?.destroy();
    this.screen = null;
    this.screenSlot.replaceChildren();
  }
}
