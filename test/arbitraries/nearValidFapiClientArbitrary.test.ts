import { expect, test } from 'vitest';
import {
  type NearValidFapiClientConstraints,
  nearValidFapiClientArbitrary,
  nearValidFapiMutations,
} from '../../src/arbitraries/nearValidFapiClientArbitrary.js';
import { InvalidOptionError } from '../../src/invalidOption.js';

test.each([
  [{ apiVersion: '2020-01-01' }, 'nearValidFapiClientArbitrary: unknown apiVersion "2020-01-01"'],
  [{ profile: 'lenient' }, 'nearValidFapiClientArbitrary: unknown profile "lenient"'],
  [{ rules: ['no-such-rule'] }, 'nearValidFapiClientArbitrary: unknown rule "no-such-rule"'],
  [{ rules: [] }, 'nearValidFapiClientArbitrary: rules must list at least one rule id'],
  [{ rules: ['ksuid-ids'] }, 'nearValidFapiClientArbitrary: rule ksuid-ids is off in the default profile'],
  [
    { rules: ['session-ids-unique'] },
    'nearValidFapiClientArbitrary: no mutation breaks session-ids-unique in a Frontend API Client of 2026-05-12',
  ],
  [
    { statuses: ['ended'], rules: ['active-session-has-token'] },
    'nearValidFapiClientArbitrary: no mutation breaks active-session-has-token',
  ],
  [
    { minSessions: 5, maxSessions: 2 },
    'nearValidFapiClientArbitrary: minSessions (5) must not exceed maxSessions (2)',
  ],
  [{ expireAfterMs: 1 }, 'nearValidFapiClientArbitrary: expireAfterMs must be at least 2, got 1'],
])('refuses %j eagerly, naming the arbitrary', (constraints, message) => {
  const build = () => nearValidFapiClientArbitrary(constraints as NearValidFapiClientConstraints);
  expect(build).toThrow(InvalidOptionError);
  expect(build).toThrow(message);
});

test('the profile decides which rules are broken: ksuid-ids only in strict', () => {
  const rules = (profile: 'default' | 'strict') =>
    new Set(nearValidFapiMutations({ profile }).map((mutation) => mutation.rule));
  expect(rules('default').has('ksuid-ids')).toBe(false);
  expect(rules('strict').has('ksuid-ids')).toBe(true);
});

test('statuses without active leave out the break that needs an active session', () => {
  const rules = new Set(
    nearValidFapiMutations({ statuses: ['ended', 'expired'] }).map((mutation) => mutation.rule),
  );
  expect(rules.has('active-session-has-token')).toBe(false);
  expect(rules.has('last-active-session-signed-in')).toBe(true);
});

test('status-matches-clock is broken only when now is given: a check without it cannot judge it', () => {
  const rules = (now?: number) =>
    new Set(nearValidFapiMutations(now === undefined ? {} : { now }).map((mutation) => mutation.rule));
  expect(rules().has('status-matches-clock')).toBe(false);
  expect(rules(Date.UTC(2025, 11, 1)).has('status-matches-clock')).toBe(true);
  expect(() => nearValidFapiClientArbitrary({ rules: ['status-matches-clock'] })).toThrow(
    'nearValidFapiClientArbitrary: rule status-matches-clock is judged at an observation time',
  );
});
