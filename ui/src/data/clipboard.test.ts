// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { copyText } from "./clipboard";

describe("copyText", () => {
  it("uses the clipboard API when it answers", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await copyText("webcal://x", null, { writeText })).toBe(true);
    expect(writeText).toHaveBeenCalledWith("webcal://x");
  });

  it("falls back to selecting the field and execCommand('copy')", async () => {
    const field = document.createElement("input");
    field.value = "webcal://127.0.0.1:8719/feeds/abc.ics";
    document.body.append(field);
    const exec = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    const refused = { writeText: () => Promise.reject(new Error("denied")) };
    expect(await copyText(field.value, field, refused)).toBe(true);
    expect(exec).toHaveBeenCalledWith("copy");
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(await copyText("x", null, refused)).toBe(false);
  });
});
