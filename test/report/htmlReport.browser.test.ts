/**
 * The HTML report as a person sees it, in headless Chromium (Debian's `chromium`; .ci/run installs it). Without a
 * Chromium these tests are skipped locally, and fail in CI, where it must be there.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlReport } from '../../src/report/htmlReport.js';
import { TOOL_VERSION } from '../../src/version.js';
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

/** A laptop screen: the verdict must be visible on it without scrolling. */
const VIEWPORT = { width: 1280, height: 720 };

describe.runIf(available)('the HTML report in a real browser', () => {
  let browser: Browser;
  // One tab for every test, each test loading its own report: a new page per test starts a renderer process
  // each time (measured: 4.5 s of CPU for 8 new pages, 1.7-2.5 s for 8 loads in one).
  let page: Page;
  let dialogs: string[] = [];
  let requests: string[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
  }, 60_000);
  afterAll(() => browser?.close());

  /** Loads a report into the tab; the dialogs it opened and the requests it made are its own. */
  async function open(html: string, colorScheme: 'light' | 'dark' = 'light') {
    const dir = tempDir('report');
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    dialogs = [];
    requests = [];
    await page.emulateMedia({ colorScheme });
    await page.goto(`file://${file}`);
    return { page, dialogs, requests, dir };
  }

  const visibleGroups = (page: Page) =>
    page
      .locator('details.group:visible')
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-rule')));

  test('shows the verdict, the numbers, the date, duration, version and targets, and a rule row', async () => {
    const result = await brokenExamplesResult();
    const { page, requests } = await open(
      htmlReport(result, { profile: 'default', targets: ['examples/broken'] }),
    );
    expect(await page.locator('#verdict').innerText()).toBe('✗ Not conformant');
    expect(await page.locator('#documents').innerText()).toBe('8');
    expect(await page.locator('#errors').innerText()).toBe('14');
    const run = await page.locator('#run').innerText();
    expect(run).toContain(`${new Date(result.startedAt).toISOString().slice(0, 10)} `);
    expect(run).toMatch(/ · \d+\.\d\d s · /);
    expect(run).toContain(`clerk-client-conformance ${TOOL_VERSION}`);
    expect(await page.locator('#targets').innerText()).toBe('examples/broken');
    const row = page.locator('#rule-last-active-session-listed');
    expect(await row.innerText()).toMatch(/last-active-session-listed\s+error\s+fail\s+1/);
    expect(await page.locator('#rule-id-prefixes td.result-pass').innerText()).toBe('pass');
    expect(await page.locator('#rule-ksuid-ids td.result-skip').innerText()).toBe(
      'skipped: the rule is off in this run',
    );
    expect(await page.locator('#rule-status-matches-clock td.result-skip').innerText()).toContain(
      'needs the time each document was observed',
    );
    expect(requests).toEqual([]);
  });

  test('screenshot: the verdict is visible without scrolling on a 1280×720 screen', async () => {
    const { page, dir } = await open(htmlReport(await brokenExamplesResult()));
    const shot = join(dir, 'top.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    const box = await page.locator('#verdict').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan(VIEWPORT.height / 3);
    // Nothing covers it: the element at its centre is the verdict.
    const [x, y] = [(box?.x ?? 0) + 20, (box?.y ?? 0) + (box?.height ?? 0) / 2];
    const hit = await page.evaluate(`document.elementFromPoint(${x}, ${y})?.id`);
    expect(hit).toBe('verdict');
    expect(await page.evaluate('window.scrollY')).toBe(0);
  });

  test('violations are grouped by rule with counts, groups and violations folded; a rules-table link opens its group', async () => {
    const { page } = await open(htmlReport(await brokenExamplesResult()));
    expect(await visibleGroups(page)).toEqual([
      'schema/enum',
      'schema/required',
      'schema/additionalProperties',
      'session-ids-match-sessions',
      'last-active-session-listed',
      'session-client-id-matches',
      'timestamps-ordered',
      'timestamps-in-milliseconds',
    ]);
    const group = page.locator('details.group[data-rule="timestamps-in-milliseconds"]');
    expect(await group.locator('summary').first().innerText()).toMatch(
      /timestamps-in-milliseconds 7 violations, 7 failing the run\s*error/,
    );
    expect(await page.locator('details[open]').count()).toBe(0);
    await page.locator('#rule-timestamps-in-milliseconds a').click();
    expect(await group.getAttribute('open')).toBe('');
    expect(await group.locator('details.violation').count()).toBe(7);
    expect(await group.locator('details.violation .message:visible').count()).toBe(7);
  });

  test('a violation shows its offending line marked, in a few lines of context rather than the whole object', async () => {
    const { page } = await open(htmlReport(await brokenExamplesResult()));
    await page.locator('details.group[data-rule="last-active-session-listed"] > summary').click();
    const violation = page.locator('details.violation[data-rule="last-active-session-listed"]');
    await violation.locator('summary').click();
    expect(await violation.locator('.path').innerText()).toBe('/last_active_session_id');
    expect(await violation.locator('.source').innerText()).toBe(
      'examples/broken/dangling-last-active-session.json',
    );
    expect(await violation.locator('mark').innerText()).toContain('"last_active_session_id": "sess_');
    const lines = (await violation.locator('pre').innerText()).split('\n');
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(lines.some((line) => line.includes('"session_ids"'))).toBe(false);
  });

  test('filters by rule, severity and source hide what does not match, with no script', async () => {
    const result = await brokenExamplesResult({ rules: { 'timestamps-ordered': 'warning' } });
    const { page } = await open(htmlReport(result, { rules: { 'timestamps-ordered': 'warning' } }));
    await page.locator('#filter-severity').selectOption('warning');
    expect(await visibleGroups(page)).toEqual(['timestamps-ordered']);
    await page.locator('#filter-severity').selectOption('failing');
    expect(await visibleGroups(page)).not.toContain('timestamps-ordered');
    await page.locator('#filter-severity').selectOption('all');
    await page.locator('#filter-rule').selectOption({ label: 'schema/required (1)' });
    expect(await visibleGroups(page)).toEqual(['schema/required']);
    await page.locator('#filter-rule').selectOption('all');
    await page
      .locator('#filter-source')
      .selectOption({ label: 'examples/broken/timestamps-in-seconds.json' });
    expect(await visibleGroups(page)).toEqual(['timestamps-in-milliseconds']);
    expect(await page.locator('script').count()).toBe(0);
  });

  test('dark mode follows prefers-color-scheme', async () => {
    const html = htmlReport(await brokenExamplesResult());
    const background = (page: Page) => page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(await background((await open(html, 'light')).page)).toBe('rgb(255, 255, 255)');
    expect(await background((await open(html, 'dark')).page)).toBe('rgb(13, 17, 23)');
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
    await page.locator('details.group[data-rule="unknown-property"] > summary').click();
    const source = page.locator('details.violation[data-rule="unknown-property"] .source');
    expect(await source.innerText()).toBe(`${HOSTILE}.json`);
    expect(await page.locator('body').innerText()).toContain(HOSTILE);
  });
});
