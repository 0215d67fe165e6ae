// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "../app";
import { makeApi } from "../api";
import type { Channel, PostView } from "../generated/models";
import { setLocale } from "../i18n/index";
import { bindShortcuts } from "../keyboard";
import { MockBackend } from "../mock/backend";
import { emptyDraft } from "../postForm";
import { renderPostCard, type CardContext } from "./postCard";
import { renderPostPanel } from "./postPanel";

const instagram = {
  id: "ch-ig",
  planId: "p",
  platform: "instagram",
  name: "Instagram @troisepis",
  charLimit: 5,
  weeklyTarget: 3,
  color: "#c13584",
} as Channel;

const ctx: CardContext = {
  locale: "fr",
  zone: "Europe/Paris",
  showZone: false,
  channels: [instagram],
  objectives: [],
  onOpen: () => {},
};

function postView(title: string): PostView {
  return {
    post: {
      id: "post-1",
      title,
      status: "draft",
      channels: [{ channelId: "ch-ig", variant: null }],
      objectiveId: null,
      planned: { kind: "at", at: "2026-03-30T08:00:00Z", timezone: "Europe/Paris", local: "2026-03-30T10:00:00" },
    } as PostView["post"],
    warnings: [{ code: "no_objective", field: "objectiveId" }],
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => setLocale("fr"));
afterEach(() => {
  document.body.replaceChildren();
});

describe("post card", () => {
  it("shows a hostile title as text", () => {
    const card = renderPostCard(postView("<img src=x onerror=alert(1)>"), ctx);
    expect(card.querySelector("img")).toBeNull();
    expect(card.querySelector("[data-testid=post-title]")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("shows time, channel, status and translated warnings", () => {
    const card = renderPostCard(postView("Pain"), ctx);
    expect(card.querySelector(".post-time")?.textContent).toBe("10:00");
    expect(card.querySelector("[data-testid=channel-badge]")?.textContent).toBe("Instagram");
    expect(card.querySelector("[data-testid=post-status]")?.textContent).toBe("Brouillon");
    const warning = card.querySelector("[data-testid=warning]");
    expect(warning?.getAttribute("data-code")).toBe("no_objective");
    expect(warning?.textContent).toContain("Aucun objectif");
    expect(card.style.getPropertyValue("--accent")).toBe("#c13584");
  });
});

describe("post panel", () => {
  function panel() {
    const plan = { id: "p", timezone: "Europe/Paris" } as never;
    const p = renderPostPanel({
      plan,
      channels: [instagram],
      objectives: [],
      locale: "fr",
      post: null,
      warnings: [],
      draft: { ...emptyDraft("2026-11-24"), channelIds: ["ch-ig"] },
      computerZone: "Europe/Paris",
      onSave: () => {},
      onDelete: () => {},
      onClose: () => {},
    });
    document.body.append(p.element);
    return p;
  }

  it("counts user-perceived characters against the channel limit", () => {
    const p = panel();
    const body = p.element.querySelector<HTMLTextAreaElement>("[name=body]");
    if (!body) throw new Error("no body");
    body.value = "👍🏽🇫🇷ée\u0301";
    body.dispatchEvent(new Event("input"));
    let counter = p.element.querySelector<HTMLElement>("[data-testid=char-counter]");
    expect(counter?.dataset["count"]).toBe("4");
    expect(counter?.classList.contains("over")).toBe(false);
    body.value = "abcdef";
    body.dispatchEvent(new Event("input"));
    counter = p.element.querySelector<HTMLElement>("[data-testid=char-counter]");
    expect(counter?.dataset["count"]).toBe("6");
    expect(counter?.classList.contains("over")).toBe(true);
    expect(p.element.querySelector("[data-testid=delete-post]")).toBeNull();
  });

  it("shows an error next to its field, or at the top, keeping what was typed", () => {
    const p = panel();
    const title = p.element.querySelector<HTMLInputElement>("[name=title]");
    if (!title) throw new Error("no title");
    title.value = "gardé";
    p.showError({ code: "empty", message: "title must not be empty", field: "title" });
    const err = p.element.querySelector("[data-row=title] [data-testid=field-error]");
    expect(err?.textContent).toBe("« Titre » ne peut pas être vide.");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    p.showError({ code: "busy", message: "locked" });
    expect(p.element.querySelectorAll("[data-testid=field-error]")).toHaveLength(1);
    expect(p.element.querySelector(".panel-error-slot [data-testid=field-error]")?.textContent).toContain("occupée");
    expect(p.readDraft().title).toBe("gardé");
  });
});

describe("keyboard", () => {
  it("moves weeks, but not while typing in a field", () => {
    const calls: string[] = [];
    const unbind = bindShortcuts(document, {
      prev: () => calls.push("prev"),
      next: () => calls.push("next"),
      today: () => calls.push("today"),
      newPost: () => calls.push("new"),
      enabled: () => true,
    });
    const input = document.createElement("input");
    document.body.append(input);
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "n", bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "PageUp", bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "t", bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true, bubbles: true }));
    unbind();
    expect(calls).toEqual(["next", "prev", "today"]);
  });
});

describe("app on the mock backend", () => {
  async function start() {
    const root = document.createElement("div");
    document.body.append(root);
    const app = new App(root, makeApi(new MockBackend({ today: "2026-11-25" })), "2026-11-25");
    await app.start();
    await flush();
    return root;
  }

  it("opens on the current week with seven days, events and warnings", async () => {
    const root = await start();
    const days = [...root.querySelectorAll<HTMLElement>("[data-testid=day]")];
    expect(days.map((d) => d.dataset["date"])).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(root.querySelector("[data-testid=week-label]")?.textContent?.replace(/\u202f|\u00a0/g, " ")).toBe(
      "Semaine 48 · 23–29 nov. 2026",
    );
    expect(days[2]?.classList.contains("today")).toBe(true);
    expect(days[0]?.querySelector(".day-title")?.textContent).toBe("lundi 23 novembre");
    expect(root.querySelectorAll("[data-testid=event-banner]")).toHaveLength(1);
    expect(root.querySelectorAll("[data-testid=week-warnings] .week-warning").length).toBe(
      root.querySelectorAll("[data-testid=post-card] [data-testid=warning]").length,
    );
  });

  it("moves to the next week and back with the keyboard", async () => {
    const root = await start();
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    await flush();
    expect(root.querySelector("[data-testid=day]")?.getAttribute("data-date")).toBe("2026-11-30");
    expect(root.querySelectorAll("[data-testid=day-empty], .day-empty").length).toBeGreaterThan(0);
    (root.querySelector("[data-testid=today]") as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(root.querySelector("[data-testid=day]")?.getAttribute("data-date")).toBe("2026-11-23");
  });

  it("keeps the panel open with the error when saving fails, and closes it after a save", async () => {
    const root = await start();
    (root.querySelector("[data-testid=new-post]") as HTMLButtonElement).click();
    const panel = () => root.querySelector<HTMLElement>("[data-testid=post-panel]");
    expect(panel()).not.toBeNull();
    const body = panel()?.querySelector<HTMLTextAreaElement>("[name=body]");
    if (!body) throw new Error("no body");
    body.value = "Texte gardé";
    (panel()?.querySelector("[data-testid=save-post]") as HTMLButtonElement).click();
    await flush();
    expect(panel()?.querySelector("[data-testid=field-error]")?.getAttribute("data-field")).toBe("title");
    expect(body.value).toBe("Texte gardé");

    const title = panel()?.querySelector<HTMLInputElement>("[name=title]");
    if (!title) throw new Error("no title");
    title.value = "<b>Pain</b> du jour";
    (panel()?.querySelector("[data-testid=save-post]") as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(panel()).toBeNull();
    const titles = [...root.querySelectorAll("[data-testid=post-title]")].map((e) => e.textContent);
    expect(titles).toContain("<b>Pain</b> du jour");
    expect(root.querySelector("[role=status]")?.textContent).toContain("Post enregistré");
  });
});
