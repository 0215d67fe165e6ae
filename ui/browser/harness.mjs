// Serves the built UI (ui/dist) with `vite preview` on a free 127.0.0.1 port and drives it in
// Debian's Chromium (headless) through playwright-core. The UI runs on its mock backend.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(ui, '..', 'artifacts', 'browser');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the preview server and the browser; returns { base, browser, newPage, stop }. */
export async function start() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const server = spawn(join(ui, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ui,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'cadence-chromium-'));
  let context;
  const stop = async () => {
    try { if (context) await context.close(); } catch { /* already closed */ }
    server.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await waitForHttp(base, 20000);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (e) {
    await stop();
    throw e;
  }
  // As in the Tauri window (tauri.conf.json "freezePrototype": true).
  await context.addInitScript(() => Object.freeze(Object.prototype));

  /** A fresh page on `query` (e.g. "?today=2026-11-25"), with console errors collected. */
  const newPage = async (query, { clearStorage = true } = {}) => {
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
    if (clearStorage) {
      await page.goto(base);
      await page.evaluate(() => window.localStorage.clear());
    }
    await page.goto(base + query);
    return page;
  };
  return { base, context, newPage, stop };
}
