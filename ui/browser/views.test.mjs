// Page tests: the built UI (ui/dist) in Debian's Chromium on the mock backend, with its day
// fixed by ?today=. Run `npm run build && npm run test:browser`; screenshots go to
// artifacts/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, ARTIFACTS } from './harness.mjs';

const TODAY = '2026-11-25';
const Q = `?today=${TODAY}`;
let s;

before(async () => { s = await start(); });
after(async () => { if (s) await s.stop(); });

const ready = (page, view) => page.waitForSelector(`[data-view="${view}"][data-ready="true"], [data-testid=lanes][data-ready="true"]`, { timeout: 10000 });
const titles = (page) => page.$$eval('[data-testid=post-card] [data-testid=post-title]', (els) => els.map((e) => e.textContent));
const label = (page) => page.textContent('[data-testid=week-label]');

test('every view renders the sample plan', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  const week = await titles(page);
  assert.ok(week.length >= 10, `${week.length} posts in the week view`);
  assert.ok(week.some((t) => t.startsWith('Précommandes des bûches')));
  assert.equal(await page.locator('[data-testid=day]').count(), 7);
  assert.equal(await page.locator('[data-testid=event-banner]').count(), 1);
  assert.ok((await page.locator('[data-testid=post-card] [data-testid=warning]').count()) >= 5);
  assert.match(await label(page), /^Semaine 48 · 23–29 nov\. 2026$/u);
  await page.screenshot({ path: join(ARTIFACTS, 'week.png') });

  for (const [view, key] of [['month', 'mois'], ['agenda', 'agenda'], ['lanes', 'canaux']]) {
    await page.click(`[data-testid=view-${view}]`);
    await ready(page, view);
    const shown = await titles(page);
    assert.ok(shown.length >= 10, `${shown.length} posts in the ${key} view`);
    for (const t of week) assert.ok(shown.includes(t), `${view} shows “${t}”`);
    assert.ok((await page.locator('[data-testid=event-banner]').count()) >= 1, `${view} shows the open day`);
    await page.screenshot({ path: join(ARTIFACTS, `${view}.png`) });
  }
  assert.match(await label(page), /^Semaine 48/u, 'back to the week of today after the month');
  assert.equal(await page.locator('[data-testid=lane]').count(), 4);
  assert.deepEqual(page.errors, []);
});

test('keyboard: weeks, today, views, move a post and undo', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  const first = await label(page);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((l) => document.querySelector('[data-testid=week-label]').textContent !== l, first);
  assert.match(await label(page), /^Semaine 49/u);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('[data-testid=week-label]').textContent.startsWith('Semaine 47'));
  await page.keyboard.press('t');
  await page.waitForFunction((l) => document.querySelector('[data-testid=week-label]').textContent === l, first);
  await page.keyboard.press('2');
  await ready(page, 'month');
  assert.match(await label(page), /^Novembre 2026$/u);
  await page.keyboard.press('4');
  await ready(page, 'lanes');

  const card = page.locator('[data-testid=lane-cell][data-date="2026-11-23"] [data-testid=post-card]').first();
  const id = await card.getAttribute('data-post-id');
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.waitForSelector(`[data-testid=lane-cell][data-date="2026-11-24"] [data-post-id="${id}"]`);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-post-id')), id, 'the moved card keeps the focus');
  await page.keyboard.press('Control+z');
  await page.waitForSelector(`[data-testid=lane-cell][data-date="2026-11-23"] [data-post-id="${id}"]`);
  assert.match(await page.textContent('[data-testid=toast-status]'), /annulée/u);

  await page.keyboard.press('n');
  await page.waitForSelector('[data-testid=post-panel]');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=post-panel]').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('filters narrow every view and are remembered after a reload', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  const all = (await titles(page)).length;
  const instagram = await page.$eval('[data-testid=filter-channelId] option:nth-child(2)', (o) => o.value);
  await page.selectOption('[data-testid=filter-channelId]', instagram);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=post-card]').length < n, all);
  const filtered = await titles(page);
  assert.ok(filtered.length > 0 && filtered.length < all);
  const badges = await page.$$eval('[data-testid=post-card]', (cards) => cards.map((c) => [...c.querySelectorAll('[data-testid=channel-badge]')].map((b) => b.dataset.channelId)));
  assert.ok(badges.every((b) => b.includes(instagram)), 'only Instagram posts are left');
  await page.selectOption('[data-testid=filter-status]', 'scheduled');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=post-card]').length < n, filtered.length);
  await page.reload();
  await ready(page, 'week');
  assert.equal(await page.inputValue('[data-testid=filter-channelId]'), instagram);
  assert.equal(await page.inputValue('[data-testid=filter-status]'), 'scheduled');
  const statuses = await page.$$eval('[data-testid=post-card]', (cards) => cards.map((c) => c.dataset.status));
  assert.ok(statuses.length > 0 && statuses.every((x) => x === 'scheduled'));
  await page.click('[data-testid=filter-reset]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=post-card] [data-testid=post-title]').length === n, all);
});

