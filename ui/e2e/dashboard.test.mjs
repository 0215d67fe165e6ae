// End-to-end on the real window (strategy-b): the dashboard of the sample plan agrees with
// `cadence --json dashboard`, the CSV export writes where CADENCE_TEST_SAVE_PATH says, and
// « Tout suspendre » puts posts on hold (SQLite agrees, the red banner shows) until
// « Reprendre » gives every post back exactly its status. Screenshots in artifacts/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { launch, tempDb, cli, ARTIFACTS, screenshot } from './harness.mjs';

const PLAN = 'Boulangerie Les Trois Épis';
const REASON = 'Bad buzz sur la campagne de Noël';
let app;
let db;
const csvPath = join(mkdtempSync(join(tmpdir(), 'cadence-e2e-csv-')), 'tableau.csv');

before(async () => {
  db = tempDb();
  app = await launch(db, { LANG: 'fr_FR.UTF-8', CADENCE_TEST_SAVE_PATH: csvPath });
});

after(async () => {
  if (app) await app.stop();
});

const css = (s) => By.css(s);
const shot = async (driver, name) => writeFileSync(join(ARTIFACTS, name), await screenshot(driver), 'base64');
const sql = (q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
const statuses = () => sql("SELECT id || '=' || status FROM posts WHERE deleted_at IS NULL ORDER BY id");

async function ready(driver) {
  await driver.wait(async () => (await driver.findElements(css('[data-view][data-ready="true"], [data-testid=lanes][data-ready="true"]'))).length > 0, 20000, 'a calendar view is drawn').catch(async (e) => { await shot(driver, 'dashboard-failure.png'); throw e; });
}

test('the dashboard shows the same figures as the CLI and exports its CSV', { timeout: 90000 }, async () => {
  const { driver } = app;
  await ready(driver);
  await driver.findElement(css('[data-testid=open-dashboard]')).click();
  const summary = await driver.wait(until.elementLocated(css('[data-testid=dashboard-summary]')), 20000);
  const text = await summary.getText();
  const month = execFileSync('date', ['+%Y-%m'], { encoding: 'utf8' }).trim();
  const d = JSON.parse(cli(db, '--json', 'dashboard', '--plan', PLAN, '--month', month));
  assert.match(text, new RegExp(`^${d.posts} publication`), `summary “${text}” vs ${d.posts} posts in ${month}`);
  const rows = await driver.findElements(css('[data-testid=mix-table] tbody tr'));
  const first = await rows[0].findElements(css('td'));
  assert.equal(Number(await first[0].getText()), d.objectives[0].posts, 'posts of the first objective');
  const empty = await driver.findElement(css('[data-testid=empty-days] .count')).getText();
  assert.equal(Number(empty), d.emptyDays.length);
  assert.equal((await driver.findElements(css('[data-testid=dashboard] canvas'))).length, 3);
  await shot(driver, 'dashboard.png');
  await driver.findElement(css('[data-testid=dashboard-export]')).click();
  await driver.wait(async () => (await driver.findElement(css('[data-testid=dashboard-status]')).getText()).includes('tableau.csv'), 10000, 'export reported');
  assert.ok(existsSync(csvPath));
  const csv = readFileSync(csvPath, 'utf8');
  assert.ok(csv.split('\n').length > 10, 'CSV rows');
  assert.equal(csv, cli(db, 'dashboard', '--plan', PLAN, '--month', month, '--csv', '-'), 'the same CSV as the CLI');
  await driver.findElement(css('[data-testid=dashboard-close]')).click();
});

test('hold everything with a reason, the banner shows, resume restores every status', { timeout: 90000 }, async () => {
  const { driver } = app;
  await ready(driver);
  const before = statuses();
  const was = new Map(before.split('\n').map((x) => x.split('=')));
  await driver.findElement(css('[data-testid=open-crisis]')).click();
  const reason = await driver.wait(until.elementLocated(css('[data-testid=crisis-reason]')), 10000);
  await driver.findElement(css('[data-testid=crisis-hold]')).click();
  assert.equal((await driver.findElements(css('[data-testid=crisis-confirm]'))).length, 0, 'no confirmation without a reason');
  await reason.sendKeys(REASON);
  await driver.findElement(css('[data-testid=crisis-hold]')).click();
  await driver.findElement(css('[data-testid=crisis-confirm]')).click();
  const banner = await driver.wait(until.elementLocated(css('[data-testid=crisis-banner]')), 10000);
  assert.match(await banner.getText(), new RegExp(REASON));
  const held = sql("SELECT id FROM posts WHERE status = 'held' AND deleted_at IS NULL").split('\n').filter(Boolean);
  assert.ok(held.length > 0, 'posts on hold');
  for (const id of held) assert.match(was.get(id), /^(approved|scheduled)$/, `${id} was approved or scheduled`);
  assert.equal(sql("SELECT action || '|' || reason || '|' || posts FROM crisis_log ORDER BY at DESC LIMIT 1"), `hold|${REASON}|${held.length}`);
  const status = JSON.parse(cli(db, '--json', 'crisis', 'status', '--plan', PLAN));
  assert.equal(status.active, true, 'the CLI sees the hold');
  assert.equal(status.heldPosts, held.length, 'the CLI counts the held posts');
  await driver.sleep(300);
  await shot(driver, 'crisis-screen-held.png');
  await driver.findElement(css('[data-testid=crisis-close]')).click();
  await ready(driver);
  await driver.sleep(500);
  await shot(driver, 'crisis-banner.png');
  await driver.findElement(css('[data-testid=crisis-resume]')).click();
  const again = await driver.wait(until.elementLocated(css('[data-testid=crisis-reason]')), 10000);
  await again.sendKeys('Retour au calme');
  await driver.findElement(css('[data-testid=crisis-resume-go]')).click();
  await driver.findElement(css('[data-testid=crisis-confirm]')).click();
  await driver.wait(async () => (await driver.findElements(css('[data-testid=crisis-banner]'))).length === 0, 10000, 'the banner goes');
  assert.equal(statuses(), before, 'every post has its status back');
  assert.equal(JSON.parse(cli(db, '--json', 'crisis', 'status', '--plan', PLAN)).active, false);
  // The view is remembered in the webview's storage across runs: leave the default one.
  await driver.findElement(css('[data-testid=crisis-close]')).click();
  await driver.findElement(css('[data-testid=view-week]')).click();
  await driver.wait(async () => (await driver.findElements(css('[data-view="week"][data-ready="true"]'))).length > 0, 20000);
});
