import { describe, expect, test } from 'vitest';
import { subjectsOf } from '../../src/documents/subjectsOf.js';
import { client, session } from '../helpers.js';

const bapiSession = session('client_2ohNn8o55J9vvkkko1KowJ987Cu', 1_731_318_073_500);
const fapiClient = {
  object: 'client',
  id: 'client_2ohNn8o55J9vvkkko1KowJ987Cu',
  sessions: [],
  sign_in: null,
  sign_up: null,
  last_active_session_id: null,
  cookie_expires_at: null,
  created_at: 1_731_318_000_000,
  updated_at: 1_731_318_000_000,
};
const fapiSession = { object: 'session', id: 'sess_x', status: 'active', user: null, public_user_data: null };

function kindsAt(document: unknown, kind?: Parameters<typeof subjectsOf>[1]) {
  const contents = subjectsOf(document, kind);
  return 'error' in contents ? contents : contents.subjects.map(({ kind, at }) => [kind, at]);
}

describe('subjectsOf recognises each kind of document from the document itself', () => {
  test.each([
    ['a Backend API Client', client(1), [['client', '']]],
    ['a Backend API Session', bapiSession, [['session', '']]],
    ['a Frontend API Client', fapiClient, [['fapi-client', '']]],
    ['a Frontend API Session', fapiSession, [['fapi-session', '']]],
    [
      'an array of Clients',
      [client(0), client(1)],
      [
        ['client', '/0'],
        ['client', '/1'],
      ],
    ],
    ['a paginated list of Sessions', { data: [bapiSession], total_count: 1 }, [['session', '/data/0']]],
    [
      'GET /v1/client: { response: Client, client: null }',
      { response: fapiClient, client: null },
      [['fapi-client', '/response']],
    ],
    [
      'a FAPI mutation: { response: SignIn, client: Client }',
      { response: { object: 'sign_in_attempt' }, client: fapiClient },
      [['fapi-client', '/client']],
    ],
    [
      'a session.created webhook',
      { object: 'event', type: 'session.created', data: bapiSession },
      [['webhook', '/data']],
    ],
    ['a user.created webhook (no Session)', { object: 'event', type: 'user.created', data: {} }, []],
    ['an empty list', [], []],
  ])('%s', (_name, document, expected) => {
    expect(kindsAt(document)).toEqual(expected);
  });

  test('unwraps envelopes and events inside a list', () => {
    const event = { object: 'event', type: 'session.created', data: bapiSession };
    expect(kindsAt([event, { response: fapiClient, client: null }])).toEqual([
      ['webhook', '/0/data'],
      ['fapi-client', '/1/response'],
    ]);
  });

  test('a Frontend API Client that lost its object is still one, and a HAR saved as .json is named', () => {
    const { object: _, ...bare } = fapiClient;
    expect(kindsAt(bare)).toEqual([['fapi-client', '']]);
    expect(kindsAt({ log: { entries: [] } })).toEqual({
      error: 'a HAR recording: name the file .har to check its entries',
    });
  });

  test('judges what it cannot place as the contract: a Backend API Client', () => {
    expect(kindsAt({ id: 'client_x' })).toEqual([['client', '']]);
    expect(kindsAt(42)).toEqual([['client', '']]);
    // A FAPI field beside a BAPI-only one is a broken BAPI Client, not a FAPI Client.
    expect(kindsAt({ ...client(0), sign_in: null })).toEqual([['client', '']]);
  });

  test('--kind forces the kind of objects their fields decide; envelopes and events keep the kinds of their slots', () => {
    expect(kindsAt(bapiSession, 'client')).toEqual([['client', '']]);
    expect(kindsAt({ data: [fapiClient], total_count: 1 }, 'client')).toEqual([['client', '/data/0']]);
    expect(kindsAt({ response: fapiClient, client: null }, 'client')).toEqual([['fapi-client', '/response']]);
    expect(kindsAt({ object: 'event', type: 'session.ended', data: bapiSession }, 'session')).toEqual([
      ['webhook', '/data'],
    ]);
  });

  test("a Clerk error body is no document to check, and says Clerk's code", () => {
    expect(kindsAt({ errors: [{ message: 'not found', code: 'resource_not_found' }] })).toEqual({
      error: 'a Clerk error response ("resource_not_found"), not a document to check',
    });
  });
});
