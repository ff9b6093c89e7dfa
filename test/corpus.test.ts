/** Every real capture of shared/corpus, checked as the kind and API version it was recorded with (reference only). */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type RunOptions, runCheck } from '../src/check/runCheck.js';
import { openTarget } from '../src/targets/index.js';
import { DEFAULT_MAX_BYTES } from '../src/targets/types.js';

const corpus = new URL('../../shared/corpus/clerk-real/', import.meta.url);

/** Ids the authors replaced by placeholders say nothing about Clerk's ids: those rules are off for them. */
const REDACTED_IDS = { 'id-prefixes': 'off', 'ksuid-ids': 'off' } as const;

type Capture = {
  file: string;
  /** What the capture holds, as the run counts it. */
  counts: Partial<Record<'clients' | 'sessions' | 'fapiClients' | 'fapiSessions', number>>;
  options: RunOptions;
  why: string;
  /** What a partial capture lacks because its recorder dropped it: the only violations allowed. */
  omitted?: string[];
};

/** The Clerk-API-Version in effect when each was recorded (SOURCES.md gives the dates and SDKs). */
const CHECKED: Capture[] = [
  {
    file: '01-clerk-ios-client-expired-session.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2021-02-05' },
    why: 'Frontend API Client, February 2024, before versioned APIs',
  },
  {
    file: '02-clerk-ios-mockclient-active-session.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2021-02-05' },
    why: 'Frontend API Client, clerk-ios mocks of early 2024',
  },
  {
    file: '03-clerk-fapi-rs-real-client-2025-10-13.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2025-10-13' },
    why: 'Frontend API Client fetched on 2025-10-13',
  },
  {
    file: '04-clerk-fapi-rs-logged-in-client-anonymized.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2024-11-01', rules: REDACTED_IDS },
    why: 'Frontend API Client of November 2024 (clerk-fapi-rs sends a version); ids hand-anonymized',
  },
  {
    file: '05-flutter-fresh-client-post-v1-client.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2021-02-05', rules: REDACTED_IDS },
    why: 'Frontend API Client of November 2024 from clerk-sdk-flutter, which sent no version; ids redacted',
  },
  {
    file: '08-flutter-client-signup-missing-requirements.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2021-02-05', rules: REDACTED_IDS },
    why: 'as 05, with a sign-up in progress',
  },
  {
    file: '12-clerk-docs-bapi-getclient-sdk-printout-partial.json',
    counts: { clients: 1 },
    options: { apiVersion: '2024-01-15' },
    omitted: ['schema/required /sessions'],
    why: "Backend API Client of January 2024, transliterated from @clerk/backend's printout, which omits sessions",
  },
  {
    file: '13-clerk-docs-bapi-getsession-sdk-printout.json',
    counts: { sessions: 1 },
    options: {},
    omitted: ['schema/required /object'],
    why: "Backend API Session from @clerk/backend's printout, which omits object, actor and latest_activity",
  },
  {
    file: '14-clerk-docs-bapi-getsessionlist-expired-sdk-printout.json',
    counts: { sessions: 1 },
    options: {},
    omitted: ['schema/required /object'],
    why: 'as 13, an expired Session',
  },
  {
    file: '17-openapi-webhook-session-created-example.json',
    counts: { sessions: 1 },
    options: { kind: 'webhook', rules: REDACTED_IDS },
    why: "the data of the webhooks spec's session.created example: illustrative ids with one suffix",
  },
  {
    file: 'envelopes/clerk-ios-mockclient-envelope.json',
    counts: { fapiClients: 1 },
    options: { apiVersion: '2021-02-05' },
    why: "GET /v1/client's { response, client: null } envelope of capture 02",
  },
  {
    file: '18-clerk-ios-active-sessions-with-activity.json',
    counts: { fapiSessions: 3 },
    options: { apiVersion: '2021-02-05' },
    why: 'GET /v1/me/sessions/active of February 2024',
  },
];

/** Captures that say nothing about Clerk as recorded, and why. */
const NOT_CHECKED: Record<string, string> = {
  '06-flutter-client-signin-needs-first-factor.json': 'redaction replaced a field name of sign_in by USER_ID',
  '07-flutter-client-after-password-signin.json': 'expire_at is the test-injected placeholder "$expireAt"',
  '09-flutter-client-after-signup-complete.json': 'expire_at is a placeholder',
  '10-flutter-get-client-active-session-and-signin.json': 'expire_at is a placeholder',
  '11-flutter-recorded-templated-2025-11-api.json': 'every timestamp is a template string',
  '15-clerk-docs-2021-bapi-client-example.json':
    '2021 documentation: timestamps in seconds, fields renamed since',
  '16-clerk-docs-2021-fapi-get-client-example.json':
    '2021 documentation: timestamps in seconds, fields renamed since',
  'envelopes/flutter-recorded-attempt-first-factor-envelope.json': 'the envelope of 11: templated timestamps',
};

// The workplace's shared/ lies beside the checkout (as in CI); a clone elsewhere has no corpus to read.
describe.runIf(existsSync(corpus))(
  'real Clerk captures, as recorded, raise no violation but what they omit',
  () => {
    test.each(
      CHECKED.flatMap((capture) =>
        (['default', 'strict'] as const).map((profile) => ({ ...capture, profile })),
      ),
    )('$file in the $profile profile ($why)', async ({ file, counts, options, profile, omitted }) => {
      const path = new URL(file, corpus).pathname;
      const result = await runCheck(openTarget(path, { maxBytes: DEFAULT_MAX_BYTES }), {
        ...options,
        profile,
      });
      expect(result.errors).toEqual([]);
      expect(result.violations.map(({ rule, path }) => `${rule} ${path}`)).toEqual(omitted ?? []);
      expect(result).toMatchObject({ clients: 0, sessions: 0, fapiClients: 0, fapiSessions: 0, ...counts });
    });

    test('every capture is either checked or listed with the reason it is not', () => {
      const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.json'),
      );
      expect(files.sort()).toEqual([...CHECKED.map(({ file }) => file), ...Object.keys(NOT_CHECKED)].sort());
    });
  },
);
