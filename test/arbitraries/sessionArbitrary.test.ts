import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sessionActivityArbitrary } from '../../src/arbitraries/sessionActivityArbitrary.js';
import { sessionArbitrary } from '../../src/arbitraries/sessionArbitrary.js';
import { checkClient } from '../../src/index.js';
import { API_VERSIONS, definitionName, derivedDocument } from '../../src/schema/derived/index.js';
import { compileDerived as compile } from '../schema/derived/validate.js';

const NOW = Date.UTC(2025, 11, 1);

test.each([true, false])(
  'a session (realistic: %s) passes every rule in both profiles in a Client of its own',
  (realistic) => {
    const clientId = 'client_2ohNn8o55J9vvkkko1KowJ987Cu';
    fc.assert(
      fc.property(sessionArbitrary({ clientId, realistic }), (session) => {
        const signedIn = session.status === 'active' || session.status === 'pending';
        const client = {
          object: 'client',
          id: clientId,
          session_ids: [session.id],
          sessions: [session],
          sign_in_id: null,
          sign_up_id: null,
          last_active_session_id: signedIn ? session.id : null,
          last_authentication_strategy: null,
          updated_at: session.updated_at,
          created_at: session.created_at,
        };
        for (const profile of ['default', 'strict'] as const) {
          // The fixed client id embeds no matching creation time: ksuid-ids judges the Client, not the session.
          const { violations } = checkClient(client, { profile, now: NOW, rules: { 'ksuid-ids': 'off' } });
          expect(violations).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  },
);

test('sessionArbitrary rejects a clientId that is not a client id', () => {
  expect(() => sessionArbitrary({ clientId: 'sess_1' })).toThrow(
    'sessionArbitrary: clientId must be a client_ id',
  );
});

test('activities are session_activity objects with the required keys', () => {
  for (const realistic of [true, false]) {
    for (const activity of fc.sample(sessionActivityArbitrary({ realistic }), { numRuns: 200 })) {
      expect(activity.object).toBe('session_activity');
      expect(activity.id).toMatch(/^sess_activity_[0-9A-Za-z]{27}$/);
      expect(typeof activity.is_mobile).toBe('boolean');
    }
  }
});

test('apiVersion: sessions pass that version’s derived Backend API Session schema', () => {
  for (const version of API_VERSIONS) {
    const validate = compile(derivedDocument('bapi', version), definitionName('bapi', 'session', version));
    for (const session of fc.sample(sessionArbitrary({ apiVersion: version }), { numRuns: 100, seed: 9 }))
      expect(validate(session), `${version} ${JSON.stringify(validate.errors)}`).toBe(true);
  }
});
