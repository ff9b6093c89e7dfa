/**
 * The HTML report as a person sees it, in headless Chromium (Debian's `chromium`; .ci/run installs it). Without a
 * Chromium these tests are skipped locally, and fail in CI, where it must be there.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlReport } from '../../src/report/htmlReport.js';
import { tempDir } from '../tempDir.js';
import { brokenExamplesResult, HOSTILE, hostileResult } from './fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run should have installed it`);

/** The flags that keep Chromium offline and quiet on these machines, as root. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.runIf(available)('the HTML report in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);
  afterAll(() => browser?.close());

  async function open(html: string) {
    const file = join(tempDir('report'), 'report.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    return { page, dialogs, requests };
  }

  test('shows the verdict, the summary numbers, a failing rule and a violation path', async () => {
    const { page, requests } = await open(htmlReport(await brokenExamplesResult(), { profile: 'default' }));
    expect(await page.locator('#verdict').innerText()).toBe('Not conformant');
    expect(await page.locator('#documents').innerText()).toBe('8');
    expect(await page.locator('#errors').innerText()).toBe('14');
    const row = page.locator('#rule-last-active-session-listed');
    expect(await row.innerText()).toMatch(/last-active-session-listed\s+error\s+fail\s+1/);
    const violation = page.locator('article[data-rule="last-active-session-listed"]');
    expect(await violation.locator('.path').innerText()).toBe('/last_active_session_id');
    expect(await violation.locator('.source').innerText()).toBe(
      'examples/broken/dangling-last-active-session.json',
    );
    expect(await violation.locator('mark').innerText()).toContain('"last_active_session_id": "sess_');
    expect(await page.locator('#rule-id-prefixes td.result-pass').innerText()).toBe('pass');
    expect(requests).toEqual([]);
  });

  test('a hostile document runs nothing and shows its text literally', async () => {
    const { page, dialogs } = await open(htmlReport(await hostileResult()));
    expect(dialogs).toEqual([]);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    // The style sheet was not closed early: the layout still applies after the hostile text.
    expect(await page.evaluate("getComputedStyle(document.querySelector('.summary')).display")).toBe('flex');
    const source = page.locator('article[data-rule="schema/additionalProperties"] .source');
    expect(await source.innerText()).toBe(`${HOSTILE}.json`);
    expect(await page.locator('body').innerText()).toContain(HOSTILE);
  });
});
