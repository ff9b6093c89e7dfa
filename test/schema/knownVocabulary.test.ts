import { describe, expect, test } from 'vitest';
import { knownVocabulary } from '../../src/schema/knownVocabulary.js';

describe('the vocabulary of every Clerk schema', () => {
  test('has the properties and statuses of every surface and version, and nothing else', () => {
    const { properties, statuses } = knownVocabulary();
    // The seed's, the Frontend API's, a sign-in attempt's (nested below an allOf) and the webhook payload's.
    for (const name of [
      'session_ids',
      'last_active_token',
      'cookie_expires_at',
      'supported_first_factors',
      'user',
    ])
      expect(properties, name).toContain(name);
    for (const status of ['active', 'pending', 'replaced', 'expired', 'needs_first_factor', 'complete'])
      expect(statuses, status).toContain(status);
    // `object` is an enum too, but not a status; enum values are never property names.
    expect(statuses).not.toContain('client');
    expect(statuses).not.toContain('session');
    expect(properties).not.toContain('paused');
    for (const status of statuses) expect(typeof status).toBe('string');
    expect(knownVocabulary()).toBe(knownVocabulary());
  });
});
