// Headless Chromium on the HTML report of a large estate.
//
// usage: node large.test.mjs REPORT.html DEVICES BOUND_S
//
// Measures the time from navigation to the summary (the overview's figures)
// being visible and prints it; fails only past BOUND_S (a generous bound: the
// figure is reported, not a tight assertion). Then checks that the device
// list holds every device and that opening one renders its details on demand.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, devices, bound] = process.argv.slice(2);
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
const profile = mkdtempSync(join(tmpdir(), 'tsaudit-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const mb = (statSync(report).size / 1e6).toFixed(1);
  const t0 = Date.now();
  await page.goto(pathToFileURL(resolve(report)).href, { waitUntil: 'commit', timeout: 0 });
  await page.waitForSelector('#view-overview .kpis', { state: 'visible', timeout: 0 });
  const summary = (Date.now() - t0) / 1000;
  console.log(`summary visible after ${summary.toFixed(2)} s (${mb} MB, ${devices} devices)`);
  check(summary < Number(bound), `summary visible within ${bound} s (${summary.toFixed(2)} s)`);
  await page.waitForLoadState('load', { timeout: 0 });
  const loaded = (Date.now() - t0) / 1000;
  console.log(`page loaded and scripted after ${loaded.toFixed(2)} s`);
  const n = await page.locator('#dev-list li').count();
  check(n === Number(devices), `device list holds every device (${n})`);
  const t1 = Date.now();
  await page.click('nav.tabs a[data-view="devices"]');
  await page.waitForSelector('article.dev', { state: 'visible', timeout: 0 });
  console.log(`first device rendered after ${((Date.now() - t1) / 1000).toFixed(2)} s`);
  check(await page.locator('article.dev').count() === 1, 'one device rendered on demand');
  check(await page.locator('article.dev .chips').count() === 1, 'its verdict counts are shown');
  check(problems.length === 0, `no page errors (${problems.join('; ')})`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('large report checks passed');
