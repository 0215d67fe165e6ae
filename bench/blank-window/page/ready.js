// First content is in the DOM once this module runs; report it after the next paint, with the
// page's steps as wall-clock ms (as Cadence's page does: ui/src/startupTrace.ts).
performance.mark("page:module");
requestAnimationFrame(() =>
  setTimeout(() => {
    const origin = performance.timeOrigin;
    const nav = performance.getEntriesByType("navigation")[0];
    const steps = [["page:module", origin + performance.getEntriesByName("page:module")[0].startTime]];
    if (nav) steps.unshift(["page:dom-interactive", origin + nav.domInteractive]);
    window.__TAURI_INTERNALS__.invoke("ui_ready", { steps });
  }, 0),
);
