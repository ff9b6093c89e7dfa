import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { invariants } from '../../src/invariants/index.js';

/** Sections 6 and 8 of clerk-client-facts.md: the public contract of ids and severities, in order. */
const CATALOGUE = [
  ['session-ids-match-sessions', 'error', 'error'],
  ['session-ids-ordered', 'warning', 'error'],
  ['session-ids-unique', 'error', 'error'],
  ['last-active-session-listed', 'error', 'error'],
  ['last-active-session-signed-in', 'warning', 'error'],
  ['session-client-id-matches', 'error', 'error'],
  ['timestamps-ordered', 'error', 'error'],
  ['last-active-after-creation', 'warning', 'warning'],
  ['expire-not-after-abandon', 'warning', 'error'],
  ['timestamps-in-milliseconds', 'error', 'error'],
  ['id-prefixes', 'warning', 'error'],
  ['ksuid-ids', 'off', 'error'],
  ['latest-activity-object', 'warning', 'error'],
  ['status-matches-clock', 'warning', 'error'],
  // Section 8: the Frontend API's own rules.
  ['active-session-has-token', 'warning', 'error'],
  ['sessions-after-client', 'warning', 'error'],
  ['completed-sign-in-session-listed', 'warning', 'warning'],
];

describe('the invariant registry', () => {
  test('lists the catalogue of clerk-client-facts.md section 6, in order, with its severities', () => {
    expect(invariants.map(({ id, severity }) => [id, severity.default, severity.strict])).toEqual(CATALOGUE);
  });

  test('registers every invariant file once, and each is documented', () => {
    const files = readdirSync(new URL('../../src/invariants/', import.meta.url)).filter(
      (file) => file.endsWith('.ts') && !['index.ts', 'types.ts'].includes(file),
    );
    expect(files).toHaveLength(invariants.length);
    for (const invariant of invariants) {
      expect(invariant.description.length, invariant.id).toBeGreaterThan(10);
      expect(invariant.evidence.length, invariant.id).toBeGreaterThan(10);
    }
  });

  test('each invariant reads fields by JSON Pointer and depends on known invariants, without a cycle', () => {
    const byId = new Map(invariants.map((invariant) => [invariant.id, invariant]));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of byId.get(from)?.dependsOn ?? []) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    for (const invariant of invariants) {
      expect(invariant.reads.length, invariant.id).toBeGreaterThan(0);
      for (const read of invariant.reads) expect(read, invariant.id).toMatch(/^(\/([a-z_]+|\*))+$/);
      for (const dependency of invariant.dependsOn) expect(byId.has(dependency), dependency).toBe(true);
      expect(reaches(invariant.id, invariant.id), invariant.id).toBe(false);
    }
  });

  test('a per-session rule reads only session fields for its Session documents and its own Client fields', () => {
    for (const invariant of invariants.filter((each) => each.checkSession !== undefined)) {
      expect(
        invariant.reads.some((read) => read.startsWith('/sessions/*/')),
        invariant.id,
      ).toBe(true);
    }
  });
});
