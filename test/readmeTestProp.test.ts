/** The README's @fast-check/vitest example, run as written (imports aside). */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { checkClient, clientArbitrary, nearValidClientArbitrary, sessionArbitrary } from '../src/index.js';

test.prop([clientArbitrary({ minSessions: 1 })])(
  'every session of a Client is listed in session_ids',
  (client) => {
    expect(client.session_ids).toEqual(client.sessions.map((session) => session.id));
  },
);

test.prop({
  session: sessionArbitrary({ statuses: ['active', 'pending'] }),
  now: fc.constant(Date.UTC(2025, 11, 1)),
})('a signed-in session generated for now has not expired at now', ({ session, now }) => {
  expect(session.expire_at).toBeGreaterThan(now);
});

test.prop([nearValidClientArbitrary({ rules: ['last-active-session-listed'] })])(
  'my validator rejects a dangling last_active_session_id',
  ({ value, now }) => {
    expect(checkClient(value, { now }).ok).toBe(false);
  },
);
