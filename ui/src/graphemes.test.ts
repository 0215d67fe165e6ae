import { describe, expect, it } from "vitest";
import { graphemeCount } from "./graphemes";

describe("graphemeCount", () => {
  it("counts a precomposed é once", () => {
    expect(graphemeCount("é")).toBe(1);
    expect(graphemeCount("Crème brûlée")).toBe(12);
  });

  it("counts a letter with combining accents once", () => {
    expect("e\u0301".length).toBe(2);
    expect(graphemeCount("e\u0301")).toBe(1);
    expect(graphemeCount("a\u0302\u0323")).toBe(1);
  });

  it("counts an emoji with a skin tone once", () => {
    expect("👍🏽".length).toBe(4);
    expect(graphemeCount("👍🏽")).toBe(1);
  });

  it("counts each flag once", () => {
    expect(graphemeCount("🇫🇷")).toBe(1);
    expect(graphemeCount("🇫🇷🇨🇦")).toBe(2);
  });

  it("counts a ZWJ family once", () => {
    expect(graphemeCount("👩‍👩‍👧")).toBe(1);
    expect(graphemeCount("👨‍👩‍👧‍👦 ok")).toBe(4);
  });

  it("counts nothing in an empty text and CRLF as one", () => {
    expect(graphemeCount("")).toBe(0);
    expect(graphemeCount("a\r\nb")).toBe(3);
  });
});
