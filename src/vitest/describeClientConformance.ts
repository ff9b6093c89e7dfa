import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveRuleSettings, rules } from '../check/ruleSettings.js';
import { checkedNothing, pickCounts, type RunResult, runCheck } from '../check/runCheck.js';
import type { Profile, RuleSetting } from '../check/types.js';
import { notJudged } from '../report/ruleSettingsOf.js';
import { type ReferenceServer, startReferenceServer } from '../server/referenceServer.js';
import { DEFAULT_MAX_BYTES, openTarget, type ReadOptions, type TargetItem } from '../targets/index.js';
import { displayUrl } from '../targets/secrets.js';

/** Options of {@link describeClientConformance}. */
export type ClientConformanceOptions = {
  /**
   * What to check: a URL, a file or directory path (as `clerk-conformance check` takes), or a function returning
   * documents (Clients, arrays or paginated lists), to check an in-process implementation without a server.
   * Omitted: the embedded reference server.
   */
  target?: string | (() => unknown[] | Promise<unknown[]>);
  /** @defaultValue `'default'` */
  profile?: Profile;
  /** Per-rule severity overrides. */
  rules?: Record<string, RuleSetting>;
  /** Extra request headers for a URL target. */
  headers?: Record<string, string>;
  /**
   * Sent to a URL target as `Authorization: Bearer …`; for a server started with `clerk-conformance serve`, its
   * key `REFERENCE_SECRET_KEY` (`'sk_test_clerk_client_conformance'`). @defaultValue `process.env.CLERK_SECRET_KEY`
   */
  secretKey?: string;
  /** Follow `limit`/`offset` pagination of a list URL. @defaultValue `false` */
  allPages?: boolean;
  /** Timeout of a URL target, in ms. @defaultValue `10000` */
  timeoutMs?: number;
  /** The describe block's name. @defaultValue the target, a loopback URL without its (changing) port */
  name?: string;
};

/**
 * Registers the conformance tests of a target in the calling vitest file: one test that the target yields Clients
 * without errors, then one test per rule, failing with every source and path where that rule is broken as an
 * error (warnings are attached to the test as annotations). A rule that is off, or that needs an observation time
 * no document had, is skipped, and so is every rule when no Client was checked (the first test fails then).
 */
export function describeClientConformance(options: ClientConformanceOptions = {}): void {
  const settings = resolveRuleSettings({
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  });
  describe(`Clerk Client conformance of ${options.name ?? labelOf(options.target)}`, () => {
    let server: ReferenceServer | undefined;
    let result: RunResult;

    beforeAll(async () => {
      let items: AsyncIterable<TargetItem>;
      if (typeof options.target === 'function') {
        items = documentsOf(options.target);
      } else {
        if (options.target === undefined) server = await startReferenceServer();
        const secretKey = server?.secretKey ?? options.secretKey ?? process.env.CLERK_SECRET_KEY;
        const read = {
          maxBytes: DEFAULT_MAX_BYTES,
          allPages: options.allPages === true,
          ...(options.headers === undefined ? {} : { headers: options.headers }),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          ...(secretKey ? { secretKey } : {}),
        };
        // The embedded server is read through the endpoints Clerk supports, every Client and its Sessions.
        const specs = server
          ? server.readPaths().map((path) => `${server?.url}${path}`)
          : [options.target ?? ''];
        items = openAll(specs, read);
      }
      result = await runCheck(items, {
        ...(options.profile === undefined ? {} : { profile: options.profile }),
        ...(options.rules === undefined ? {} : { rules: options.rules }),
      });
    }, 120_000);
    afterAll(() => server?.close());

    test('the target yields Clients or Sessions, and every document could be read', () => {
      const errors = result.errors.map(({ source, message }) => `${source}: ${message}`);
      const unauthorized = errors.some((error) => /: HTTP 401\b/.test(error));
      expect(
        errors,
        unauthorized ? 'a 401: pass secretKey (or set CLERK_SECRET_KEY) for this target' : undefined,
      ).toEqual([]);
      expect(
        checkedNothing(result),
        'no Client or Session was checked: the target has none, so nothing was judged',
      ).toBe(false);
    });

    for (const description of rules) {
      const rule = description.id;
      test(rule, async ({ annotate, skip }) => {
        const observed = result.targets.reduce((sum, target) => sum + target.observed, 0);
        const reason = notJudged(description, settings.get(rule), { ...pickCounts(result), observed });
        if (reason !== undefined) return skip(`${rule}: ${reason}`);
        const broken = result.violations.filter((violation) => violation.rule === rule);
        const warnings = broken.filter((violation) => violation.severity === 'warning');
        if (warnings.length > 0)
          await annotate(
            `${warnings.length} warning(s), first at ${warnings[0]?.source} ${warnings[0]?.path}`,
            'warning',
          );
        const errors = broken.filter((violation) => violation.severity === 'error');
        expect(
          errors.map(({ source, path, message }) => `${source} ${path || '(the document)'}: ${message}`),
        ).toEqual([]);
      });
    }
  });
}

/** The describe label: a URL's secrets hidden and, on loopback, its port (it changes from run to run). */
function labelOf(target: ClientConformanceOptions['target']): string {
  if (typeof target === 'function') return 'an in-process target';
  if (target === undefined) return 'the embedded reference server';
  if (!/^https?:/i.test(target)) return target;
  const url = new URL(displayUrl(target));
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.port !== '')
    return `${url.protocol}//${url.hostname}:<port>${url.pathname}${url.search}`;
  return url.toString();
}

async function* openAll(specs: readonly string[], options: ReadOptions): AsyncGenerator<TargetItem> {
  for (const spec of specs) yield* openTarget(spec, options);
}

async function* documentsOf(target: () => unknown[] | Promise<unknown[]>): AsyncGenerator<TargetItem> {
  const documents = await target();
  for (const [index, value] of documents.entries())
    yield { kind: 'document', source: `target()[${index}]`, value };
}
