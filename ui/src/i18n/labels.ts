// Names of the closed vocabularies, warnings and errors in the current locale.
import type {
  Channel,
  ErrorPayload,
  EventKind,
  ObjectiveKind,
  Platform,
  PostStatus,
  Warning,
} from "../generated/models";
import { isMessageKey, t } from "./index";

export const STATUSES: readonly PostStatus[] = [
  "idea",
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "published",
  "cancelled",
];

export const statusLabel = (s: PostStatus): string => t(`status.${s}`);
export const platformLabel = (p: Platform): string => t(`platform.${p}`);
export const objectiveKindLabel = (k: ObjectiveKind): string => t(`objectiveKind.${k}`);
export const eventKindLabel = (k: EventKind): string => t(`eventKind.${k}`);

/** The label of an input field named by an error or a warning, e.g. `customerValue`. */
export function fieldLabel(field: string | undefined): string {
  const key = `field.${field ?? "generic"}`;
  return isMessageKey(key) ? t(key) : field || t("field.generic");
}

export function warningMessage(w: Warning, channels: readonly Channel[]): string {
  // A newer core may send a code this build does not know yet.
  if (!isMessageKey(`warning.${w.code}`)) return t("warning.unknown", { code: w.code });
  const channel = channels.find((c) => c.id === w.channelId);
  const holidayKey = `holiday.${w.holiday ?? ""}`;
  return t(`warning.${w.code}`, {
    channel: channel?.name ?? w.channelId ?? "",
    length: w.length ?? "",
    limit: w.limit ?? "",
    holiday: isMessageKey(holidayKey) ? t(holidayKey) : (w.holiday ?? ""),
  });
}

export const ERROR_CODES = [
  "empty",
  "too_long",
  "invalid",
  "unknown_zone",
  "nonexistent_local_time",
  "end_before_start",
  "not_found",
  "plan_not_found",
  "foreign_plan",
  "duplicate",
  "schema_too_new",
  "not_a_database",
  "busy",
  "database",
  "io",
  "import_row",
  "file_too_large",
  "unsupported_file",
  // Refused by the window itself, before the core: a date or time field it cannot read.
  "invalid_date",
  "invalid_time",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** A known code gives its translation; anything else the generic message with the core's text. */
export function errorMessage(error: ErrorPayload): string {
  if (!isErrorCode(error.code)) return t("error.unknown", { message: error.message });
  return t(`error.${error.code}`, { field: fieldLabel(error.field) });
}
