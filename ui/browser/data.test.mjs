// Page tests of the « Données » screens on the mock backend: exports, feeds (copy « Copié »),
// backups, trash, CSV import preview and import, plans, and deleting a post undone with Ctrl+Z.
// Screenshots go to artifacts/browser/data-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, ARTIFACTS } from './harness.mjs';

const Q = '?today=2026-11-25';
let s;

before(async () => { s = await start(); });
after(async () => { if (s) await s.stop(); });

async function open(page) {
  await page.waitForSelector('[data-view="week"][data-ready="true"]', { timeout: 10000 });
  await page.click('[data-testid=open-data]');
  await page.waitForSelector('[data-testid=data-panel]');
}
const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `data-${name}.png`) });
const toast = (page) => page.textContent('[data-testid=toast-status]');

test('exports: the filter bar and options go to the command, the result is said', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await open(page);
  assert.match(await page.textContent('[data-testid=export-filters]'), /aucun filtre/u);
  // Dates in the app's language (French here), whatever the browser's own locale.
  assert.equal(await page.inputValue('[data-testid=export-from]'), '23/11/2026');
  assert.equal(await page.inputValue('[data-testid=export-to]'), '29/11/2026');
  await page.selectOption('[data-testid=export-alarm]', '30');
  await shot(page, 'panel');
  await page.click('[data-testid=export-ics]');
  await page.waitForFunction(() => /exportés dans/u.test(document.querySelector('[data-testid=export-result]').textContent));
  assert.match(await page.textContent('[data-testid=export-result]'), /éléments exportés dans boulangerie-les-trois-epis\.ics/u);
  // A bad range: the core's error, translated, next to the form; what was typed stays.
  await page.fill('[data-testid=export-to]', '01/11/2026');
  await page.click('[data-testid=export-csv]');
  await page.waitForSelector('[data-testid=data-error][data-code=end_before_start]');
  assert.equal(await page.inputValue('[data-testid=export-to]'), '01/11/2026');
  assert.deepEqual(page.errors, []);
});

test('feeds: create from the filters, serve, copy « Copié », new address, revoke', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await open(page);
  await page.click('[data-testid=open-feeds]');
  await page.waitForSelector('[data-testid=feeds-empty]');
  await page.click('[data-testid=feed-create]');
  await page.waitForSelector('[data-testid=feed-row]');
  await page.check('[data-testid=feed-switch]');
  await page.waitForFunction(() => /En service/u.test(document.querySelector('[data-testid=feed-state]').textContent));
  const url = await page.inputValue('[data-testid=feed-0-webcal-url]');
  assert.match(url, /^webcal:\/\/127\.0\.0\.1:8719\/feeds\/.+\.ics$/u);
  await page.click('[data-testid=feed-0-webcal-copy]');
  await page.waitForFunction(() => document.querySelector('[data-testid=feed-0-webcal-copied]').textContent === 'Copié');
  await page.check('[data-testid=feed-lan]');
  assert.equal(await page.isVisible('[data-testid=feed-lan-warning]'), true);
  await page.waitForFunction(() => /réseau local/u.test(document.querySelector('[data-testid=feed-state]').textContent));
  await shot(page, 'feeds');
  await page.click('[data-testid=feed-regenerate]');
  await page.waitForFunction((old) => document.querySelector('[data-testid=feed-0-webcal-url]')?.value !== old, url);
  await page.click('[data-testid=feed-revoke]');
  await page.waitForSelector('[data-testid=feed-row].revoked');
  await page.uncheck('[data-testid=feed-switch]');
  await page.waitForFunction(() => /Arrêté/u.test(document.querySelector('[data-testid=feed-state]').textContent));
  assert.deepEqual(page.errors, []);
});

test('backups: list with date and size, back up now, restore after a confirmation', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await open(page);
  await page.click('[data-testid=open-backups]');
  await page.waitForSelector('[data-testid=backup-row]');
  assert.equal(await page.locator('[data-testid=backup-row]').count(), 3);
  assert.match(await page.textContent('[data-testid=backup-row]'), /mercredi 25 novembre 2026.*240 ko/u);
  await shot(page, 'backups');
  await page.click('[data-testid=backup-now]');
  await page.waitForFunction(() => /Sauvegarde enregistrée/u.test(document.querySelector('[data-testid=toast-status]').textContent));
  let asked = null;
  page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
  await page.click('[data-testid=backup-restore] >> nth=1');
  await page.waitForFunction(() => /Sauvegarde restaurée/u.test(document.querySelector('[data-testid=toast-status]').textContent));
  assert.match(asked, /Remplacer toutes vos données/u);
  // Refusing the confirmation restores nothing.
  await page.click('[data-testid=toast-status] .toast-close');
  page.once('dialog', (d) => void d.dismiss());
  await page.click('[data-testid=backup-restore] >> nth=0');
  await page.waitForTimeout(200);
  assert.doesNotMatch(await toast(page), /restaurée/u);
  assert.deepEqual(page.errors, []);
});

