/**
 * `npm run screenshot`: docs/html-report.png, the HTML report of `check examples/broken` (a failing run) as
 * headless Chromium shows it, with one rule's group and violation unfolded. Needs Debian's chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runCheck } from '../src/check/runCheck.js';
import { htmlReport } from '../src/report/htmlReport.js';
import { openTarget } from '../src/targets/index.js';

async function* items() {
  for await (const item of openTarget('examples/broken', { maxBytes: 1 << 20 }))
    yield { ...item, target: 'examples/broken' };
}

const dir = mkdtempSync(join(tmpdir(), 'screenshot-'));
try {
  const file = join(dir, 'report.html');
  writeFileSync(
    file,
    htmlReport(await runCheck(items()), { profile: 'default', targets: ['examples/broken'] }),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 990 }, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`);
  await page.locator('details.group[data-rule="last-active-session-listed"] > summary').click();
  await page.locator('details.violation[data-rule="last-active-session-listed"] > summary').click();
  await page.screenshot({ path: new URL('../docs/html-report.png', import.meta.url).pathname });
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
