// Page tests of the dashboard and the crisis switch on the mock backend (strategy-b).
// Run `npm run build && node --test browser/dashboard.test.mjs`; screenshots go to artifacts/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, ARTIFACTS } from './harness.mjs';

const Q = '?today=2026-11-25';
let s;

before(async () => { s = await start(); });
after(async () => { if (s) await s.stop(); });

const ready = (page) => page.waitForSelector('[data-view="week"][data-ready="true"]', { timeout: 10000 });

test('the dashboard opens with D, shows charts with their tables, and « Corriger » opens the post', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page);
  await page.keyboard.press('d');
  await page.waitForSelector('[data-testid=dashboard-summary]', { timeout: 10000 });
  assert.match(await page.textContent('[data-testid=dashboard-period]'), /^Novembre 2026$/u);
  assert.equal(await page.locator('[data-testid=dashboard] canvas').count(), 3);
  assert.ok((await page.locator('[data-testid=mix-table] tbody tr').count()) >= 2);
  assert.equal(await page.locator('[data-testid=history-table] tbody tr').count(), 8);
  assert.ok((await page.locator('[data-testid=missing-value] li').count()) >= 1);
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png') });
  await page.$eval('[data-testid=dashboard]', (el) => { el.scrollTop = el.scrollHeight / 2 - 200; });
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-lists.png') });
  await page.$eval('[data-testid=dashboard]', (el) => { el.scrollTop = el.scrollHeight; });
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-results.png') });
  const fix = page.locator('[data-testid=missing-value] button[data-field=customerValue]').first();
  await fix.click();
  await page.waitForSelector('.post-panel', { timeout: 5000 });
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-row]')?.getAttribute('data-row'));
  assert.equal(focused, 'customerValue');
  await page.keyboard.press('Escape');
  await page.click('[data-testid=dashboard-close]');
  assert.equal(await page.locator('[data-testid=dashboard]').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('hold everything needs a reason and a confirmation, shows the red banner; resume brings statuses back', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await ready(page);
  const statuses = () => page.$$eval('[data-testid=post-card]', (els) => els.map((e) => `${e.getAttribute('data-post-id')}=${e.getAttribute('data-status')}`).sort());
  const before = await statuses();
  assert.ok(before.some((x) => /=(approved|scheduled)$/.test(x)));
  await page.click('[data-testid=open-crisis]');
  await page.click('[data-testid=crisis-hold]');
  assert.equal(await page.locator('[data-testid=crisis-confirm]').count(), 0, 'no confirmation without a reason');
  await page.fill('[data-testid=crisis-reason]', 'Bad buzz sur la campagne de Noël');
  await page.click('[data-testid=crisis-hold]');
  await page.click('[data-testid=crisis-confirm]');
  await page.waitForSelector('[data-testid=crisis-banner]', { timeout: 5000 });
  assert.match(await page.textContent('[data-testid=crisis-banner]'), /Bad buzz sur la campagne de Noël/u);
  await page.click('[data-testid=crisis-close]');
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=post-card][data-status=held]').length > 0, null, { timeout: 5000 });
  await page.screenshot({ path: join(ARTIFACTS, 'crisis-banner.png') });
  await page.click('[data-testid=crisis-resume]');
  await page.fill('[data-testid=crisis-reason]', 'Retour au calme');
  await page.click('[data-testid=crisis-resume-go]');
  await page.click('[data-testid=crisis-confirm]');
  await page.waitForSelector('[data-testid=crisis-banner]', { state: 'detached', timeout: 5000 });
  assert.equal(await page.locator('[data-testid=crisis-log] li').count(), 2);
  await page.click('[data-testid=crisis-close]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=post-card][data-status=held]').length === 0, null, { timeout: 5000 });
  assert.deepEqual(await statuses(), before);
  assert.deepEqual(page.errors, []);
});
