// What a post shows inside the calendar (week, month, agenda) and the channel lanes: channel
// colour and icon, time, title, status and one warning marker per warning.
import type { Channel, Event, Platform, PostView } from "../generated/models";
import { h } from "../dom";
import { formatTime, zoneCity } from "../format";
import { t } from "../i18n/index";
import { eventKindLabel, platformLabel, statusLabel, warningMessage } from "../i18n/labels";
import type { CardContext } from "./postCard";

/** A short mark for each platform, drawn in the channel's colour (no image, no font icons). */
const PLATFORM_MARK: Record<Platform, string> = {
  linkedin: "in",
  facebook: "f",
  instagram: "IG",
  x: "X",
  youtube: "YT",
  tiktok: "TT",
  pinterest: "P",
  threads: "@",
  bluesky: "BS",
  mastodon: "M",
  internal: "Int",
  newsletter: "NL",
  blog: "B",
  other: "•",
};

export function platformMark(platform: Platform): string {
  return PLATFORM_MARK[platform];
}

export function channelIcon(channel: Channel): HTMLElement {
  const icon = h(
    "span",
    {
      class: "channel-icon",
      "data-testid": "channel-badge",
      "data-channel-id": channel.id,
      title: `${channel.name} · ${platformLabel(channel.platform)}`,
      "aria-label": channel.name,
    },
    platformMark(channel.platform),
  );
  icon.style.setProperty("--channel", channel.color);
  return icon;
}

export function channelsOf(view: PostView, channels: readonly Channel[]): Channel[] {
  return view.post.channels.map((pc) => channels.find((c) => c.id === pc.channelId)).filter((c): c is Channel => c !== undefined);
}

export type ContentMode = "block" | "line";

/**
 * The inside of a post's box. "block": time and marks, title, status (week, agenda, lanes);
 * "line": one line (month).
 */
export function renderPostContent(view: PostView, ctx: CardContext, mode: ContentMode): HTMLElement {
  const { post } = view;
  const channels = channelsOf(view, ctx.channels);
  const time =
    post.planned?.kind === "at"
      ? h(
          "time",
          { class: "post-time", datetime: post.planned.at },
          formatTime(post.planned.at, ctx.zone, ctx.locale),
          ctx.showZone && mode === "block" ? h("span", { class: "post-zone" }, ` ${t("post.zone", { zone: zoneCity(ctx.zone) })}`) : null,
        )
      : null;
  const warnings = view.warnings.map((w) => {
    const text = warningMessage(w, ctx.channels);
    return h("span", { class: "warning-marker", "data-testid": "warning", "data-code": w.code, title: text, "aria-label": text }, "⚠");
  });
  const status = h(
    "span",
    { class: `status-pill status-${post.status}`, "data-testid": "post-status", title: statusLabel(post.status) },
    statusLabel(post.status),
  );
  // The box clips the title; the title itself does not (WebKitWebDriver reads no text from an
  // element that hides its own overflow).
  const title = h("div", { class: "post-title-box" }, h("span", { class: "post-title", "data-testid": "post-title" }, post.title));
  if (mode === "line") {
    // One line in a month cell: first channel, time, title, one warning marker. The status is
    // in the box's tooltip and style (dashed idea, struck-out cancelled).
    const all = view.warnings.map((w) => warningMessage(w, ctx.channels)).join("\n");
    const marker = view.warnings.length
      ? h("span", { class: "warning-marker", "data-testid": "warning", "data-count": view.warnings.length, title: all, "aria-label": all }, "⚠")
      : null;
    const first = channels[0];
    return h(
      "div",
      { class: "cad-post-content line", title: `${post.title} · ${statusLabel(post.status)}` },
      first ? channelIcon(first) : null,
      time,
      title,
      marker,
    );
  }
  return h(
    "div",
    { class: "cad-post-content block" },
    h(
      "div",
      { class: "cad-post-top" },
      ...channels.map(channelIcon),
      h("span", { class: `status-dot status-${post.status}`, title: statusLabel(post.status), "aria-hidden": "true" }),
      time,
      h("span", { class: "spacer" }),
      ...warnings,
    ),
    title,
    h("div", { class: "cad-post-bottom" }, status),
  );
}

export function renderEventContent(event: Event): HTMLElement {
  const about = [eventKindLabel(event.kind), event.title, event.location].filter((x) => x !== "").join(" · ");
  return h(
    "div",
    { class: "cad-event-content", title: about, "aria-label": about },
    h("span", { class: "event-star", "aria-hidden": "true" }, "★"),
    h("strong", { class: "event-title" }, event.title),
    event.location ? h("span", { class: "event-location" }, event.location) : null,
  );
}

export function renderMoreContent(count: number): HTMLElement {
  return h("div", { class: "cad-more-content", title: t("calendar.moreOn", { count }) }, t("calendar.more", { count }));
}
