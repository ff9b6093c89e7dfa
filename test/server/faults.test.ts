import { describe, expect, test } from 'vitest';
import { createClientChecker } from '../../src/index.js';
import { FAULTS, faultNamed } from '../../src/server/faults.js';
import { startReferenceServer } from '../../src/server/referenceServer.js';

/** Every Client the server with this fault serves, checked in a profile at the time it was fetched. */
async function violationsOf(fault: string | undefined, profile: 'default' | 'strict') {
  const server = await startReferenceServer({
    seed: 11,
    clients: 15,
    ...(fault === undefined ? {} : { fault }),
  });
  try {
    const response = await fetch(`${server.url}/v1/clients?limit=500`, {
      headers: { authorization: `Bearer ${server.secretKey}` },
    });
    const observedAt = Date.now();
    const check = createClientChecker({ profile });
    return ((await response.json()) as unknown[]).flatMap((client) => check(client, observedAt).violations);
  } finally {
    await server.close();
  }
}

describe('the fault catalogue', () => {
  test('has at least ten faults with unique names', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(FAULTS.map((fault) => fault.name)).size).toBe(FAULTS.length);
  });

  test.each(['default', 'strict'] as const)('the healthy server passes the %s profile', async (profile) => {
    expect(await violationsOf(undefined, profile)).toEqual([]);
  });

  test.each(FAULTS.map((fault) => [fault.name, fault.caughtBy, fault.strictOnly === true]))(
    '%s is caught by %s',
    async (name, rule, strictOnly) => {
      const strict = await violationsOf(name, 'strict');
      expect(strict.some((violation) => violation.rule === rule && violation.severity === 'error')).toBe(
        true,
      );
      const lenient = await violationsOf(name, 'default');
      const severity = strictOnly ? 'warning' : 'error';
      expect(lenient.some((violation) => violation.rule === rule && violation.severity === severity)).toBe(
        true,
      );
    },
  );

  test('an unknown fault is refused with the catalogue', () => {
    expect(() => faultNamed('slow')).toThrow(/unknown fault "slow": expected one of omit-null-fields, /);
  });
});
