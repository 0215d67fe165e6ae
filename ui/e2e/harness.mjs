// Starts the real Cadence window under tauri-driver (→ WebKitWebDriver → app) on a temporary
// database, and stops everything afterwards. Run under Xvfb: see `make test-e2e`.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync } from 'node:fs';
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
// tauri-driver's port (WebKitWebDriver takes the next one): CADENCE_E2E_PORT lets two runs
// share a machine.
const PORT = Number(process.env.CADENCE_E2E_PORT ?? 4444);

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
 * the app), opens a WebDriver session on the app, and returns { driver, stop }.
 */
export async function launch(db, extraEnv = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = openSync(join(ARTIFACTS, 'tauri-driver.log'), 'a');
  const driverProcess = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(PORT + 1)], {
    env: { ...process.env, CADENCE_DB: db, ...extraEnv },
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
  };
  try {
    await waitForPort(PORT, 20000);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${PORT}/`)
      .withCapabilities({ browserName: 'wry', 'tauri:options': { application: APP } })
      .build();
  } catch (e) {
    await stop();
    throw e;
  }
  return { driver, stop };
}
