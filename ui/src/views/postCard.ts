// One post in the week list: time, channels, title, status, objective and warnings.
import type { Channel, Objective, PostView } from "../generated/models";
import { h } from "../dom";
import { formatTime, zoneCity } from "../format";
import { t, type Locale } from "../i18n/index";
import { objectiveKindLabel, platformLabel, statusLabel, warningMessage } from "../i18n/labels";

export interface CardContext {
  locale: Locale;
  /** The plan's zone: times are shown there. */
  zone: string;
  /** Whether the plan's zone differs from the computer's, so times need their zone. */
  showZone: boolean;
  channels: readonly Channel[];
  objectives: readonly Objective[];
  onOpen(postId: string): void;
}

export function channelBadge(channel: Channel): HTMLElement {
  const badge = h(
    "span",
    { class: "channel-badge", "data-testid": "channel-badge", "data-channel-id": channel.id, title: channel.name },
    platformLabel(channel.platform),
  );
  badge.style.setProperty("--channel", channel.color);
  return badge;
}

export function warningItem(text: string, code: string): HTMLElement {
  return h(
    "li",
    { class: "warning", "data-testid": "warning", "data-code": code },
    h("span", { class: "warning-icon", "aria-hidden": "true" }, "⚠"),
    h("span", { class: "warning-text" }, text),
  );
}

export function renderPostCard(view: PostView, ctx: CardContext): HTMLElement {
  const { post } = view;
  const channels = post.channels
    .map((pc) => ctx.channels.find((c) => c.id === pc.channelId))
    .filter((c): c is Channel => c !== undefined);
  const objective = ctx.objectives.find((o) => o.id === post.objectiveId);

  const time =
    post.planned?.kind === "at"
      ? h(
          "time",
          { class: "post-time", datetime: post.planned.at },
          formatTime(post.planned.at, ctx.zone, ctx.locale),
          ctx.showZone ? h("span", { class: "post-zone" }, t("post.zone", { zone: zoneCity(ctx.zone) })) : null,
        )
      : h("span", { class: "post-time all-day" }, t("post.allDay"));

  const card = h(
    "article",
    {
      class: `post-card status-${post.status}${view.warnings.length ? " has-warnings" : ""}`,
      "data-testid": "post-card",
      "data-post-id": post.id,
      "data-status": post.status,
      tabindex: 0,
      role: "button",
      "aria-label": t("post.open", { title: post.title }),
    },
    h(
      "div",
      { class: "post-meta" },
      time,
      h("span", { class: "badges" }, ...channels.map(channelBadge)),
      h("span", { class: `status-pill status-${post.status}`, "data-testid": "post-status" }, statusLabel(post.status)),
    ),
    h("h3", { class: "post-title", "data-testid": "post-title" }, post.title),
    objective
      ? h(
          "p",
          { class: "post-objective", "data-testid": "post-objective", title: objectiveKindLabel(objective.kind) },
          dot(objective.color),
          h("span", {}, objective.title),
        )
      : null,
    view.warnings.length
      ? h("ul", { class: "warnings" }, ...view.warnings.map((w) => warningItem(warningMessage(w, ctx.channels), w.code)))
      : null,
  );
  const first = channels[0];
  if (first) card.style.setProperty("--accent", first.color);
  card.addEventListener("click", () => ctx.onOpen(post.id));
  card.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      ctx.onOpen(post.id);
    }
  });
  return card;
}

export function dot(color: string): HTMLElement {
  const d = h("span", { class: "dot", "aria-hidden": "true" });
  d.style.setProperty("--dot", color);
  return d;
}
