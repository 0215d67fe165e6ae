import { defineConfig, type Plugin } from "vitest/config";

/**
 * Tauri freezes `Object.prototype` (`freezePrototype` in tauri.conf.json). Preact 10.12, which
 * FullCalendar 6 draws with, copies vnodes with `for (k in src) dst[k] = src[k]`, and a vnode
 * has an own `constructor` key: assigning it to a plain object then throws ("the override
 * mistake", preactjs/preact#5109). This rewrites preact's copy helper to define that key
 * instead, and fails the build if the helper is not found (e.g. after a preact upgrade).
 */
function preactFrozenPrototype(): Plugin {
  const helper = "function h(n,l){for(var u in l)n[u]=l[u];return n}";
  const patched =
    'function h(n,l){for(var u in l)"constructor"===u?Object.defineProperty(n,u,{value:l[u],writable:!0,enumerable:!0,configurable:!0}):n[u]=l[u];return n}';
  return {
    name: "cadence:preact-frozen-prototype",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js/.test(id)) return null;
      if (!code.includes(helper)) this.error(`preact's copy helper changed in ${id}: check the frozen-prototype patch`);
      return { code: code.replace(helper, patched), map: null };
    },
  };
}

/**
 * FullCalendar 6 ships its CSS inside its JavaScript and injects it when its modules are
 * evaluated. The start-up frame of the week (src/views/firstWeek.ts) uses FullCalendar's classes
 * and is drawn before FullCalendar's chunk is loaded, so `virtual:fullcalendar.css` is that CSS,
 * taken from the same files at build time (the rules are then present twice once FullCalendar
 * runs, which changes nothing). The build fails if a file no longer holds its CSS where expected.
 */
function fullCalendarCss(): Plugin {
  const id = "virtual:fullcalendar.css";
  // [package entry to resolve, the file beside it that holds the CSS]
  const files = [
    ["@fullcalendar/core", "internal-common.js"],
    ["@fullcalendar/daygrid/internal", "internal.js"],
    ["@fullcalendar/timegrid/internal", "internal.js"],
    ["@fullcalendar/list/internal", "internal.js"],
  ] as const;
  return {
    name: "cadence:fullcalendar-css",
    resolveId: (source) => (source === id ? id : null),
    async load(source) {
      if (source !== id) return null;
      const parts: string[] = [];
      for (const [entry, file] of files) {
        const resolved = (await this.resolve(entry))?.id;
        if (!resolved) this.error(`${entry} not found`);
        const f = `${entry}: ${file}`;
        const path = resolved.replace(/[^/\\]+$/, file);
        const m = /\nvar css_248z = ("(?:[^"\\\n]|\\.)*");\n/.exec(await this.fs.readFile(path, { encoding: "utf8" }));
        if (!m?.[1]) this.error(`no CSS found in ${f}: check the start-up frame's FullCalendar CSS`);
        parts.push(JSON.parse(m[1]) as string);
      }
      return parts.join("\n");
    },
  };
}

// Start-up path and lazy loading (issue 4: start-up within 1.5x a blank window, measured by
// scripts/bench-app.sh). Only what draws the first week belongs in the entry chunk: main.ts →
// app.ts → views/firstWeek.ts and what they import statically; FullCalendar (views/calendar.ts)
// is loaded once that first frame is painted. A screen or a
// library the first week does not need is imported where it is first used, with a dynamic
// `import()`, which Vite turns into its own chunk, fetched and parsed only then:
//   const { renderDashboard } = await import("./views/dashboard"); // chart.js comes with it
// (see `connect` in src/api.ts: the mock backend is never fetched by the desktop app). Do not
// import such a module statically anywhere, not even for a type (use `import type`), or it
// lands back in the entry chunk. `npm run build` prints the chunks: check the entry's size.
// Tauri expects a fixed port and fails if it is taken rather than picking another one.
export default defineConfig({
  clearScreen: false,
  plugins: [preactFrozenPrototype(), fullCalendarCss()],
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK on Debian stable and WebView2 both handle ES2021.
    target: "es2021",
    sourcemap: false,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
