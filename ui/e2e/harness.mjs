// Starts the real Cadence window under tauri-driver (→ WebKitWebDriver → app) on a temporary
// database, and stops everything afterwards. Run under Xvfb: see `make test-e2e`.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { Builder } from 'selenium-webdriver';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(root, 'target');
export const APP = join(targetDir, 'debug', 'cadence-app');
export const CLI = join(targetDir, 'debug', 'cadence');
export const ARTIFACTS = join(root, 'artifacts', 'e2e');

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((ok, fail) => {
    const attempt = () => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); ok(); });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) fail(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** A fresh temporary database path (the app creates it, with the sample plan, on first run). */
export function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-e2e-'));
  return join(dir, 'cadence.db');
}

/** Runs the `cadence` CLI on `db` and returns its stdout. */
export function cli(db, ...args) {
  return execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
}

/**
 * Starts tauri-driver with CADENCE_DB pointing at `db` (tauri-driver passes its environment to
 * the app), opens a WebDriver session on the app, and returns { driver, stop }. Each launch has
 * its own XDG_DATA_HOME, so the web view's storage (the view and language remembered in
 * localStorage) starts empty instead of carrying over from earlier runs.
 */
export async function launch(db, extraEnv = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = openSync(join(ARTIFACTS, 'tauri-driver.log'), 'a');
  // $CADENCE_E2E_PORT lets several worktrees run their E2E tests at once (default 4444).
  const port = Number(process.env.CADENCE_E2E_PORT ?? 4444);
  const dataHome = mkdtempSync(join(tmpdir(), 'cadence-e2e-data-'));
  const driverProcess = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    // French system, as the tests expect (the language the app starts in comes from it).
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8', XDG_DATA_HOME: dataHome, CADENCE_DB: db, ...extraEnv },
    stdio: ['ignore', log, log],
  });
  let driver;
  const stop = async () => {
    try { if (driver) await driver.quit(); } catch { /* window already gone */ }
    // SIGTERM (never SIGKILL): only then does tauri-driver stop WebKitWebDriver too.
    driverProcess.kill('SIGTERM');
    await new Promise((ok) => {
      if (driverProcess.exitCode !== null) ok();
      else driverProcess.once('exit', ok);
    });
    rmSync(dataHome, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 20000);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}/`)
      .withCapabilities({ browserName: 'wry', 'tauri:options': { application: APP } })
      .build();
  } catch (e) {
    await stop();
    throw e;
  }
  return { driver, stop };
}

/**
 * A PNG (base64) of the window. The app draws without accelerated compositing (see run() in
 * src-tauri/src/lib.rs), and then WebKitWebDriver's screenshot waits for the next paint, which
 * a still page never makes: a change nobody can see (opacity 0.999 for two frames) starts one.
 */
export async function screenshot(driver) {
  await driver.executeScript(`setTimeout(() => {
    const b = document.body;
    b.style.opacity = '0.999';
    requestAnimationFrame(() => requestAnimationFrame(() => { b.style.opacity = ''; }));
  }, 50)`);
  return driver.takeScreenshot();
}

/**
 * Runs `action` again when the element it found was replaced meanwhile (the header and the
 * filter bar are redrawn when the view reloads): a user would simply click the new one.
 */
export async function retryStale(action, tries = 5) {
  for (let i = 1; ; i++) {
    try {
      return await action();
    } catch (e) {
      if (e?.name !== 'StaleElementReferenceError' || i >= tries) throw e;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}
