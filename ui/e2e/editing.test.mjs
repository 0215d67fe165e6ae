// End-to-end on the real window: create a post in French through the panel, move it to
// Thursday (drag and drop, or the keyboard path if WebKitWebDriver's drag does not reach
// FullCalendar), check the database and `cadence posts`, switch the language, and keep a
// screenshot of every view in artifacts/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, Key, until } from 'selenium-webdriver';
import { launch, tempDb, cli, screenshot, retryStale, ARTIFACTS } from './harness.mjs';

const PLAN = 'Boulangerie Les Trois Épis';
const TITLE = 'Galette des rois : précommandes ouvertes';
let app;
let db;
let monday;

before(async () => {
  db = tempDb();
  app = await launch(db, { LANG: 'fr_FR.UTF-8' });
});

after(async () => {
  if (app) await app.stop();
});

const css = (s) => By.css(s);

async function ready(driver, view) {
  await driver.wait(async () => {
    const els = await driver.findElements(css(`[data-view="${view}"][data-ready="true"], [data-testid=lanes][data-ready="true"]`));
    return els.length > 0;
  }, 20000, `the ${view} view is drawn`);
}

async function shot(driver, name) {
  writeFileSync(join(ARTIFACTS, name), await screenshot(driver), 'base64');
}

/** The day (plan's zone) of the post titled TITLE, as the CLI sees it. */
function cliDay() {
  const week = JSON.parse(cli(db, '--json', 'posts', '--plan', PLAN, '--week', isoWeek(monday)));
  const view = week.posts.find((v) => v.post.title === TITLE);
  if (!view) return null;
  const p = view.post.planned;
  return p.kind === 'at' ? p.local.slice(0, 10) : p.date;
}

test('create a post in French through the panel', { timeout: 90000 }, async () => {
  const { driver } = app;
  await driver.wait(until.elementLocated(css('[data-testid=calendar][data-ready="true"]')), 30000);
  const lang = await driver.findElement(css('[data-testid=lang-select]'));
  await lang.findElement(css('option[value="fr"]')).click();
  await ready(driver, 'week');
  monday = await (await driver.findElement(css('[data-testid=day]'))).getAttribute('data-date');
  assert.match(monday, /^\d{4}-\d{2}-\d{2}$/);

  await (await driver.findElement(css('[data-testid=new-post]'))).click();
  const panel = await driver.wait(until.elementLocated(css('[data-testid=post-panel]')), 5000);
  assert.equal(await (await panel.findElement(css('h2'))).getText(), 'Nouveau post');
  await (await panel.findElement(css('[name=title]'))).sendKeys(TITLE);
  await (await panel.findElement(css('[name=body]'))).sendKeys('La galette frangipane revient dès le 2 janvier. Réservez la vôtre en boutique ! 👑');
  await (await panel.findElement(css('[name=customerValue]'))).sendKeys('Réserver sa galette sans faire la queue');
  const boxes = await panel.findElements(css('input[name=channel]'));
  await boxes[0].click();
  // Typed the French way, as a user would: the fields follow the app's language, not WebKit's.
  const [y, m, d] = monday.split('-');
  const dateField = await panel.findElement(css('[name=date]'));
  await dateField.clear();
  await dateField.sendKeys(`${d}/${m}/${y}`);
  const timeField = await panel.findElement(css('[name=time]'));
  await timeField.clear();
  await timeField.sendKeys('10h00');
  const counter = await panel.findElement(css('[data-testid=char-counter]'));
  assert.equal(await counter.getAttribute('data-over'), 'false');
  await shot(driver, 'panel.png');
  await (await panel.findElement(css('[data-testid=save-post]'))).click();
  await driver.wait(async () => (await driver.findElements(css('[data-testid=post-panel]'))).length === 0, 10000, 'the panel closes');
  await driver.wait(async () => (await cardOf(driver)) !== null, 10000, 'the new post shows');
  assert.equal(cliDay(), monday);
});

