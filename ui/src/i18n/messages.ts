// Message types, the current locale and `t`. Keys are derived from the French file, so a
// typo in a key is a type error.
import { fr } from "./fr";

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export type Locale = "fr" | "fr-CA" | "en";
export const LOCALES: readonly Locale[] = ["fr", "fr-CA", "en"];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** Replaces each {name} by its parameter; unknown placeholders stay as written. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
