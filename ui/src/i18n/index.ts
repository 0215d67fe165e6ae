// The current locale, the `t` function and the locale's Intl settings.
import { en } from "./en";
import { fr } from "./fr";
import { frCA } from "./fr-CA";
import {
  interpolate,
  isLocale,
  type Locale,
  type MessageKey,
  type Messages,
  type Params,
} from "./messages";

export { LOCALES, isLocale, isMessageKey, type Locale, type MessageKey } from "./messages";

const STORAGE_KEY = "cadence.locale";

export function messagesFor(locale: Locale): Messages {
  switch (locale) {
    case "fr":
      return fr;
    case "fr-CA":
      return { ...fr, ...frCA };
    case "en":
      return en;
  }
}

/** fr-CA → fr-CA, any other French → fr, anything else → en. */
export function chooseLocale(language: string | undefined | null): Locale {
  const tag = (language ?? "").trim().replace(/_/g, "-").toLowerCase();
  if (tag === "fr-ca" || tag.startsWith("fr-ca-")) return "fr-CA";
  if (tag === "fr" || tag.startsWith("fr-")) return "fr";
  return "en";
}

/** The BCP 47 tag handed to Intl for a locale. */
export function intlTag(locale: Locale): string {
  return locale === "fr" ? "fr-FR" : locale;
}

/** The saved choice if any, else the browser's language. */
export function initialLocale(
  storage: Pick<Storage, "getItem"> | undefined,
  language: string | undefined,
): Locale {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be refused (private mode); the browser language is then enough.
  }
  return isLocale(saved) ? saved : chooseLocale(language);
}

export function saveLocale(storage: Pick<Storage, "setItem"> | undefined, locale: Locale): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered; nothing else breaks.
  }
}

let current: Locale = "fr";
let messages: Messages = fr;

export function setLocale(locale: Locale): void {
  current = locale;
  messages = messagesFor(locale);
  if (typeof document !== "undefined") document.documentElement.lang = intlTag(locale);
}

export function getLocale(): Locale {
  return current;
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate(messages[key], params);
}