test('drag the post to Thursday; the database and `cadence posts` agree', { timeout: 90000 }, async () => {
  const { driver } = app;
  const thursday = addDays(monday, 3);
  const card = await cardOf(driver);
  const column = await driver.findElement(css(`.fc-timegrid-col[data-date="${thursday}"]`));
  const from = await card.getRect();
  const to = await column.getRect();
  let path = 'drag';
  try {
    // Viewport coordinates: grab the top of the card, pass FullCalendar's 5 px threshold,
    // then go to the middle of Thursday's column at the same height.
    const x = Math.round(from.x + from.width / 2);
    const y = Math.round(from.y + 10);
    await driver.actions({ async: true })
      .move({ x, y })
      .press()
      .move({ x: x + 10, y: y + 4, duration: 200 })
      .move({ x: Math.round(to.x + to.width / 2), y: y + 4, duration: 500 })
      .release()
      .perform();
    await driver.wait(async () => cliDay() === thursday, 5000);
  } catch {
    // WebKitWebDriver's pointer actions may not reach FullCalendar's drag: the keyboard path
    // (Alt+→ on the focused card, a day at a time) does the same through the core.
    path = 'keyboard';
    await driver.actions().keyUp(Key.ALT).perform().catch(() => {});
    for (let day = cliDay(); day !== thursday; day = cliDay()) {
      const c = await cardOf(driver);
      await driver.executeScript('arguments[0].focus()', c);
      await driver.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_RIGHT).keyUp(Key.ALT).perform();
      await driver.wait(async () => cliDay() !== day, 5000, 'the post moves a day');
    }
  }
  console.log(`moved to Thursday by ${path}`);
  assert.equal(cliDay(), thursday);
  const rows = execFileSync('sqlite3', ['-json', db, `SELECT planned_at, timezone, planned_date FROM posts WHERE title = '${TITLE.replace(/'/g, "''")}'`], { encoding: 'utf8' });
  const [row] = JSON.parse(rows);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: row.timezone, dateStyle: 'short' }).format(new Date(row.planned_at));
  assert.equal(local, thursday, `planned_at ${row.planned_at} is on Thursday in ${row.timezone}`);
  let shown = null;
  await driver.wait(async () => {
    const c = await cardOf(driver);
    shown = c ? await driver.executeScript('return arguments[0].closest("[data-date]")?.getAttribute("data-date") ?? null', c) : null;
    return shown === thursday;
  }, 10000).catch(() => assert.fail(`the card shows on ${shown}, not on Thursday ${thursday}`));
  await shot(driver, 'week.png');
});

test('Alt+← moves the post a day through the core, Ctrl+Z puts it back', { timeout: 60000 }, async () => {
  const { driver } = app;
  const thursday = addDays(monday, 3);
  await driver.executeScript('arguments[0].focus()', await cardOf(driver));
  await driver.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_LEFT).keyUp(Key.ALT).perform();
  await driver.wait(async () => cliDay() === addDays(monday, 2), 5000, 'moved to Wednesday');
  await driver.wait(async () => (await driver.executeScript('return document.activeElement?.dataset?.testid')) === 'post-card', 5000, 'the card keeps the focus');
  await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
  await driver.wait(async () => cliDay() === thursday, 5000, 'back on Thursday');
});

test('every view, and the language switch', { timeout: 90000 }, async () => {
  const { driver } = app;
  for (const view of ['month', 'agenda', 'lanes']) {
    await retryStale(async () => (await driver.findElement(css(`[data-testid=view-${view}]`))).click());
    await ready(driver, view);
    assert.ok((await driver.findElements(css('[data-testid=post-card]'))).length > 0, `${view} shows posts`);
    await shot(driver, `${view}.png`);
  }
  await retryStale(async () => (await driver.findElement(css('[data-testid=view-week]'))).click());
  await ready(driver, 'week');

  await retryStale(async () => (await driver.findElement(css('[data-testid=lang-select]'))).findElement(css('option[value="en"]')).click());
  await driver.wait(async () => (await textOf(driver, '[data-testid=new-post]')) === '+ New post', 5000);
  assert.equal(await textOf(driver, '[data-testid=view-month]'), 'Month');
  assert.match(await textOf(driver, '[data-testid=week-label]'), /^Week \d+/);
  await shot(driver, 'week-en.png');
  await retryStale(async () => (await driver.findElement(css('[data-testid=lang-select]'))).findElement(css('option[value="fr-CA"]')).click());
  await driver.wait(async () => (await textOf(driver, '[data-testid=new-post]')) === '+ Nouvelle publication', 5000);
  await retryStale(async () => (await driver.findElement(css('[data-testid=lang-select]'))).findElement(css('option[value="fr"]')).click());
  await driver.wait(async () => (await textOf(driver, '[data-testid=new-post]')) === '+ Nouveau post', 5000);
});

async function cardOf(driver) {
  const cards = await driver.findElements(css('[data-testid=calendar] [data-testid=post-card]'));
  for (const c of cards) {
    try {
      const t = await c.findElement(css('[data-testid=post-title]'));
      if ((await t.getText()).trim() === TITLE) return c;
    } catch {
      // re-rendered meanwhile
    }
  }
  return null;
}

async function textOf(driver, selector) {
  for (let i = 0; i < 5; i++) {
    try {
      return (await (await driver.findElement(css(selector))).getText()).trim();
    } catch (e) {
      if (e.name !== 'StaleElementReferenceError') throw e;
    }
  }
  throw new Error(`${selector} kept going stale`);
}

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isoWeek(date) {
  const t = new Date(`${date}T00:00:00Z`);
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