test('drag a post to Thursday in the week view, then Ctrl+Z', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  const card = page.locator('.fc-timegrid-event[data-testid=post-card]').first();
  const id = await card.getAttribute('data-post-id');
  const thursday = await page.locator('.fc-timegrid-col[data-date="2026-11-26"]').boundingBox();
  const box = await card.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + 10, { steps: 4 });
  await page.mouse.move(thursday.x + thursday.width / 2, box.y + 8, { steps: 10 });
  await page.mouse.up();
  await page.waitForFunction((postId) => {
    const el = document.querySelector(`[data-testid=post-card][data-post-id="${postId}"]`);
    return el?.closest('.fc-timegrid-col')?.getAttribute('data-date') === '2026-11-26';
  }, id);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((postId) => {
    const el = document.querySelector(`[data-testid=post-card][data-post-id="${postId}"]`);
    return el && el.closest('.fc-timegrid-col')?.getAttribute('data-date') !== '2026-11-26';
  }, id);
  assert.deepEqual(page.errors, []);
});

test('hostile text typed in the panel renders inert', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await ready(page, 'week');
  await page.click('[data-testid=new-post]');
  await page.fill('[data-testid=post-panel] [name=title]', '<img src=x onerror=alert(1)>');
  await page.fill('[data-testid=post-panel] [name=body]', '<script>alert(2)</script>');
  await page.click('[data-testid=save-post]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=post-title]')].some((e) => e.textContent === '<img src=x onerror=alert(1)>'));
  assert.equal(await page.locator('[data-testid=calendar] img').count(), 0);
  await page.click('[data-testid=view-agenda]');
  await ready(page, 'agenda');
  assert.ok((await titles(page)).includes('<img src=x onerror=alert(1)>'));
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(dialogs, 0);
});

test('English and Québec French: labels, 12 h / 24 h, first day of the week', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  await page.selectOption('[data-testid=lang-select]', 'en');
  await ready(page, 'week');
  assert.equal(await page.textContent('[data-testid=view-month]'), 'Month');
  assert.match(await label(page), /^Week 48/u);
  assert.match(await page.textContent('.fc-timegrid-slot-label[data-time="14:00:00"]'), /2\s?pm/iu);
  await page.selectOption('[data-testid=lang-select]', 'fr-CA');
  await ready(page, 'week');
  assert.equal(await page.textContent('[data-testid=new-post]'), '+ Nouvelle publication');
  assert.equal(await page.getAttribute('[data-testid=day]', 'data-date'), '2026-11-22', 'Québec weeks start on Sunday');
  assert.match(await page.textContent('.fc-timegrid-slot-label[data-time="14:00:00"]'), /14/u);
  await page.reload();
  await ready(page, 'week');
  assert.equal(await page.inputValue('[data-testid=lang-select]'), 'fr-CA', 'the language is remembered');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=week-label]').textContent.startsWith('Semaine 49'));
  await page.selectOption('[data-testid=lang-select]', 'fr');
  await ready(page, 'week');
  assert.match(await label(page), /^Semaine 49 /u, 'the same week when the first day changes');
});

test('plan settings: add an event, it shows as a banner', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  await page.click('[data-testid=plan-settings]');
  await page.waitForSelector('[data-testid=settings-panel]');
  await page.screenshot({ path: join(ARTIFACTS, 'settings.png') });
  const add = page.locator('[data-testid=event-row][data-id=""]');
  await add.locator('[name=title]').fill('Marché de Noël');
  await add.locator('[name=start]').fill('2026-11-27');
  await add.locator('[name=end]').fill('2026-11-26');
  await add.locator('[data-testid=save-event]').click();
  await page.waitForSelector('[data-testid=event-row][data-id=""] [data-testid=field-error][data-code=end_before_start]');
  assert.equal(await add.locator('[name=title]').inputValue(), 'Marché de Noël', 'what was typed stays');
  await add.locator('[name=end]').fill('2026-11-27');
  await add.locator('[data-testid=save-event]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=event-row]').length === 3);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=event-banner]')].some((b) => b.textContent.includes('Marché de Noël')));
  assert.deepEqual(page.errors, []);
});

