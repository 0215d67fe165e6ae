import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { frCA } from "./fr-CA";
import { chooseLocale, initialLocale, messagesFor, saveLocale, setLocale, t } from "./index";
import { errorMessage, ERROR_CODES, fieldLabel, platformLabel, statusLabel, warningMessage } from "./labels";
import { interpolate } from "./messages";

afterEach(() => setLocale("fr"));

describe("chooseLocale", () => {
  it("maps the browser language", () => {
    expect(chooseLocale("fr-CA")).toBe("fr-CA");
    expect(chooseLocale("fr-ca")).toBe("fr-CA");
    expect(chooseLocale("fr_CA")).toBe("fr-CA");
    expect(chooseLocale("fr-FR")).toBe("fr");
    expect(chooseLocale("fr-BE")).toBe("fr");
    expect(chooseLocale("fr")).toBe("fr");
    expect(chooseLocale("en-US")).toBe("en");
    expect(chooseLocale("de-DE")).toBe("en");
    expect(chooseLocale("fry")).toBe("en");
    expect(chooseLocale(undefined)).toBe("en");
  });

  it("prefers the saved choice, and ignores a broken one", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(initialLocale(storage, "fr-FR")).toBe("fr");
    saveLocale(storage, "en");
    expect(initialLocale(storage, "fr-FR")).toBe("en");
    store.set("cadence.locale", "klingon");
    expect(initialLocale(storage, "fr-CA")).toBe("fr-CA");
    const refusing = { getItem: () => { throw new Error("denied"); } };
    expect(initialLocale(refusing, "fr-CA")).toBe("fr-CA");
  });
});

describe("message files", () => {
  it("has every key of fr in en, and nothing more", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe("");
  });

  it("keeps fr-CA a small overlay of existing keys", () => {
    const frKeys = new Set(Object.keys(fr));
    const overlay = Object.keys(frCA);
    expect(overlay.length).toBeGreaterThan(5);
    expect(overlay.length).toBeLessThan(frKeys.size / 2);
    for (const k of overlay) expect(frKeys.has(k), k).toBe(true);
  });

  it("uses the same placeholders in every language", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(fr)) {
      expect(names(en[k as keyof typeof en]), k).toEqual(names(v));
      const ca = frCA[k as keyof typeof frCA];
      if (ca !== undefined) expect(names(ca), k).toEqual(names(v));
    }
  });

  it("overlays fr-CA on fr", () => {
    const ca = messagesFor("fr-CA");
    expect(ca["week.weekend"]).toBe("Fin de semaine");
    expect(ca["day.empty"]).toBe(fr["day.empty"]);
    expect(ca["platform.newsletter"]).toContain("courriel");
  });
});

describe("t", () => {
  it("translates in the current locale with parameters", () => {
    setLocale("fr");
    expect(t("day.empty")).toBe("Rien de prévu");
    expect(t("week.label", { week: 48, range: "23–29 nov. 2026" })).toBe("Semaine 48 · 23–29 nov. 2026");
    setLocale("en");
    expect(t("day.empty")).toBe("Nothing planned");
    setLocale("fr-CA");
    expect(t("header.newPost")).toBe("+ Nouvelle publication");
  });

  it("leaves unknown placeholders visible", () => {
    expect(interpolate("{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });

  it("names statuses and platforms", () => {
    expect(statusLabel("in_review")).toBe("En relecture");
    expect(platformLabel("internal")).toBe("Réseau interne");
  });
});

describe("errorMessage", () => {
  it("translates a known code and names the field", () => {
    expect(errorMessage({ code: "empty", message: "title must not be empty", field: "title" })).toBe(
      "« Titre » ne peut pas être vide.",
    );
    setLocale("en");
    expect(errorMessage({ code: "nonexistent_local_time", message: "x", field: "planned" })).toMatch(/does not exist/);
  });

  it("has a message for every error code", () => {
    for (const code of ERROR_CODES) {
      const text = errorMessage({ code, message: "ENGLISH" });
      expect(text, code).not.toContain("ENGLISH");
      expect(text, code).not.toContain("{");
    }
  });

  it("falls back to a generic message with the English text", () => {
    expect(errorMessage({ code: "exploded", message: "disk on fire" })).toBe("Erreur inattendue : disk on fire");
  });

  it("shows an unknown field by its name", () => {
    expect(fieldLabel("results.url")).toBe("results.url");
    expect(fieldLabel(undefined)).toBe("Ce champ");
  });
});

describe("warningMessage", () => {
  it("names the channel and the numbers of an over-limit text", () => {
    const channel = { id: "c1", name: "Instagram @troisepis" } as never;
    const w = { code: "over_channel_limit", field: "body", channelId: "c1", length: 2300, limit: 2200 } as const;
    expect(warningMessage(w, [channel])).toBe("Instagram @troisepis : 2300 caractères pour 2200 maximum");
  });

  it("survives a code from a newer core", () => {
    expect(warningMessage({ code: "brand_new" as never, field: "x" }, [])).toBe("À revoir (brand_new)");
  });
});
