// Campaign steps as lines a person types and reads: "J-7 10:00 instagram Teasing".
// Offset (J-7, J, J+1; D-7 in English), an optional time, an optional channel kind (or "tous" /
// "all" for every channel), then the title.
import type { Platform, PostStatus, TemplateStep } from "../generated/models";

export const PLATFORMS: readonly Platform[] = [
  "linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "pinterest", "threads",
  "bluesky", "mastodon", "internal", "newsletter", "blog", "other",
];

const EVERY_CHANNEL = ["tous", "toutes", "all", "*"];

/** "J-7", "J", "J+1" (French) or "D-7", "D", "D+1" (English). */
export function offsetLabel(offset: number, french = true): string {
  const letter = french ? "J" : "D";
  if (offset === 0) return letter;
  return offset > 0 ? `${letter}+${offset}` : `${letter}${offset}`;
}

export function formatStep(step: TemplateStep, french = true): string {
  const parts = [offsetLabel(step.offsetDays, french)];
  if (step.time) parts.push(step.time.slice(0, 5));
  parts.push(step.platform ?? (french ? "tous" : "all"));
  parts.push(step.title);
  return parts.join(" ");
}

export function parseStep(line: string, status: PostStatus = "draft"): TemplateStep | null {
  const words = line.trim().split(/\s+/).filter((w) => w !== "");
  const first = words.shift();
  if (first === undefined) return null;
  const m = /^(?:[JjDd])?([+-]?\d+)?$/.exec(first);
  if (!m || (m[1] === undefined && !/^[JjDd]$/.test(first))) return null;
  const offsetDays = m[1] === undefined ? 0 : Number(m[1]);
  if (!Number.isInteger(offsetDays) || Math.abs(offsetDays) > 366) return null;
  let time: string | null = null;
  const maybeTime = words[0];
  if (maybeTime !== undefined && /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.test(maybeTime)) {
    const [hh, mm] = maybeTime.split(/[:h]/);
    time = `${(hh ?? "0").padStart(2, "0")}:${mm ?? "00"}:00`;
    words.shift();
  }
  let platform: Platform | null = null;
  const maybeKind = words[0]?.toLowerCase();
  if (maybeKind !== undefined && EVERY_CHANNEL.includes(maybeKind)) {
    words.shift();
  } else if (maybeKind !== undefined && (PLATFORMS as readonly string[]).includes(maybeKind)) {
    platform = maybeKind as Platform;
    words.shift();
  }
  const title = words.join(" ");
  if (title === "") return null;
  return { offsetDays, time, platform, title, status };
}

/** Every non-empty line as a step, or the 1-based numbers of the lines that are not steps. */
export function parseSteps(text: string): { steps: TemplateStep[]; badLines: number[] } {
  const steps: TemplateStep[] = [];
  const badLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const step = parseStep(line);
    if (step) steps.push(step);
    else badLines.push(i + 1);
  });
  return { steps, badLines };
}
