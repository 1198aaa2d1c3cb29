// Headless Chromium checks of a tsaudit HTML report.
//
// usage: node report.test.mjs REPORT.html SHOTS_DIR [--hostile]
//
// Asserts: no console errors or page errors (a CSP violation is one), the
// status filter and the search box narrow the measures table, a device
// drill-down shows evidence lines and remediation, and (with --hostile)
// markup planted in config text did not run (window.__pwned stays unset).
// Saves overview, measures and device screenshots into SHOTS_DIR.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, shots, ...flags] = process.argv.slice(2);
if (!report || !shots) {
  console.error('usage: node report.test.mjs REPORT.html SHOTS_DIR [--hostile]');
  process.exit(2);
}
const hostile = flags.includes('--hostile');
const tag = basename(report, '.html');
mkdirSync(shots, { recursive: true });

let failures = 0;
function check(ok, what) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    console.log(`FAIL ${what}`);
    failures++;
  }
}

const profile = mkdtempSync(join(tmpdir(), 'tsaudit-chromium-'));
// A new, empty user-data-dir (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 1000 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Nothing may be fetched from anywhere: the report is self-contained.
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });

  await page.goto(pathToFileURL(resolve(report)).href);
  await page.waitForSelector('#view-overview.active');
  check(await page.locator('#view-overview svg').count() >= 1, 'overview has inline SVG charts');
  await page.screenshot({ path: join(shots, `${tag}-overview.png`), fullPage: true });

  // Measures: the status select and the search box narrow the table.
  await page.click('nav.tabs a[data-view="measures"]');
  await page.waitForSelector('#view-measures.active');
  const visible = () => page.locator('#measures-table tbody tr:visible').count();
  const all = await visible();
  check(all > 0, `measures table lists measures (${all})`);
  const statuses = await page.$$eval('#measures-table tbody tr', (rows) =>
    [...new Set(rows.map((r) => r.dataset.status))]);
  const pick = statuses.includes('not_met') ? 'not_met' : statuses[0];
  await page.selectOption('#status-filter', pick);
  const filtered = await visible();
  check(filtered > 0 && (filtered < all || statuses.length === 1),
    `status filter ${pick} narrows ${all} -> ${filtered}`);
  const wrong = await page.$$eval('#measures-table tbody tr', (rows, s) =>
    rows.filter((r) => !r.hidden && r.dataset.status !== s).length, pick);
  check(wrong === 0, 'only rows of the selected status are shown');
  await page.selectOption('#status-filter', '');
  const firstId = await page.locator('#measures-table tbody tr td b').first().innerText();
  await page.fill('#measure-search', firstId);
  const searched = await visible();
  check(searched >= 1 && searched < all, `search "${firstId}" narrows ${all} -> ${searched}`);
  check((await page.locator('#measure-count').innerText()).includes(`${searched} of ${all}`),
    'the count line follows the filter');
  await page.fill('#measure-search', '');
  // Every table sorts by a column: the measure id header, twice, reverses the order.
  const ids = async () => page.locator('#measures-table tbody tr td:first-child').allInnerTexts();
  const head = page.locator('#measures-table thead th').first();
  await head.click();
  const up = await ids();
  await head.click();
  const down = await ids();
  check(up.length > 1 && up[0] === down[down.length - 1] && up[up.length - 1] === down[0] &&
    (await head.getAttribute('aria-sort')) === 'descending', 'measures table sorts by a column');
  check(await page.locator('table thead th[aria-sort]').count() >= 6, 'every table header sorts');
  await page.screenshot({ path: join(shots, `${tag}-measures.png`), fullPage: false });

  // A failing (device, check) link in the measures table opens that device.
  const ref = page.locator('#measures-table a.devref').first();
  if (await ref.count()) {
    const label = await ref.innerText();
    await ref.click();
    await page.waitForSelector('#view-devices.active');
    const shown = page.locator('article.dev:visible');
    check(await shown.count() === 1 && label.startsWith(await shown.getAttribute('data-name')),
      `measure finding link opens its device (${label})`);
  }

  // Devices: the most severe device first; its drill-down shows evidence and remediation.
  await page.click('nav.tabs a[data-view="devices"]');
  await page.waitForSelector('#view-devices.active');
  const links = page.locator('#dev-list a');
  check(await links.count() >= 1, `device list (${await links.count()})`);
  let opened = false;
  for (let i = 0; i < await links.count(); i++) {
    const l = links.nth(i);
    if ((await l.innerText()).match(/[1-9][0-9]* failed/)) {
      await l.click();
      opened = true;
      break;
    }
  }
  check(opened, 'a device with failed checks is listed');
  const dev = page.locator('article.dev:visible');
  check(await dev.count() === 1, 'exactly one device is shown');
  const ev = dev.locator('pre.ev').first();
  check(await ev.isVisible(), 'evidence lines are visible');
  check(/^\s*\d+/.test(await ev.innerText()), 'evidence lines carry line numbers');
  check(await dev.locator('.rem').count() >= 1, 'remediation is shown');
  check(!(await dev.innerText()).match(/Pl4nted/), 'no planted secret in the device view');
  // A measure tag of a finding opens that measure in the measures view.
  const mtag = dev.locator('a.tag').first();
  if (await mtag.count()) {
    const mid = await mtag.innerText();
    await mtag.click();
    await page.waitForSelector('#view-measures.active');
    const rows = await page.locator('#measures-table tbody tr:visible td:first-child').allInnerTexts();
    check(rows.length >= 1 && rows.some((r) => r.includes(mid)), `measure tag ${mid} opens the measure`);
    await page.goBack();
    await page.waitForSelector('article.dev');
  }
  await page.screenshot({ path: join(shots, `${tag}-device.png`), fullPage: false });

  // Filter the device list.
  const firstName = await page.locator('#dev-list a .dn').first().innerText();
  await page.fill('#dev-search', firstName.slice(0, 6));
  check(await page.locator('#dev-list li:visible').count() >= 1, 'device filter keeps matches');
  await page.fill('#dev-search', '');

  if (hostile) {
    // Open every device (including the one whose hostname and descriptions hold markup).
    const n = await links.count();
    for (let i = 0; i < n; i++) await links.nth(i).click();
    // Listed by its path, with the hostile hostname beside it as literal text.
    const evil = page.locator('#dev-list a', { hasText: /evil.*<script>/ });
    check(await evil.count() === 1, 'the hostile device is listed by its literal name');
    if (await evil.count()) {
      await evil.click();
      const txt = await page.locator('article.dev:visible').innerText();
      check(txt.includes('<script>window.__pwned=1</script>') ||
            txt.includes('</script><script>window.__pwned=3</script>'),
        'markup from the config is shown as text');
      await page.screenshot({ path: join(shots, `${tag}-hostile.png`), fullPage: false });
    }
    check(await page.evaluate(() => window.__pwned === undefined),
      'no script from configuration text ran (window.__pwned unset)');
    check(await page.locator('textarea, img').count() === 0, 'no element injected from configs');
  }
  check(requests.length === 0, `no network requests (${requests.join(', ')})`);
  check(problems.length === 0, `no console errors${problems.length ? ': ' + problems.join(' | ') : ''}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