test('the month view with 1,000 posts renders in 300 ms or less', { timeout: 90000 }, async () => {
  const page = await s.newPage(`${Q}&posts=1000`);
  await ready(page, 'week');
  const runs = [];
  for (let i = 0; i < 5; i++) {
    // From the click on "Mois" to the first frame after the month is laid out: `total`; from
    // the moment the (mock) core's answer reaches FullCalendar to that frame: `render`.
    const run = await page.evaluate(() => new Promise((resolve) => {
      performance.clearMarks('cadence:entries');
      const t0 = performance.now();
      const done = () => {
        const cal = document.querySelector('[data-testid=calendar][data-view=month][data-ready=true]');
        if (!cal) return false;
        cal.getBoundingClientRect(); // force the layout inside the measure
        requestAnimationFrame(() => {
          const end = performance.now();
          const loaded = performance.getEntriesByName('cadence:entries').pop()?.startTime ?? t0;
          resolve({ total: end - t0, render: end - loaded });
        });
        return true;
      };
      const obs = new MutationObserver(() => { if (done()) obs.disconnect(); });
      obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      document.querySelector('[data-testid=view-month]').click();
    }));
    runs.push(run);
    const n = await page.locator('[data-testid=calendar] [data-testid=post-card]').count();
    assert.ok(n >= 80, `${n} post cards drawn`);
    assert.ok((await page.locator('[data-testid=more-posts]').count()) >= 25, 'busy days end with “+N”');
    if (i === 0) await page.screenshot({ path: join(ARTIFACTS, 'month-1000.png') });
    await page.click('[data-testid=view-week]');
    await ready(page, 'week');
  }
  const fmt = (k) => runs.map((r) => r[k].toFixed(0)).join(' / ');
  const median = (k) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[2];
  console.log(`month view, 1,000 posts: render ${fmt('render')} ms (median ${median('render').toFixed(0)}); click to drawn, with the mock query and the week torn down: ${fmt('total')} ms (median ${median('total').toFixed(0)})`);
  // The budget is on what the user waits for: from the click to the month drawn.
  assert.ok(median('total') <= 300, `median click to drawn ${median('total').toFixed(0)} ms`);
});

test('the start-up frame of the week is FullCalendar\'s week, box for box', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page, 'week');
  // Notes the frame's boxes as soon as it is in the document (before FullCalendar replaces it).
  await page.addInitScript(() => {
    const rect = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
    new MutationObserver((_m, obs) => {
      const f = document.querySelector('[data-testid=first-week]');
      if (!f) return;
      obs.disconnect();
      window.__frame = {
        boxes: Object.fromEntries([...f.querySelectorAll('[data-entry-id]')].filter((a) => getComputedStyle(a.parentElement).visibility !== 'hidden').map((a) => [a.dataset.entryId, rect(a)])),
        heads: [...f.querySelectorAll('.fc-col-header-cell')].map((th) => th.textContent),
        labels: [...f.querySelectorAll('.fc-timegrid-slot-label-cushion')].map((e) => e.textContent),
        scroll: Math.round(f.querySelector('.fc-scroller-liquid-absolute').scrollTop),
        body: rect(f.querySelector('.fc-timegrid-body')),
      };
    }).observe(document, { childList: true, subtree: true });
  });
  for (const lang of ['fr', 'en', 'fr-CA']) {
    await page.selectOption('[data-testid=lang-select]', lang);
    await ready(page, 'week');
    await page.reload();
    await ready(page, 'week');
    const frame = await page.evaluate(() => window.__frame);
    assert.ok(frame, `${lang}: the week was first drawn without FullCalendar`);
    assert.equal(await page.locator('[data-testid=first-week]').count(), 0, 'FullCalendar replaced it');
    const fc = await page.evaluate(() => {
      const rect = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
      const c = document.querySelector('[data-testid=calendar]');
      const boxes = {};
      for (const a of c.querySelectorAll('[data-post-id]')) boxes[a.dataset.postId] = rect(a);
      for (const a of c.querySelectorAll('[data-event-id]')) boxes[`event:${a.dataset.eventId}`] = rect(a);
      for (const a of c.querySelectorAll('[data-testid=holiday]')) boxes[`holiday:${a.dataset.date}:${a.dataset.key}`] = rect(a);
      for (const a of c.querySelectorAll('[data-testid=open-slot]')) boxes[`slot:${a.dataset.slotId}:${a.dataset.date}`] = rect(a);
      return {
        boxes,
        heads: [...c.querySelectorAll('.fc-col-header-cell')].map((th) => th.textContent),
        labels: [...c.querySelectorAll('.fc-timegrid-slot-label-cushion')].map((e) => e.textContent),
        scroll: Math.round(c.querySelector('.fc-scroller-liquid-absolute').scrollTop),
        body: rect(c.querySelector('.fc-timegrid-body')),
      };
    });
    assert.deepEqual(frame.heads, fc.heads, `${lang}: day headers`);
    assert.deepEqual(frame.labels, fc.labels, `${lang}: hour labels`);
    assert.equal(frame.scroll, fc.scroll, `${lang}: scrolled to the same hour`);
    assert.deepEqual(frame.body, fc.body, `${lang}: the grid in the same place`);
    const ids = Object.keys(fc.boxes);
    assert.ok(ids.length >= 10, `${lang}: ${ids.length} boxes`);
    assert.deepEqual(Object.keys(frame.boxes).sort(), Object.keys(fc.boxes).sort(), `${lang}: the same boxes`);
    for (const id of ids) {
      const [a, b] = [frame.boxes[id], fc.boxes[id]];
      assert.ok(a.every((v, i) => Math.abs(v - b[i]) <= 2), `${lang}: ${id} at ${a} in the frame, ${b} in FullCalendar`);
    }
  }
  assert.deepEqual(page.errors, []);
});
