// The core's input checks (src/service/validate.rs), mirrored for the mock backend.
import type { ErrorPayload } from "../generated/models";
import { graphemeCount } from "../graphemes";

export const LIMITS = {
  TITLE: 500,
  SHORT_TEXT: 2_000,
  NAME: 200,
  BODY: 100_000,
  TAG: 100,
  MAX_TAGS: 50,
  MAX_LINKS: 50,
  URL: 2_048,
  DURATION_MINUTES: 7 * 24 * 60,
} as const;

/** What the mock rejects with: the same `{ code, message, field? }` the core sends. */
export function fail(code: string, message: string, field?: string): ErrorPayload {
  return field === undefined ? { code, message } : { code, message, field };
}

export function required(field: string, value: unknown, max: number): string {
  const v = typeof value === "string" ? value.trim() : "";
  if (v === "") throw fail("empty", `${field} must not be empty`, field);
  return optional(field, v, max);
}

export function optional(field: string, value: unknown, max: number): string {
  if (typeof value !== "string") throw fail("invalid", `${field}: expected a text`, field);
  const v = value.trim();
  const length = graphemeCount(v);
  if (length > max) {
    throw fail("too_long", `${field} is too long (${length} characters, at most ${max})`, field);
  }
  return v;
}

/** Kept as typed except trailing blanks. */
export function text(field: string, value: unknown, max: number): string {
  if (typeof value !== "string") throw fail("invalid", `${field}: expected a text`, field);
  const length = graphemeCount(value);
  if (length > max) {
    throw fail("too_long", `${field} is too long (${length} characters, at most ${max})`, field);
  }
  return value.trimEnd();
}

export function url(field: string, value: string): string {
  const v = optional(field, value, LIMITS.URL);
  const lower = v.toLowerCase();
  const rest = lower.startsWith("https://")
    ? lower.slice(8)
    : lower.startsWith("http://")
      ? lower.slice(7)
      : null;
  if (rest === null || rest === "" || rest.startsWith("/") || /\s/.test(v)) {
    throw fail("invalid", `${field}: "${v}" is not a web address (http:// or https://)`, field);
  }
  return v;
}

export function tags(values: unknown): string[] {
  if (!Array.isArray(values)) throw fail("invalid", "tags: expected a list", "tags");
  const out: string[] = [];
  for (const raw of values) {
    const tag = optional("tags", String(raw).trim().replace(/^#+/, ""), LIMITS.TAG);
    if (tag !== "" && !out.some((o) => o.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  if (out.length > LIMITS.MAX_TAGS) throw fail("invalid", `tags: at most ${LIMITS.MAX_TAGS} tags`, "tags");
  return out;
}

export function links(values: unknown): string[] {
  if (!Array.isArray(values)) throw fail("invalid", "links: expected a list", "links");
  const out: string[] = [];
  for (const raw of values) {
    if (String(raw).trim() === "") continue;
    const l = url("links", String(raw));
    if (!out.includes(l)) out.push(l);
  }
  if (out.length > LIMITS.MAX_LINKS) throw fail("invalid", `links: at most ${LIMITS.MAX_LINKS} links`, "links");
  return out;
}
