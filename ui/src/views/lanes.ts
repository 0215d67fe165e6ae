// Channel lanes: one row per channel, one column per day of the week, posts as cards. Cards
// are dragged to another day (HTML drag and drop) or moved with Alt+← / Alt+→.
import type { Channel, Event, Holiday, OpenSlot, PostView } from "../generated/models";
import { holidayName } from "../calendar/overlay";
import { eventDays } from "../calendar/model";
import { h } from "../dom";
import { formatLaneDay } from "../format";
import { t } from "../i18n/index";
import { isWeekend } from "../time/week";
import { postDay } from "../weekModel";
import type { CardContext } from "./postCard";
import { channelIcon, renderEventContent, renderPostContent } from "./postContent";

export interface LanesProps extends CardContext {
  /** The seven days shown, in order. */
  days: readonly string[];
  today: string;
  posts: readonly PostView[];
  events: readonly Event[];
  onNewOn(date: string, channelId: string | null): void;
  onMoveTo(postId: string, date: string): void;
  /** Public holidays and key dates of the week, over the day columns. */
  holidays?: readonly Holiday[];
  /** Open slots, as placeholders in their channel's lane. */
  openSlots?: readonly OpenSlot[];
  onSlot?(slot: OpenSlot): void;
  onEvent?(event: Event): void;
}

function slotButton(slot: OpenSlot, p: LanesProps): HTMLElement {
  const channel = p.channels.find((c) => c.id === slot.channelId)?.name ?? "";
  const b = h(
    "button",
    { type: "button", class: "lane-slot", "data-testid": "open-slot", "data-slot-id": slot.slotId, "data-date": slot.date, "data-channel-id": slot.channelId, "aria-label": t("slot.open", { channel }) },
    `${slot.local.slice(11, 16)} · ${t("slot.open", { channel: "" }).replace(/\s*·\s*$/, "")}`,
  );
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    p.onSlot?.(slot);
  });
  return b;
}

const DRAG_TYPE = "application/x-cadence-post";

function laneCard(view: PostView, p: LanesProps): HTMLElement {
  const { post } = view;
  const card = h(
    "article",
    {
      class: `lane-card status-${post.status}${view.warnings.length ? " has-warnings" : ""}`,
      "data-testid": "post-card",
      "data-post-id": post.id,
      "data-status": post.status,
      tabindex: 0,
      role: "button",
      draggable: "true",
      "aria-label": t("post.open", { title: post.title }),
    },
    renderPostContent(view, p, "block"),
  );
  const first = p.channels.find((c) => c.id === post.channels[0]?.channelId);
  if (first) card.style.setProperty("--accent", first.color);
  card.addEventListener("click", () => p.onOpen(post.id));
  card.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && !e.altKey) {
      e.preventDefault();
      p.onOpen(post.id);
    }
  });
  card.addEventListener("dragstart", (e) => {
    e.dataTransfer?.setData(DRAG_TYPE, post.id);
    e.dataTransfer?.setData("text/plain", post.title);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
    card.classList.add("dragging");
  });
  card.addEventListener("dragend", () => card.classList.remove("dragging"));
  return card;
}

function laneCell(date: string, channelId: string | null, posts: PostView[], p: LanesProps): HTMLElement {
  const cell = h(
    "div",
    {
      class: `lane-cell${date === p.today ? " today" : ""}${isWeekend(date) ? " weekend" : ""}`,
      "data-testid": "lane-cell",
      "data-date": date,
      "data-channel-id": channelId ?? "",
    },
    ...posts.map((v) => laneCard(v, p)),
    ...(p.openSlots ?? []).filter((o) => o.date === date && o.channelId === channelId).map((o) => slotButton(o, p)),
  );
  cell.addEventListener("click", (e) => {
    if (e.target === cell) p.onNewOn(date, channelId);
  });
  cell.addEventListener("dragover", (e) => {
    if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    cell.classList.add("drop-target");
  });
  cell.addEventListener("dragleave", () => cell.classList.remove("drop-target"));
  cell.addEventListener("drop", (e) => {
    cell.classList.remove("drop-target");
    const id = e.dataTransfer?.getData(DRAG_TYPE);
    if (!id) return;
    e.preventDefault();
    p.onMoveTo(id, date);
  });
  return cell;
}

function laneHeader(channel: Channel | null, count: number): HTMLElement {
  if (channel === null) return h("div", { class: "lane-head", role: "rowheader" }, h("span", { class: "lane-name" }, t("lanes.noChannel")));
  const target = channel.weeklyTarget;
  const below = target > 0 && count < target;
  return h(
    "div",
    { class: "lane-head", role: "rowheader", "data-testid": "lane", "data-channel-id": channel.id },
    channelIcon(channel),
    h("span", { class: "lane-name", title: channel.name }, channel.name),
    target > 0
      ? h(
          "span",
          { class: `lane-target${below ? " below" : ""}`, "data-testid": "lane-target", title: t("lanes.target", { count, target }) },
          `${count}/${target}`,
        )
      : null,
  );
}

export function renderLanes(p: LanesProps): HTMLElement {
  const dayOf = (v: PostView) => postDay(v, p.zone);
  const grid = h("div", { class: "lanes-grid", role: "grid", "aria-label": t("view.lanes") });
  grid.append(h("div", { class: "lane-corner" }));
  for (const date of p.days) {
    grid.append(
      h(
        "div",
        {
          class: `lane-day${date === p.today ? " today" : ""}${isWeekend(date) ? " weekend" : ""}`,
          "data-testid": "day",
          "data-date": date,
          role: "columnheader",
          "aria-current": date === p.today ? "date" : null,
        },
        formatLaneDay(date, p.locale),
        ...(p.holidays ?? [])
          .filter((x) => x.date === date)
          .map((x) => h("span", { class: `lane-holiday${x.kind === "key_date" ? " key-date" : ""}`, "data-testid": "holiday", "data-date": x.date, title: holidayName(x) }, holidayName(x))),
      ),
    );
  }
  const first = p.days[0] ?? "";
  const last = p.days[p.days.length - 1] ?? "";
  for (const event of p.events) {
    const days = eventDays(event, p.zone);
    const from = Math.max(0, p.days.indexOf(days.first < first ? first : days.first));
    const to = days.last > last ? p.days.length - 1 : p.days.indexOf(days.last);
    const banner = h("div", { class: "lane-event", "data-testid": "event-banner", "data-event-id": event.id }, renderEventContent(event));
    if (p.onEvent) {
      banner.setAttribute("role", "button");
      banner.setAttribute("aria-label", t("campaign.open", { event: event.title }));
      banner.tabIndex = 0;
      banner.addEventListener("click", () => p.onEvent?.(event));
    }
    banner.style.gridColumn = `${from + 2} / ${(to < 0 ? p.days.length - 1 : to) + 3}`;
    grid.append(banner);
  }
  const lanes: (Channel | null)[] = [...p.channels];
  if (p.posts.some((v) => v.post.channels.length === 0)) lanes.push(null);
  for (const channel of lanes) {
    const inLane = p.posts.filter((v) =>
      channel === null ? v.post.channels.length === 0 : v.post.channels.some((c) => c.channelId === channel.id),
    );
    grid.append(laneHeader(channel, inLane.length));
    for (const date of p.days) grid.append(laneCell(date, channel?.id ?? null, inLane.filter((v) => dayOf(v) === date), p));
  }
  grid.style.gridTemplateColumns = `minmax(150px, 190px) repeat(${p.days.length}, minmax(0, 1fr))`;
  return h("section", { class: "lanes", "data-testid": "lanes" }, grid);
}
