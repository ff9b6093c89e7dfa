/**
 * Pins down every difference between @clerk/backend's JSON types and the seed schema's types. `npm test`'s type
 * check fails when either side changes: a new SDK release that agrees or disagrees more shows up here.
 */
import type { ClientJSON, SessionJSON } from '@clerk/backend';
import { expectTypeOf, test } from 'vitest';
import type { Client, Session, SessionActivity } from '../../src/index.js';

type SessionActivityJSON = NonNullable<SessionJSON['latest_activity']>;

test('Client and ClientJSON have the same keys and agree on all but one', () => {
  expectTypeOf<keyof Client>().toEqualTypeOf<keyof ClientJSON>();
  expectTypeOf<Omit<Client, 'sessions' | 'last_authentication_strategy'>>().toEqualTypeOf<
    Omit<ClientJSON, 'sessions' | 'last_authentication_strategy'>
  >();
  // The SDK narrows the strategy to a union of known strategies (plus its own escape hatch); the schema says string.
  expectTypeOf<ClientJSON['last_authentication_strategy']>().toExtend<
    Client['last_authentication_strategy']
  >();
  expectTypeOf<Client['last_authentication_strategy']>().not.toEqualTypeOf<
    ClientJSON['last_authentication_strategy']
  >();
});

test('Session and SessionJSON differ exactly in tasks, status, actor, organization and activity', () => {
  // The SDK has no `tasks` (it ignores them when reading).
  expectTypeOf<Exclude<keyof Session, keyof SessionJSON>>().toEqualTypeOf<'tasks'>();
  expectTypeOf<Exclude<keyof SessionJSON, keyof Session>>().toEqualTypeOf<never>();
  const differing = ['status', 'actor', 'last_active_organization_id', 'latest_activity', 'tasks'] as const;
  type Differing = (typeof differing)[number];
  expectTypeOf<Omit<Session, Differing>>().toEqualTypeOf<Omit<SessionJSON, Differing>>();
  // The schema has an enum of statuses; the SDK says string.
  expectTypeOf<SessionJSON['status']>().toEqualTypeOf<string>();
  expectTypeOf<Session['status']>().toExtend<SessionJSON['status']>();
  // The SDK requires `actor`; the schema makes it optional.
  expectTypeOf<SessionJSON['actor']>().toEqualTypeOf<Record<string, unknown> | null>();
  expectTypeOf<Session['actor']>().toEqualTypeOf<Record<string, unknown> | null | undefined>();
  // The SDK forgets `nullable` on the organization and the activity: it types null as impossible.
  expectTypeOf<SessionJSON['last_active_organization_id']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Session['last_active_organization_id']>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<SessionJSON['latest_activity']>().toEqualTypeOf<SessionActivityJSON | undefined>();
  expectTypeOf<Session['latest_activity']>().toEqualTypeOf<SessionActivity | null | undefined>();
});

test('SessionActivity and SessionActivityJSON differ in object and extra keys', () => {
  // The schema allows extra keys in an activity; the SDK's type does not.
  expectTypeOf<SessionActivity>().toHaveProperty('anything_else').toEqualTypeOf<unknown>();
  expectTypeOf<SessionActivityJSON>().not.toHaveProperty('anything_else');
  // The SDK types `object` as any Clerk object type; the schema as any string.
  expectTypeOf<SessionActivityJSON['object']>().toExtend<SessionActivity['object']>();
  expectTypeOf<SessionActivity['object']>().toEqualTypeOf<string>();
  type Shared =
    | 'id'
    | 'device_type'
    | 'is_mobile'
    | 'browser_name'
    | 'browser_version'
    | 'ip_address'
    | 'city'
    | 'country';
  expectTypeOf<Pick<SessionActivity, Shared>>().toEqualTypeOf<Pick<SessionActivityJSON, Shared>>();
});
