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

// Tauri expects a fixed port and fails if it is taken rather than picking another one.
export default defineConfig({
  clearScreen: false,
  plugins: [preactFrozenPrototype()],
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
