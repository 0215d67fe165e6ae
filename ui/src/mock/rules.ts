// The core's planning warnings (src/rules.rs), mirrored for the mock backend.
import type { Channel, Objective, Planned, Post, Warning } from "../generated/models";
import { graphemeCount } from "../graphemes";
import { localParts } from "../time/zone";

export function plannedDay(planned: Planned): string {
  return planned.kind === "at" ? localParts(new Date(planned.at), planned.timezone).date : planned.date;
}

export function warnings(post: Post, channels: readonly Channel[], objectives: readonly Objective[]): Warning[] {
  const out: Warning[] = [];
  if (post.status === "cancelled") return out;
  const objective = objectives.find((o) => o.id === post.objectiveId && o.deletedAt === null);
  if (!objective) out.push({ code: "no_objective", field: "objectiveId" });
  if (post.customerValue.trim() === "") out.push({ code: "no_customer_value", field: "customerValue" });
  if (post.channels.length === 0) out.push({ code: "no_channel", field: "channels" });
  for (const pc of post.channels) {
    const channel = channels.find((c) => c.id === pc.channelId);
    if (!channel || channel.charLimit === null) continue;
    const variant = pc.variant !== null && pc.variant.trim() !== "" ? pc.variant : null;
    const length = graphemeCount(variant ?? post.body);
    if (length > channel.charLimit) {
      out.push({
        code: "over_channel_limit",
        field: variant === null ? "body" : "variant",
        channelId: channel.id,
        length,
        limit: channel.charLimit,
      });
    }
  }
  if (objective && post.planned) {
    const day = plannedDay(post.planned);
    const before = objective.startDate !== null && day < objective.startDate;
    const after = objective.endDate !== null && day > objective.endDate;
    if (before || after) out.push({ code: "outside_objective_period", field: "planned" });
  }
  return out;
}
