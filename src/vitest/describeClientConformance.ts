import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ruleIds } from '../check/ruleSettings.js';
import { type RunResult, runCheck } from '../check/runCheck.js';
import type { Profile, RuleSetting } from '../check/types.js';
import { type ReferenceServer, startReferenceServer } from '../server/referenceServer.js';
import { DEFAULT_MAX_BYTES, openTarget, type TargetItem } from '../targets/index.js';

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
  /** Sent to a URL target as `Authorization: Bearer …`. @defaultValue `process.env.CLERK_SECRET_KEY` */
  secretKey?: string;
  /** Follow `limit`/`offset` pagination of a list URL. @defaultValue `false` */
  allPages?: boolean;
  /** Timeout of a URL target, in ms. @defaultValue `10000` */
  timeoutMs?: number;
};

/**
 * Registers the conformance tests of a target in the calling vitest file: one test that the target yields Clients
 * without errors, then one test per rule, failing with every source and path where that rule is broken as an
 * error (warnings are attached to the test as annotations).
 */
export function describeClientConformance(options: ClientConformanceOptions = {}): void {
  const label =
    typeof options.target === 'string'
      ? options.target
      : options.target
        ? 'an in-process target'
        : 'the embedded reference server';
  describe(`Clerk Client conformance of ${label}`, () => {
    let server: ReferenceServer | undefined;
    let result: RunResult;

    beforeAll(async () => {
      let items: AsyncIterable<TargetItem>;
      if (typeof options.target === 'function') {
        items = documentsOf(options.target);
      } else {
        if (options.target === undefined) server = await startReferenceServer();
        const secretKey = server?.secretKey ?? options.secretKey ?? process.env.CLERK_SECRET_KEY;
        items = openTarget(options.target ?? `${server?.url}/v1/clients?paginated=true`, {
          maxBytes: DEFAULT_MAX_BYTES,
          allPages: server !== undefined || options.allPages === true,
          ...(options.headers === undefined ? {} : { headers: options.headers }),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          ...(secretKey ? { secretKey } : {}),
        });
      }
      result = await runCheck(items, {
        ...(options.profile === undefined ? {} : { profile: options.profile }),
        ...(options.rules === undefined ? {} : { rules: options.rules }),
      });
    }, 120_000);
    afterAll(() => server?.close());

    test('the target yields Clients, and every document could be read', () => {
      expect(result.errors.map(({ source, message }) => `${source}: ${message}`)).toEqual([]);
      expect(result.clients).toBeGreaterThan(0);
    });

    for (const rule of ruleIds) {
      test(rule, async ({ annotate }) => {
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

async function* documentsOf(target: () => unknown[] | Promise<unknown[]>): AsyncGenerator<TargetItem> {
  const documents = await target();
  for (const [index, value] of documents.entries())
    yield { kind: 'document', source: `target()[${index}]`, value };
}
