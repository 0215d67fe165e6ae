// End-to-end « Données » on the real window: export an .ics to a file, serve a feed from the app
// and fetch its URL (200), back up, delete a post and undo it with Ctrl+Z, delete it again, then
// restore the backup (the post is back). WebDriver cannot click GTK's file chooser: the app is
// started with $CADENCE_TEST_SAVE_PATH / $CADENCE_TEST_OPEN_PATH, which make the window skip the
// native dialogs and the commands use that path (src-tauri/src/data_commands.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { By, Key, until } from 'selenium-webdriver';
import { launch, tempDb, ARTIFACTS, screenshot } from './harness.mjs';

let app;
let db;
let out;

before(async () => {
  db = tempDb();
  out = join(dirname(db), 'chosen-file');
  // The daily backup runs 2 s after start-up (not 20): the backups screen lists it.
  app = await launch(db, { LANG: 'fr_FR.UTF-8', CADENCE_TEST_SAVE_PATH: out, CADENCE_TEST_OPEN_PATH: out, CADENCE_MAINTENANCE_DELAY_MS: '2000' });
});

after(async () => {
  if (app) await app.stop();
});

const css = (s) => By.css(s);
const shot = async (driver, name) => writeFileSync(join(ARTIFACTS, `data-${name}.png`), await screenshot(driver), 'base64');
const text = async (driver, s) => (await driver.findElement(css(s))).getText();
const click = async (driver, s) => (await driver.wait(until.elementLocated(css(s)), 10000)).click();
const waitText = (driver, s, re, what) =>
  driver.wait(async () => {
    try {
      return re.test(await text(driver, s));
    } catch {
      return false;
    }
  }, 15000, what);

async function openData(driver) {
  await click(driver, '[data-testid=open-data]');
  await driver.wait(until.elementLocated(css('[data-testid=data-panel]')), 5000);
}

test('the window is up in French', { timeout: 60000 }, async () => {
  const { driver } = app;
  await driver.wait(until.elementLocated(css('[data-testid=calendar][data-ready="true"]')), 30000);
  const lang = await driver.findElement(css('[data-testid=lang-select]'));
  await lang.findElement(css('option[value="fr"]')).click();
  await driver.wait(until.elementLocated(css('[data-view="week"][data-ready="true"]')), 10000);
});

test('export an .ics to the chosen file', { timeout: 60000 }, async () => {
  const { driver } = app;
  await openData(driver);
  await shot(driver, 'panel');
  await click(driver, '[data-testid=export-ics]');
  await waitText(driver, '[data-testid=export-result]', /exportés dans chosen-file/u, 'the export is reported');
  const ics = readFileSync(out, 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'), ics.slice(0, 40));
  assert.ok(ics.includes('BEGIN:VEVENT'));
  assert.ok(ics.trimEnd().endsWith('END:VCALENDAR'));
});

test('serve a feed from the app and fetch it', { timeout: 60000 }, async () => {
  const { driver } = app;
  await click(driver, '[data-testid=open-feeds]');
  await click(driver, '[data-testid=feed-create]');
  await driver.wait(until.elementLocated(css('[data-testid=feed-row]')), 5000);
  await click(driver, '[data-testid=feed-switch]');
  await waitText(driver, '[data-testid=feed-state]', /En service sur http:\/\/127\.0\.0\.1:\d+/u, 'the server runs');
  const url = await (await driver.findElement(css('[data-testid=feed-0-http-url]'))).getAttribute('value');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{32}\.ics$/u);
  const r = await fetch(url);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/calendar/u);
  assert.ok((await r.text()).includes('BEGIN:VCALENDAR'));
  await click(driver, '[data-testid=feed-0-webcal-copy]');
  await waitText(driver, '[data-testid=feed-0-webcal-copied]', /Copié|Copie impossible/u, 'the copy is answered');
  await shot(driver, 'feeds');
  // Stopped: the port is closed.
  await click(driver, '[data-testid=feed-switch]');
  await waitText(driver, '[data-testid=feed-state]', /Arrêté/u, 'the server stops');
  await assert.rejects(fetch(url));
  await click(driver, '[data-testid=data-close]');
});

test('back up, delete a post and undo, delete again, restore the backup', { timeout: 90000 }, async () => {
  const { driver } = app;
  // The automatic backup of the start-up is listed: wait for it on disk first (the earlier tests
  // may be done within the 2 s it waits), then open the screen.
  const backups = join(dirname(db), 'backups');
  await driver.wait(() => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.db')), 15000, 'the automatic backup is written');
  await openData(driver);
  await click(driver, '[data-testid=open-backups]');
  await driver.wait(until.elementLocated(css('[data-testid=backup-row]')), 10000);
  await click(driver, '[data-testid=backup-now]');
  await waitText(driver, '[data-testid=toast-status]', /Sauvegarde enregistrée/u, 'the backup is taken');
  assert.equal(readFileSync(out).subarray(0, 15).toString(), 'SQLite format 3');
  await shot(driver, 'backups');
  await click(driver, '[data-testid=data-close]');

  const card = await driver.findElement(css('[data-testid=post-card]'));
  const id = await card.getAttribute('data-post-id');
  const cardOf = async () => (await driver.findElements(css(`[data-testid=post-card][data-post-id="${id}"]`))).length > 0;
  await card.click();
  await click(driver, '[data-testid=delete-post]');
  await driver.wait(async () => !(await cardOf()), 10000, 'the post leaves the calendar');
  await waitText(driver, '[data-testid=toast-status]', /Post supprimé/u, 'the undo toast');
  await shot(driver, 'undo-toast');
  await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
  await driver.wait(cardOf, 10000, 'Ctrl+Z brings the post back');

  await (await driver.findElement(css(`[data-testid=post-card][data-post-id="${id}"]`))).click();
  await click(driver, '[data-testid=delete-post]');
  await driver.wait(async () => !(await cardOf()), 10000, 'deleted again');
  await openData(driver);
  await click(driver, '[data-testid=open-trash]');
  await driver.wait(until.elementLocated(css(`[data-testid=trash-row][data-id="${id}"]`)), 10000);
  await shot(driver, 'trash');
  await click(driver, '[data-testid=data-back]');
  await click(driver, '[data-testid=open-backups]');
  await click(driver, '[data-testid=backup-restore-file]');
  await waitText(driver, '[data-testid=toast-status]', /Sauvegarde restaurée/u, 'the backup is restored');
  assert.ok(existsSync(join(dirname(db), 'backups')), 'the safety copy folder');
  await click(driver, '[data-testid=data-close]');
  await driver.wait(cardOf, 15000, 'the restored database has the post again');
});
