// First content is in the DOM once this module runs; report it after the next paint.
requestAnimationFrame(() =>
  setTimeout(() => window.__TAURI_INTERNALS__.invoke("ui_ready"), 0),
);
