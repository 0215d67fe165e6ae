// User-perceived characters, the unit the core uses for channel limits.

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Extended grapheme clusters: "é", "e\u0301", "👍🏽" and "🇫🇷" each count once. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}
