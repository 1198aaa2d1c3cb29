// Headless Chromium checks of a tsaudit HTML report.
//
// usage: node report.test.mjs REPORT.html SHOTS_DIR [--hostile] [--attested]
//                             [--history=DEVICE,CHECK,COMMIT]
//
// Asserts: no console errors or page errors (a CSP violation is one), the
// status and Regulation filters and the search box narrow the measures
// table, tables sort, a check id opens the page of every device failing it,
// "+N more" lists every failing pair, the device list filters by severity
// and group, a device drill-down shows evidence lines and remediation, the
// print stylesheet keeps the summary and the failed findings only, section
// labels carry the Code's titles, and (with --hostile) markup planted in
// config text did not run (window.__pwned stays unset). --attested: the
// measures show attestation owners and expiry. --history: the report was
// written with history, and CHECK on DEVICE fails since COMMIT (-: since a
// recorded run, no commit); without it
// no "failing since" may appear. Saves screenshots into SHOTS_DIR.
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
const attested = flags.includes('--attested');
const historyFlag = flags.find((f) => f.startsWith('--history='));
const history = historyFlag ? historyFlag.slice(10).split(',') : null;
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
      // The device's details are rendered when it is opened: wait for them
      // (a loaded machine can take a while) before reading the text.
      const shownDev = page.locator('article.dev:visible');
      await shownDev.waitFor();
      let txt = '';
      for (let t = 0; t < 100 && !/__pwned=[13]/.test(txt); t++) {
        txt = await shownDev.innerText();
        if (!/__pwned=[13]/.test(txt)) await page.waitForTimeout(100);
      }
      check(txt.includes('<script>window.__pwned=1</script>') ||
            txt.includes('</script><script>window.__pwned=3</script>'),
        'markup from the config is shown as text');
      await page.screenshot({ path: join(shots, `${tag}-hostile.png`), fullPage: false });
    }
    check(await page.evaluate(() => window.__pwned === undefined),
      'no script from configuration text ran (window.__pwned unset)');
    check(await page.locator('textarea, img').count() === 0, 'no element injected from configs');
  }
  // Section labels: the Code's own section titles after the section number.
  await page.goto(pathToFileURL(resolve(report)).href + '#overview');
  await page.waitForSelector('#view-overview.active');
  const chartLabels = await page.$$eval('#view-overview svg text', (ts) =>
    ts.map((t) => [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join(''))
      .filter((x) => x.startsWith('\u00a7')));
  if (await page.locator('#measures-table tbody tr').count()) {
    check(chartLabels.length > 0 && chartLabels.every((x) => /^\u00a7\d+ [A-Z][a-z]/.test(x)),
      `section chart labels read "\u00a7N Title" (${chartLabels[0]})`);
    check(!chartLabels.some((x) => /\(\d+\)/.test(x)), 'no "(N)" section labels');
    const sect = await page.locator('#measures-table tbody tr .sect').first().innerText();
    check(/^\u00a7\d+ \S/.test(sect), `measures name their section by title (${sect})`);
  }

  // Sorting a numeric column changes the order, both ways.
  const top = page.locator('#top-checks table');
  if (await top.locator('tbody tr').count() > 1) {
    const col = async () => (await top.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
    const before = await col();
    await top.locator('thead th', { hasText: 'Devices' }).click();
    const asc = await col();
    await top.locator('thead th', { hasText: 'Devices' }).click();
    const desc = await col();
    const sorted = (a, dir) => a.every((v, i) => i === 0 || dir * (v - a[i - 1]) >= 0);
    check(sorted(asc, 1) && sorted(desc, -1) && asc.join() !== desc.join() &&
      before.length === asc.length, `top checks sort by devices (${asc.join(',')})`);
  }

  // Regulation roll-up: a row per Regulation; a row opens its measures.
  const regRows = page.locator('#regulations-table tbody tr');
  if (await page.locator('#measures-table tbody tr').count()) {
    check(await regRows.count() >= 1, `roll-up per Regulation (${await regRows.count()} rows)`);
    const reg = await regRows.first().getAttribute('data-regulation');
    const regTotal = Number(await regRows.first().locator('td').nth(1).innerText());
    await regRows.first().locator('a').click();
    await page.waitForSelector('#view-measures.active');
    const shownRegs = await page.$$eval('#measures-table tbody tr', (rows) =>
      rows.filter((r) => !r.hidden).map((r) => r.dataset.regs.split(' ')));
    check(shownRegs.length === regTotal && shownRegs.every((r) => r.includes(reg)),
      `Regulation ${reg} lists its ${regTotal} measures (${shownRegs.length})`);
    await page.selectOption('#reg-filter', '');
  }

  // Check ids in the measures table are links; "+N more" lists every pair.
  await page.goto(pathToFileURL(resolve(report)).href + '#measures');
  await page.waitForSelector('#view-measures.active');
  if (await page.locator('#measures-table tbody tr').count())
    check(await page.locator('#measures-table a.ckref').count() > 0, 'check ids in measures are links');
  const more = page.locator('#measures-table button.more').first();
  if (await more.count()) {
    const mid = await more.getAttribute('data-measure');
    const box = page.locator(`#measures-table tr[id="m/${mid}"] .fails`);
    const before = await box.locator('a.devref').count();
    const extra = Number((await more.innerText()).match(/\d+/)[0]);
    await more.click();
    const after = await box.locator('a.devref').count();
    check(after === before + extra, `"+${extra} more" lists every failing device (${before} -> ${after})`);
  }
  if (attested) {
    const owners = await page.locator('#measures-table .attest .owner').allInnerTexts();
    check(owners.length > 0 && owners.every((o) => /^Owner \S+@\S+/.test(o)),
      `attested measures show the owner (${owners[0]})`);
    const exp = await page.locator('#measures-table .attest .expires').allInnerTexts();
    check(exp.some((e) => /^expires \d{4}-\d\d-\d\d$/.test(e)) &&
      exp.some((e) => /^expired \d{4}-\d\d-\d\d$/.test(e)), 'attestations show expiry, lapsed ones too');
  }

  // A check id opens the page of every device failing it.
  await page.goto(pathToFileURL(resolve(report)).href + '#overview');
  const topLink = page.locator('#top-checks a.ckref').first();
  if (await topLink.count()) {
    const id = await topLink.innerText();
    const n = Number(await page.locator('#top-checks tbody tr').first().locator('td').nth(3).innerText());
    await topLink.click();
    await page.waitForSelector('#view-check.active');
    const rows = page.locator('#check-devices tbody tr');
    check(await rows.count() === n, `check page ${id} lists its ${n} failing devices (${await rows.count()})`);
    check(await rows.locator('a.devref').count() === n, 'each failing device is a link');
    await page.screenshot({ path: join(shots, `${tag}-check.png`), fullPage: false });
    const dname = await rows.first().locator('a.devref').innerText();
    await rows.first().locator('a.devref').click();
    await page.waitForSelector('#view-devices.active');
    const art = page.locator('article.dev:visible');
    check(await art.getAttribute('data-name') === dname &&
      await art.locator('.finding .fh code', { hasText: id }).count() >= 1,
      `its device link opens ${dname} with the failed ${id}`);
    // The check id in a finding leads back to the check page.
    await art.locator('.finding a.ckref', { hasText: id }).first().click();
    await page.waitForSelector('#view-check.active');
    check((await page.locator('#check-page h2').innerText()).includes(id), 'a finding\'s check id opens its page');
  }

  // Device list filters: severity at least, and group.
  await page.goto(pathToFileURL(resolve(report)).href + '#devices');
  await page.waitForSelector('#view-devices.active');
  const allDevs = await page.locator('#dev-list li').count();
  const rankOf = { critical: 5, high: 4, medium: 3, low: 2, info: 1, none: 0, off: -1 };
  const worsts = await page.$$eval('#dev-list li', (ls) => ls.map((l) => l.dataset.worst));
  await page.selectOption('#dev-sev', 'high');
  const hi = await page.$$eval('#dev-list li', (ls) => ls.filter((l) => !l.hidden).map((l) => l.dataset.worst));
  const expectHi = worsts.filter((w) => rankOf[w] >= 4).length;
  check(hi.length === expectHi && hi.every((w) => rankOf[w] >= 4) && (hi.length < allDevs || expectHi === allDevs),
    `severity filter keeps the ${expectHi} devices failing high or above (${hi.length} of ${allDevs})`);
  await page.selectOption('#dev-sev', '');
  const groups = await page.$$eval('#dev-group option', (os) => os.map((o) => o.value).filter((v) => v !== '*'));
  check(groups.length >= 1, `group filter offers the groups (${groups.join(', ')})`);
  const g = groups[groups.length - 1];
  await page.selectOption('#dev-group', g);
  const inGroup = await page.$$eval('#dev-list li', (ls) => ls.filter((l) => !l.hidden).map((l) => l.dataset.group));
  check(inGroup.length >= 1 && inGroup.every((x) => x === g) && (groups.length === 1 || inGroup.length < allDevs),
    `group filter "${g}" keeps its ${inGroup.length} devices`);
  const countLine = await page.locator('#dev-count').innerText();
  check(inGroup.length < allDevs ? countLine.includes(`${inGroup.length} of ${allDevs}`)
    : countLine.startsWith(`${allDevs} device`), `the device count follows (${countLine})`);
  await page.selectOption('#dev-group', '*');

  // Print: the summary and the failed findings only.
  const failTotal = await page.$$eval('script.dd', (ds) =>
    ds.filter((d) => !d.dataset.state).reduce((n, d) => n + JSON.parse(d.textContent).f.filter((r) => r[1] === 1).length, 0));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  check(await page.locator('#view-overview .kpis').isVisible(), 'print: the summary prints');
  check(!(await page.locator('#view-measures').isVisible()) && !(await page.locator('#view-devices').isVisible()) &&
    !(await page.locator('nav.tabs').isVisible()), 'print: views, tabs and toolbars do not');
  const printed = await page.locator('#print-findings .finding:visible').count();
  check(printed === failTotal && await page.locator('#print-findings .finding.waived').count() === 0 &&
    await page.locator('#print-findings details').count() === 0,
    `print: every failed finding (${printed} of ${failTotal}), no waived, passed or other results`);
  await page.pdf({ path: join(shots, `${tag}-print.pdf`) });
  await page.emulateMedia({ media: 'screen' });
  check(!(await page.locator('#print-findings').isVisible()), 'the print section stays off screen');

  // Failing since: with history, beside the finding and on the check page; none without.
  if (history) {
    const [hdev, hcheck, hcommit] = history;
    await page.goto(pathToFileURL(resolve(report)).href + '#device=d/' + hdev);
    const f = page.locator('article.dev .finding', { has: page.locator('a.ckref', { hasText: hcheck }) });
    const since = await f.locator('.since').innerText();
    // COMMIT "-": history of recorded runs, dated by run and naming no commit.
    check((hcommit === '-' ? !since.includes('commit') : since.includes(`commit ${hcommit.slice(0, 12)}`)) &&
      /failing since \d{4}-\d\d-\d\d/.test(since), `${hcheck} on ${hdev}: ${since}`);
    const others = await page.locator('article.dev .finding .since').allInnerTexts();
    check(others.length === await page.locator('article.dev .finding:not(.waived)').count(),
      `every failed finding on ${hdev} has a date (${others.length})`);
    await page.screenshot({ path: join(shots, `${tag}-since.png`), fullPage: false });
    await page.goto(pathToFileURL(resolve(report)).href + '#check=' + hcheck);
    const cell = await page.locator('#check-devices tbody tr', { hasText: hdev }).locator('td').last().innerText();
    check(hcommit === '-' ? /^\d{4}-\d\d-\d\d$/.test(cell) : cell.includes(hcommit.slice(0, 12)),
      `the check page dates it too (${cell})`);
    check(await page.locator('#measures-table .since').count() > 0, 'measures not met say since when');
  } else {
    await page.goto(pathToFileURL(resolve(report)).href + '#devices');
    await page.waitForSelector('article.dev');
    check(await page.locator('.since').count() === 0 &&
      !(await page.content()).includes('"failing since '), 'no "failing since" without history');
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
