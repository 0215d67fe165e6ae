// End-to-end: the real app window shows the sample plan's current week, the same posts the
// CLI reads from the same database file, with their warnings, and hostile text stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { launch, tempDb, cli, screenshot, ARTIFACTS } from './harness.mjs';

const PLAN = 'Boulangerie Les Trois Épis';
const XSS = '<img src=x onerror=alert(1)>';
let app;
let db;

before(async () => {
  // An empty database: the app creates the sample plan on first run.
  db = tempDb();
  app = await launch(db);
});

after(async () => {
  if (app) await app.stop();
});

test('the window opens on this week of the sample plan, as the CLI sees it', { timeout: 90000 }, async () => {
  const { driver } = app;
  await driver.wait(until.elementLocated(By.css('[data-testid="post-card"]')), 30000);
  const week = JSON.parse(cli(db, '--json', 'posts', '--plan', PLAN));
  const expected = week.posts.map((v) => v.post.title).sort();
  assert.ok(expected.length >= 6, `the CLI sees ${expected.length} posts this week`);

  const titles = await driver.findElements(By.css('[data-testid="post-card"] [data-testid="post-title"]'));
  const shown = (await Promise.all(titles.map((t) => t.getText()))).map((t) => t.trim()).sort();
  assert.deepEqual(shown, expected);

  const expectedWarnings = week.posts.reduce((n, v) => n + v.warnings.length, 0);
  const cardWarnings = await driver.findElements(By.css('[data-testid="post-card"] [data-testid="warning"]'));
  assert.equal(cardWarnings.length, expectedWarnings, 'every warning is visible on its card');

  const days = await driver.findElements(By.css('[data-testid="day"]'));
  assert.equal(days.length, 7);
  const banners = await driver.findElements(By.css('[data-testid="event-banner"]'));
  assert.equal(banners.length, week.events.length);
  // The start-up frame (drawn without FullCalendar) has given way to one FullCalendar week.
  assert.equal((await driver.findElements(By.css('[data-testid="first-week"]'))).length, 0);
  assert.equal((await driver.findElements(By.css('[data-testid="calendar"][data-view="week"]'))).length, 1);

  writeFileSync(join(ARTIFACTS, 'week.png'), await screenshot(driver), 'base64');
});

test('hostile text written by the CLI while the app runs renders inert', { timeout: 30000 }, async () => {
  const { driver } = app;
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  cli(db, 'add-post', '--plan', PLAN, '--title', XSS, '--body', '<script>alert(2)</script>', '--date', day, '--channel', 'instagram');
  // Leave the week and come back: the view asks the core again.
  const label = '[data-testid="week-label"]';
  const thisWeek = await textOf(driver, label);
  await click(driver, '[data-testid="next-week"]');
  await driver.wait(async () => (await textOf(driver, label)) !== thisWeek, 5000);
  await click(driver, '[data-testid="today"]');
  await driver.wait(async () => {
    try {
      const t = await driver.findElements(By.css('[data-testid="post-title"]'));
      const texts = await Promise.all(t.map((e) => e.getText()));
      return texts.includes(XSS);
    } catch {
      return false;
    }
  }, 5000, 'the new post appears');
  const titles = await driver.findElements(By.css('[data-testid="post-title"]'));
  const texts = await Promise.all(titles.map((t) => t.getText()));
  assert.ok(texts.includes(XSS), 'the title shows as typed');
  const injected = await driver.findElements(By.css('[data-testid="post-card"] img[src="x"]'));
  assert.equal(injected.length, 0, 'no <img> element was created from the title');
  const alertOpen = await driver.executeScript('return document.querySelectorAll("script:not([src])").length');
  assert.equal(alertOpen, 0, 'no inline script was injected');
});

test('the week navigation moves to next week and back', { timeout: 30000 }, async () => {
  const { driver } = app;
  const label = '[data-testid="week-label"]';
  const thisWeek = await textOf(driver, label);
  await click(driver, '[data-testid="next-week"]');
  await driver.wait(async () => (await textOf(driver, label)) !== thisWeek, 5000);
  const next = JSON.parse(cli(db, '--json', 'posts', '--plan', PLAN, '--week', isoWeekOf(7)));
  await driver.wait(async () => {
    try {
      const t = await driver.findElements(By.css('[data-testid="post-title"]'));
      const texts = await Promise.all(t.map((e) => e.getText()));
      return JSON.stringify(texts.sort()) === JSON.stringify(next.posts.map((v) => v.post.title).sort());
    } catch {
      return false;
    }
  }, 5000, 'next week shows the CLI\'s next-week posts');
  await click(driver, '[data-testid="today"]');
  await driver.wait(async () => (await textOf(driver, label)) === thisWeek, 5000);
});

/** The text of the element matching `css`, found afresh (the header re-renders on navigation). */
async function textOf(driver, css) {
  for (let i = 0; i < 5; i++) {
    try {
      return await (await driver.findElement(By.css(css))).getText();
    } catch (e) {
      if (e.name !== 'StaleElementReferenceError') throw e;
    }
  }
  throw new Error(`${css} kept going stale`);
}

async function click(driver, css) {
  await (await driver.findElement(By.css(css))).click();
}

/** ISO week label (e.g. 2026-W49) of today + `days`. */
function isoWeekOf(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