test('delete a post: toast « Post supprimé · Annuler », Ctrl+Z brings it back; trash restores', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await page.waitForSelector('[data-view="week"][data-ready="true"]');
  const card = page.locator('[data-testid=post-card]').first();
  const id = await card.getAttribute('data-post-id');
  await card.click();
  await page.waitForSelector('[data-testid=post-panel]');
  await page.click('[data-testid=delete-post]');
  await page.waitForFunction((i) => !document.querySelector(`[data-testid=post-card][data-post-id="${i}"]`), id);
  assert.match(await toast(page), /Post supprimé/u);
  assert.match(await page.textContent('[data-testid=toast-status] .toast-action'), /Annuler/u);
  await page.keyboard.press('Control+z');
  await page.waitForSelector(`[data-testid=post-card][data-post-id="${id}"]`);

  // Delete again, then restore from the trash screen.
  await page.locator(`[data-testid=post-card][data-post-id="${id}"]`).click();
  await page.click('[data-testid=delete-post]');
  await page.waitForFunction((i) => !document.querySelector(`[data-testid=post-card][data-post-id="${i}"]`), id);
  await page.click('[data-testid=open-data]');
  await page.click('[data-testid=open-trash]');
  await page.waitForSelector(`[data-testid=trash-row][data-id="${id}"]`);
  assert.match(await page.textContent(`[data-testid=trash-row][data-id="${id}"]`), /supprimé aujourd’hui/u);
  await shot(page, 'trash');
  await page.click(`[data-testid=trash-row][data-id="${id}"] [data-testid=trash-restore]`);
  await page.waitForSelector('[data-testid=trash-none]');
  await page.click('[data-testid=data-close]');
  await page.waitForSelector(`[data-testid=post-card][data-post-id="${id}"]`);
  assert.deepEqual(page.errors, []);
});

test('CSV import: problems by row and column, unknown names offered, then one import', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await open(page);
  await page.click('[data-testid=import-csv]');
  await page.waitForSelector('[data-testid=import-problems]');
  const problems = await page.$$eval('[data-testid=import-problem]', (rows) => rows.map((r) => r.textContent));
  assert.deepEqual(problems, [
    '3date« 31/02/2026 » n’est pas une date (ex. 03/12/2026).',
    '4canalAucun canal « Snapchat » dans ce plan.',
    '4objectifAucun objectif « Fidéliser les habitués » dans ce plan.',
  ]);
  assert.equal(await page.isDisabled('[data-testid=import-go]'), true);
  await page.check('[data-testid=import-create][data-name=Snapchat]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-problem]').length === 2);
  await shot(page, 'import-preview');

  // The corrected file, every unknown name ticked: « Importer 3 posts ».
  await page.evaluate(() => { window.cadenceMockPath = '/mock/calendrier-corrige.csv'; });
  await page.click('[data-testid=data-back]');
  await page.click('[data-testid=import-csv]');
  await page.waitForSelector('[data-testid=import-create]');
  await page.check('[data-testid=import-create][data-name=Snapchat]');
  await page.check('[data-testid=import-create][data-name="Fidéliser les habitués"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-problems]'));
  assert.equal(await page.textContent('[data-testid=import-go]'), 'Importer 3 post(s)');
  await page.click('[data-testid=import-go]');
  await page.waitForFunction(() => /3 posts importés/u.test(document.querySelector('[data-testid=toast-status]').textContent));

  await page.click('[data-testid=open-data]');
  await page.click('[data-testid=import-ics]');
  await page.waitForFunction(() => /2 créés, 0 mis à jour/u.test(document.querySelector('[data-testid=export-result]').textContent));
  assert.deepEqual(page.errors, []);
});

test('plans: create, error next to the field, rename, delete and undo', { timeout: 60000 }, async () => {
  const page = await s.newPage(Q);
  await open(page);
  await page.click('[data-testid=open-plans]');
  await page.waitForSelector('[data-testid=plans-panel]');
  const newRow = page.locator('[data-testid=plan-row][data-id=""]');
  await newRow.locator('[data-testid=plan-name]').fill('Café Les Arpents');
  await newRow.locator('[data-testid=plan-zone]').fill('Amérique/Montréal');
  await newRow.locator('[data-testid=plan-create]').click();
  await page.waitForSelector('[data-testid=field-error][data-code=unknown_zone]');
  assert.equal(await newRow.locator('[data-testid=plan-name]').inputValue(), 'Café Les Arpents', 'what was typed stays');
  await shot(page, 'plans');
  await newRow.locator('[data-testid=plan-zone]').fill('America/Montreal');
  await newRow.locator('[data-testid=plan-locale]').selectOption('fr-CA');
  await newRow.locator('[data-testid=plan-create]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=plan-select] option:checked')?.textContent === 'Café Les Arpents');
  await page.waitForSelector('[data-view="week"][data-ready="true"]');

  await page.click('[data-testid=open-data]');
  await page.click('[data-testid=open-plans]');
  const row = page.locator('[data-testid=plan-row]', { has: page.locator('[data-testid=plan-name][value="Café Les Arpents"]') });
  await page.locator('[data-testid=plan-row] [data-testid=plan-name] >> nth=1').fill('Café Les Arpents (Québec)');
  void row;
  await page.locator('[data-testid=plan-row] [data-testid=plan-save] >> nth=1').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=plan-select] option')].some((o) => o.textContent === 'Café Les Arpents (Québec)'));
  await page.locator('[data-testid=plan-row] [data-testid=plan-delete] >> nth=1').click();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=plan-select] option')].some((o) => o.textContent.startsWith('Café')));
  assert.match(await toast(page), /Plan « Café Les Arpents \(Québec\) » supprimé/u);
  await page.click('[data-testid=data-close]');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-testid=plan-select] option:checked')?.textContent === 'Café Les Arpents (Québec)');
  assert.deepEqual(page.errors, []);
});
