// Headless Chromium checks of 'tsaudit serve', over two dashboards:
//  RUNS_URL: two recorded runs of the example estate (the second without the
//            dc folder, telnet newly allowed on edge/lon-pe1);
//  GIT_URL:  a repository walked with scan --git, two commits with fixed
//            dates: C1 by alice on 2025-01-15, C2 by bob on 2025-03-02
//            (telnet allowed on edge/lon-pe1, a subject holding markup);
//  BARE_URL: a bare clone of that repository walked: history, no run.
// Every page leads back to the overview, two runs picked on the overview
// compare as a page, the trend charts carry run and commit dates, and
// findings and measures say since when they fail; the stored run still
// opens as the HTML report under the server's CSP, without console errors.
//
// usage: node serve.test.mjs RUNS_URL SHOTS_DIR GIT_URL C1 C2 BARE_URL
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots, gitBase, c1, c2, bareBase] = process.argv.slice(2);
if (!base || !shots || !gitBase || !c1 || !c2 || !bareBase) {
  console.error('usage: node serve.test.mjs RUNS_URL SHOTS_DIR GIT_URL C1 C2 BARE_URL');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
const pe1 = '/devices?path=edge/lon-pe1';

const profile = mkdtempSync(join(tmpdir(), 'tsaudit-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The texts of a locator's elements.
const texts = async (loc) => (await loc.allTextContents()).map((t) => t.trim());

// A page leads back: a visible link to the overview that, followed, reaches it.
async function leadsBack(page, url, what) {
  await page.goto(url);
  const back = page.locator('header a[href="/"], #dashboard-bar a[href="/"]').first();
  const found = await back.count() === 1 && await back.isVisible();
  check(found, `${what}: a visible link back to the overview`);
  if (!found) return;
  await back.click();
  await page.waitForLoadState();
  check(new URL(page.url()).pathname === '/' && await page.locator('h1').first().textContent() === 'Runs',
    `${what}: following it reaches the overview`);
}

try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  // --- navigation back from every page
  for (const [path, what] of [['/trends', 'trends'], ['/measures', 'measures'], [pe1, 'device page'],
    ['/diff?a=1&b=2', 'diff page'], ['/runs/1', 'stored run'], ['/no-such-page', 'not-found page'],
    ['/diff?a=999&b=1', 'diff of an unknown run']]) {
    await leadsBack(page, base + path, what);
  }
  await page.goto(base + pe1);
  const crumbs = await texts(page.locator('nav.crumbs a, nav.crumbs span[aria-current]'));
  check(JSON.stringify(crumbs) === JSON.stringify(['Overview', 'Devices', 'edge/lon-pe1']),
    `device page breadcrumbs Overview > Devices > device (${crumbs.join(' > ')})`);
  await page.locator('nav.crumbs a', { hasText: 'Devices' }).click();
  await page.waitForLoadState();
  check(await page.locator('#devices').isVisible() && page.url().endsWith('/#devices'),
    'the Devices crumb leads to the overview\'s device list');
  await page.goto(base + '/runs/2');
  check(await page.locator('#dashboard-bar .tsd-crumbs span[aria-current]').textContent() === 'Run 2',
    'the stored run says where it is (Overview > Run 2)');
  const barBg = await page.locator('#dashboard-bar').evaluate((e) => getComputedStyle(e).display);
  check(barBg === 'flex', `the stored run's bar is styled under its CSP (display ${barBg})`);

  // --- the diff of two runs, picked on the overview
  await page.goto(base + '/');
  await page.selectOption('#compare select[name="a"]', '1');
  await page.selectOption('#compare select[name="b"]', '2');
  await page.click('#compare button[type="submit"]');
  await page.waitForLoadState();
  check(new URL(page.url()).pathname === '/diff' && page.url().includes('a=1') && page.url().includes('b=2'),
    `the compare form opens the diff page (${page.url()})`);
  check((await page.locator('h1').textContent()).includes('Run 1') &&
    (await page.locator('h1').textContent()).includes('run 2'), 'the diff page names both runs');
  const newRow = page.locator('#new-failures tr', { hasText: 'MGMT-TELNET' });
  check(await newRow.count() === 1, 'the diff page lists MGMT-TELNET as a new failure');
  if (await newRow.count() === 1) {
    const cells = await texts(newRow.locator('td'));
    check(cells[0] === 'edge/lon-pe1' && cells[4] === 'pass' && cells[5] === 'fail',
      `... on edge/lon-pe1, pass -> fail (${cells.join(' | ')})`);
  }
  const pe1Counts = await texts(page.locator('#by-device tr', { hasText: 'edge/lon-pe1' }).locator('td'));
  check(pe1Counts[2] === '1', `per-device counts: edge/lon-pe1 has one new failure (${pe1Counts.join(' | ')})`);
  const newTile = await page.locator('#diff-counts .tile', { hasText: 'new failures' }).locator('b').textContent();
  check(newTile === String(await page.locator('#new-failures tr').count() - 1),
    `the new-failures count (${newTile}) matches its table`);
  check(await page.locator('#devices-removed tr', { hasText: 'dc/lon-dc-sw1' }).count() === 1,
    'the removed dc devices are listed');
  await page.screenshot({ path: join(shots, 'serve-diff.png'), fullPage: false });
  await page.goto(base + '/');
  await page.locator('#runs a[href="/diff?b=2"]').click();
  await page.waitForLoadState();
  check(await page.locator('#new-failures tr', { hasText: 'MGMT-TELNET' }).count() === 1,
    'a run\'s "changes" link compares it with the run before');

  // --- trends with dates
  const runs = await (await page.request.get(base + '/api/runs')).json();
  await page.goto(`${base}/trends`);
  const points = await page.locator('#chart-failures circle').count();
  check(points >= 8, `failures chart has a point per run and severity (${points})`);
  const box = await page.locator('#chart-failures').boundingBox();
  check(box && box.width > 300 && box.height > 100, 'failures chart is laid out');
  check(await page.locator('#chart-measures polyline').count() === 1, 'measures-met chart renders');
  check(await page.locator('#chart-verdicts polyline').count() === 3, 'the verdicts chart has fail, pass and unknown lines');
  const runDates = await texts(page.locator('#chart-verdicts text.date'));
  const started = runs[0].started.slice(0, 10);
  check(runDates.length >= 1 && runDates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) && runDates.includes(started),
    `the verdicts chart's axis has run dates (${runDates.join(', ')}; run 1 started ${started})`);
  const failTip = await page.locator('#chart-verdicts circle title').first().textContent();
  check(failTip.includes(started) && failTip.includes('run 1') && /fail \d+/.test(failTip),
    `each point names its date, run and value (${failTip})`);
  await page.screenshot({ path: join(shots, 'serve-trends.png'), fullPage: true });

  // --- failing since, from the runs
  await page.goto(base + pe1);
  const telnet = page.locator('#findings tr', { hasText: 'MGMT-TELNET' }).locator('td.since');
  check((await telnet.textContent()).includes('run 2') && await telnet.locator('a[href="/runs/2"]').count() === 1,
    `device page: MGMT-TELNET fails since run 2 (${(await telnet.textContent()).trim()})`);
  const older = page.locator('#findings tr.fail', { hasNotText: 'MGMT-TELNET' }).first().locator('td.since');
  check((await older.textContent()).includes('run 1'), 'device page: a failure present in both runs fails since run 1');
  await page.screenshot({ path: join(shots, 'serve-device.png'), fullPage: false });
  await page.goto(base + '/measures');
  const failingMeasures = page.locator('#measures tr.failing');
  check(await failingMeasures.count() > 0 &&
    (await failingMeasures.first().locator('td.since').textContent()).includes('run 1'),
    'measures page: a measure not met since run 1');
  check(await page.locator('#measures tr.steady td.since a').count() === 0, 'measures met say no "since"');

  // --- the git history: commit dates and the commits that began failures
  await page.goto(`${gitBase}/trends`);
  const commitDates = await texts(page.locator('#chart-commits text.date'));
  check(commitDates.includes('2025-01-15') && commitDates.includes('2025-03-02'),
    `the commits chart's axis has the commit dates (${commitDates.join(', ')})`);
  const xs = await page.locator('#chart-commits text.date').evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))));
  check(xs.length >= 2 && xs[0] < xs[1], 'commit dates run left to right');
  await page.screenshot({ path: join(shots, 'serve-trends-git.png'), fullPage: true });
  await page.goto(gitBase + pe1);
  const since = page.locator('#findings tr', { hasText: 'MGMT-TELNET' }).locator('td.since .since-commit');
  const sinceText = (await since.count()) ? await since.textContent() : '';
  check(sinceText.includes('2025-03-02') && sinceText.includes(c2.slice(0, 12)) && sinceText.includes('bob'),
    `device page: MGMT-TELNET fails since bob's commit of 2025-03-02 (${sinceText})`);
  check(sinceText.includes('<b>for the vendor</b>') && await since.locator('b').count() === 0,
    'the commit subject\'s markup is shown as text');
  const first = page.locator('#findings tr.fail', { hasNotText: 'MGMT-TELNET' }).first().locator('.since-commit');
  check(((await first.count()) ? await first.textContent() : '').includes(c1.slice(0, 12)), 'a failure from the first import fails since it');
  await page.goto(gitBase + '/measures');
  const mgmt = page.locator('#measures tr.failing .since-commit').first();
  check(await mgmt.count() === 1 && (await mgmt.textContent()).includes('2025-01-15') &&
    (await mgmt.textContent()).includes('alice'), 'measures page: the oldest failure of a measure\'s checks, from the walk');
  await page.screenshot({ path: join(shots, 'serve-measures-git.png'), fullPage: false });

  // --- a walk and no run: the overview lists the walked devices, whose pages say since when
  await page.goto(bareBase + '/');
  const walked = page.locator('#devices ~ table a[href="' + pe1 + '"]');
  check(await walked.count() === 1, 'no run: the overview lists the walked devices');
  if (await walked.count() === 1) {
    await walked.click();
    await page.waitForLoadState();
    const bare = page.locator('#findings tr', { hasText: 'MGMT-TELNET' }).locator('.since-commit');
    check(((await bare.count()) ? await bare.textContent() : '').includes(c2.slice(0, 12)),
      'no run: the device page says since which commit MGMT-TELNET fails');
  }
  await page.goto(bareBase + '/trends');
  check(await page.locator('#chart-commits text.date', { hasText: '2025-03-02' }).count() === 1,
    'no run: the commits chart still has its dates');

  // --- the stored run, as before
  await page.goto(`${base}/`);
  const runLinks = page.locator('#runs a[href^="/runs/"]');
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
