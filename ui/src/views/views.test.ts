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
  function panel(onSave: (d: unknown) => void = () => {}) {
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
      onSave,
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

  it("writes dates the French way whatever the system's locale, and reads what people type", () => {
    const saved: unknown[] = [];
    const p = panel((d) => saved.push(d));
    const date = p.element.querySelector<HTMLInputElement>("[name=date]");
    const time = p.element.querySelector<HTMLInputElement>("[name=time]");
    const form = p.element.querySelector("form");
    if (!date || !time || !form) throw new Error("no date, time or form");
    expect(date.type).toBe("text");
    expect(date.value).toBe("24/11/2026");
    date.value = "31/11/2026";
    time.value = "10h15";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(saved).toHaveLength(0);
    const err = p.element.querySelector("[data-row=planned] [data-testid=field-error]");
    expect(err?.textContent).toContain("jj/mm/aaaa");
    expect(date.value).toBe("31/11/2026");
    date.value = "27/11/2026";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(saved).toHaveLength(1);
    expect(p.readDraft()).toMatchObject({ date: "2026-11-27", time: "10:15" });
  });
});

describe("post panel: channel variants", () => {
  it("counts a channel's variant instead of the body, live", () => {
    const panel = renderPostPanel({
      plan: { id: "p", timezone: "Europe/Paris" } as never,
      channels: [instagram],
      objectives: [],
      locale: "fr",
      post: null,
      warnings: [],
      draft: { ...emptyDraft("2026-11-24"), body: "Un texte bien trop long", channelIds: ["ch-ig"] },
      computerZone: "Europe/Paris",
      onSave: () => {},
      onDelete: () => {},
      onClose: () => {},
    });
    document.body.append(panel.element);
    const counter = () => panel.element.querySelector<HTMLElement>("[data-testid=char-counter]");
    expect(counter()?.dataset["over"]).toBe("true");
    const variant = panel.element.querySelector<HTMLTextAreaElement>("textarea[name=variant][data-channel-id=ch-ig]");
    if (!variant) throw new Error("no variant for the ticked channel");
    variant.value = "Court";
    variant.dispatchEvent(new Event("input"));
    expect(counter()?.dataset["count"]).toBe("5");
    expect(counter()?.dataset["over"]).toBe("false");
    expect(panel.readDraft().variants["ch-ig"]).toBe("Court");
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
  async function start(view?: string) {
    window.localStorage.clear();
    if (view) window.localStorage.setItem("cadence.view", view);
    const root = document.createElement("div");
    document.body.append(root);
    const api = makeApi(new MockBackend({ today: "2026-11-25" }));
    const app = new App(root, api, "2026-11-25");
    await app.start();
    await flush();
    await flush();
    // The week is first drawn without FullCalendar (views/firstWeek.ts), replaced a frame later.
    for (let i = 0; i < 100 && root.querySelector("[data-testid=first-week]"); i++) await new Promise((r) => setTimeout(r, 10));
    expect(root.querySelector("[data-testid=first-week]")).toBeNull();
    return { root, api };
  }
  const key = (init: KeyboardEventInit) => document.body.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, ...init }));
  const cardDates = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLElement>("[data-testid=lane-cell]")].filter((c) => c.querySelector("[data-post-id]")).length;

  it("opens on the current week: seven days, events and warnings (channel lanes)", async () => {
    const { root } = await start("lanes");
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
    expect(days[0]?.textContent).toBe("lun. 23");
    expect(root.querySelectorAll("[data-testid=event-banner]")).toHaveLength(1);
    expect(root.querySelectorAll("[data-testid=lane]")).toHaveLength(4);
    expect(cardDates(root)).toBeGreaterThan(3);
    // A post in two channels shows in both lanes; the warnings list counts each post once.
    const warned = new Set([...root.querySelectorAll<HTMLElement>("[data-testid=post-card]")].filter((c) => c.querySelector("[data-testid=warning]")).map((c) => c.dataset["postId"]));
    const listed = new Set([...root.querySelectorAll<HTMLElement>("[data-testid=week-warnings] .week-warning")].map((b) => b.dataset["postId"]));
    expect(listed).toEqual(warned);
  });

  it("shows the week in FullCalendar with the posts as cards", async () => {
    const { root } = await start();
    expect(root.querySelector("[data-testid=calendar]")?.getAttribute("data-view")).toBe("week");
    const cards = root.querySelectorAll("[data-testid=calendar] [data-testid=post-card] [data-testid=post-title]");
    expect(cards.length).toBeGreaterThan(5);
    expect(root.querySelectorAll("[data-testid=calendar] [data-testid=event-banner]").length).toBe(1);
  });

  it("a key pressed while the start-up frame shows moves FullCalendar's week", async () => {
    window.localStorage.clear();
    const root = document.createElement("div");
    document.body.append(root);
    const app = new App(root, makeApi(new MockBackend({ today: "2026-11-25" })), "2026-11-25");
    await app.start();
    expect(root.querySelector("[data-testid=first-week]")).not.toBeNull();
    expect(root.querySelector("[data-testid=calendar]")).toBeNull();
    key({ key: "ArrowRight" });
    for (let i = 0; i < 100 && root.querySelector("[data-testid=calendar][data-ready=true] [data-testid=day]")?.getAttribute("data-date") !== "2026-11-30"; i++) await new Promise((r) => setTimeout(r, 10));
    expect(root.querySelector("[data-testid=first-week]")).toBeNull();
    expect(root.querySelectorAll("[data-testid=calendar]")).toHaveLength(1);
    expect(root.querySelector("[data-testid=day]")?.getAttribute("data-date")).toBe("2026-11-30");
    expect(root.querySelector("[data-testid=week-label]")?.textContent).toMatch(/^Semaine 49/u);
    await new Promise((r) => setTimeout(r, 100));
    expect(root.querySelectorAll("[data-testid=calendar]")).toHaveLength(1);
    // Not dimmed as if still loading (the key once went to the lanes' loader).
    expect(root.querySelector(".view-slot")?.getAttribute("aria-busy")).not.toBe("true");
  });

  it("moves to the next week and back with the keyboard", async () => {
    const { root } = await start("lanes");
    key({ key: "ArrowRight" });
    await flush();
    expect(root.querySelector("[data-testid=day]")?.getAttribute("data-date")).toBe("2026-11-30");
    key({ key: "t" });
    await flush();
    await flush();
    expect(root.querySelector("[data-testid=day]")?.getAttribute("data-date")).toBe("2026-11-23");
    key({ key: "2" });
    await flush();
    expect(root.querySelector("[data-testid=calendar]")?.getAttribute("data-view")).toBe("month");
    expect(window.localStorage.getItem("cadence.view")).toBe("month");
  });

  it("moves the focused post a day with Alt+→, and Ctrl+Z puts it back through the core", async () => {
    const { root, api } = await start("lanes");
    const card = root.querySelector<HTMLElement>("[data-testid=lane-cell][data-date='2026-11-23'] [data-testid=post-card]");
    const id = card?.dataset["postId"];
    if (!card || !id) throw new Error("no card on Monday");
    const before = (await api.rangeView("sample-plan", "2026-11-23", "2026-11-30")).posts.find((v) => v.post.id === id)?.post.planned;
    card.focus();
    key({ key: "ArrowRight", altKey: true });
    await flush();
    await flush();
    const moved = (await api.rangeView("sample-plan", "2026-11-23", "2026-11-30")).posts.find((v) => v.post.id === id)?.post.planned;
    expect(moved?.kind === "at" ? moved.local.slice(0, 10) : moved?.kind === "day" ? moved.date : null).toBe("2026-11-24");
    expect(document.activeElement?.getAttribute("data-post-id")).toBe(id);
    key({ key: "z", ctrlKey: true });
    await flush();
    await flush();
    const back = (await api.rangeView("sample-plan", "2026-11-23", "2026-11-30")).posts.find((v) => v.post.id === id)?.post.planned;
    expect(back).toEqual(before);
  });

  it("filters by channel, and remembers the filter for the plan", async () => {
    const { root } = await start("lanes");
    const all = root.querySelectorAll("[data-testid=post-card]").length;
    const select = root.querySelector<HTMLSelectElement>("[data-testid=filter-channelId]");
    if (!select) throw new Error("no channel filter");
    select.value = select.options[1]?.value ?? "";
    select.dispatchEvent(new Event("change"));
    const shown = root.querySelectorAll("[data-testid=post-card]").length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    expect(root.querySelectorAll("[data-testid=lane]")).toHaveLength(4);
    expect(JSON.parse(window.localStorage.getItem("cadence.filters") ?? "{}")["sample-plan"].channelId).toBe(select.value);
  });

  it("opens the post from the warnings list with the cursor in the field to fix", async () => {
    const { root } = await start("lanes");
    const item = [...root.querySelectorAll<HTMLElement>(".week-warning")].find((b) => b.dataset["code"] === "no_customer_value");
    item?.click();
    expect(root.querySelector("[data-testid=post-panel]")).not.toBeNull();
    expect((document.activeElement as HTMLInputElement | null)?.name).toBe("customerValue");
  });

  it("adds a channel from the plan settings, showing the core's error next to the field first", async () => {
    const { root } = await start("lanes");
    (root.querySelector("[data-testid=plan-settings]") as HTMLButtonElement).click();
    const panel = () => root.querySelector<HTMLElement>("[data-testid=settings-panel]");
    const addRow = () => [...(panel()?.querySelectorAll<HTMLFormElement>("[data-testid=channel-row]") ?? [])].find((f) => f.dataset["id"] === "");
    addRow()?.querySelector<HTMLButtonElement>("[data-testid=save-channel]")?.click();
    await flush();
    expect(addRow()?.querySelector("[data-testid=field-error]")?.getAttribute("data-field")).toBe("name");
    const name = addRow()?.querySelector<HTMLInputElement>("[name=name]");
    if (!name) throw new Error("no name field");
    name.value = "Threads @troisepis";
    addRow()?.querySelector<HTMLButtonElement>("[data-testid=save-channel]")?.click();
    await flush();
    await flush();
    await flush();
    expect(panel()?.querySelectorAll("[data-testid=channel-row]")).toHaveLength(6);
    expect(root.querySelectorAll("[data-testid=lane]")).toHaveLength(5);
  });

  it("keeps the panel open with the error when saving fails, and closes it after a save", async () => {
    const { root } = await start("lanes");
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
