// Start-up steps for `scripts/bench-app.sh`: `performance.mark("cadence:…")` along the start-up
// path, sent with the page's own navigation timings to `ui_ready` as wall-clock milliseconds
// (the shell turns them into "ms since launch" in $CADENCE_READY_FILE).

/** Runs `f` once the next frame is painted (same rule as the blank window's page). */
export function afterPaint(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}

/** `[step, wall-clock ms]` of the page's start-up so far. */
export function startupSteps(): [string, number][] {
  const origin = performance.timeOrigin;
  const out: [string, number][] = [["page:origin", origin]];
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    out.push(["page:response", origin + nav.responseEnd]);
    out.push(["page:dom-interactive", origin + nav.domInteractive]);
  }
  for (const r of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
    const file = r.name.split("/").pop() ?? r.name;
    if (/\.(js|css)$/.test(file)) out.push([`page:loaded:${file}`, origin + r.responseEnd]);
  }
  for (const m of performance.getEntriesByType("mark")) {
    if (m.name.startsWith("cadence:")) out.push([m.name, origin + m.startTime]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}
