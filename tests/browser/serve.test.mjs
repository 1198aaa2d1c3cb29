// Headless Chromium checks of 'tsaudit serve': the trends page renders its
// charts, the runs page links to a run, and a stored run opens as the HTML
// report under the server's Content-Security-Policy, without console errors.
//
// usage: node serve.test.mjs BASE_URL SHOTS_DIR
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node serve.test.mjs BASE_URL SHOTS_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const profile = mkdtempSync(join(tmpdir(), 'tsaudit-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  await page.goto(`${base}/trends`);
  const points = await page.locator('#chart-failures circle').count();
  check(points >= 8, `failures chart has a point per run and severity (${points})`);
  const box = await page.locator('#chart-failures').boundingBox();
  check(box && box.width > 300 && box.height > 100, 'failures chart is laid out');
  check(await page.locator('#chart-measures polyline').count() === 1, 'measures-met chart renders');
  await page.screenshot({ path: join(shots, 'serve-trends.png'), fullPage: true });

  await page.goto(`${base}/`);
  const runLinks = page.locator('a[href^="/runs/"]');
  check(await runLinks.count() >= 2, 'runs page links to the runs');
  await page.screenshot({ path: join(shots, 'serve-runs.png'), fullPage: true });
  await runLinks.first().click();
  await page.waitForSelector('#view-overview.active');
  check(await page.locator('#view-overview svg').count() >= 1, 'a stored run opens as the HTML report');
  await page.click('nav.tabs a[data-view="measures"]');
  check(await page.locator('#measures-table tbody tr').count() > 0, 'its measures table is filled');
  await page.screenshot({ path: join(shots, 'serve-run.png'), fullPage: false });
  check(problems.length === 0, `no console errors (CSP included)${problems.length ? ': ' + problems.join(' | ') : ''}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all serve browser checks passed');
