/** @internal Real-looking Frontend API values: people, their emails, image URLs and session JWTs. */
import { faker } from '@faker-js/faker/locale/en';
import fc from 'fast-check';

// Faker's locale proxy throws if a release stops shipping this data, so nothing is silently lost.
const { person, internet } = faker.definitions;
const listed = (list: readonly string[] | undefined, what: string): readonly string[] => {
  if (list === undefined || list.length === 0) throw new Error(`faker's English locale has no ${what}`);
  return list;
};
const FIRST_NAMES = listed(person.first_name.generic, 'first names');
const LAST_NAMES = listed(person.last_name.generic, 'last names');

/** A person as Clerk's user objects show one: names (sometimes unset) and an email address. */
export type Person = {
  first_name: string | null;
  last_name: string | null;
  email: string;
  username: string | null;
};

export const personArbitrary: fc.Arbitrary<Person> = fc
  .record({
    first: fc.constantFrom(...FIRST_NAMES),
    last: fc.constantFrom(...LAST_NAMES),
    domain: fc.constantFrom(...internet.free_email),
    number: fc.integer({ min: 1, max: 999 }),
    // Real captures: an email-only sign-up has no names (clerk-fapi-rs, 2025-10).
    named: fc.boolean(),
    username: fc.boolean(),
  })
  .map(({ first, last, domain, number, named, username }) => {
    const local = `${first}.${last}${number}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    return {
      first_name: named ? first : null,
      last_name: named ? last : null,
      email: `${local}@${domain}`,
      username: username ? local.replace('.', '_') : null,
    };
  });

const base64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

/** Clerk's default avatar URL for a user: `img.clerk.com/` + base64url JSON naming the instance and the user. */
export function imageUrl(instanceId: string, userId: string): string {
  return `https://img.clerk.com/${base64url(JSON.stringify({ type: 'default', iid: instanceId, rid: userId }))}`;
}

/**
 * A session token as Clerk's Frontend API issues one: an RS256 JWT naming the session (`sid`) and user (`sub`),
 * issued at the session's last activity and valid for 60 s. Its signature is random bytes: it verifies nowhere.
 */
export function sessionJwt(
  claims: { instanceId: string; issuer: string; sessionId: string; userId: string; issuedAtMs: number },
  signature: Uint8Array,
): string {
  const iat = Math.floor(claims.issuedAtMs / 1000);
  const header = { alg: 'RS256', kid: claims.instanceId, typ: 'JWT' };
  const payload = {
    exp: iat + 60,
    iat,
    iss: claims.issuer,
    nbf: iat - 10,
    sid: claims.sessionId,
    sub: claims.userId,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(signature)}`;
}

/** Frontend API hosts of development instances, as issuers of their tokens. */
export const issuerArbitrary = fc
  .constantFrom(...LAST_NAMES)
  .map((name) => `https://${name.toLowerCase().replace(/[^a-z]/g, '')}-${name.length}.clerk.accounts.dev`);

type Schema = { [keyword: string]: unknown };

/**
 * Overrides that make the schema walk of a derived document look real wherever the schema alone allows nonsense:
 * every `*_at` integer is a millisecond time in `[from, to]` (null now and then where allowed), every other integer
 * a small count, and nullable ids of things not generated (`primary_phone_number_id`) null.
 */
export function realisticFieldOverrides(
  document: Schema,
  from: number,
  to: number,
): Record<string, fc.Arbitrary<unknown>> {
  const overrides: Record<string, fc.Arbitrary<unknown>> = {};
  const defs = (document.$defs ?? {}) as Record<string, Schema>;
  const time = fc.integer({ min: from, max: to });
  for (const [name, definition] of Object.entries(defs)) {
    for (const [property, schema] of Object.entries(
      (definition.properties ?? {}) as Record<string, Schema>,
    )) {
      const types = ([] as unknown[]).concat(schema.type ?? []);
      const nullable = types.includes('null');
      const at = `/$defs/${name}/properties/${property}`;
      if (types.includes('integer') && schema.enum === undefined) {
        if (property.endsWith('_at')) overrides[at] = nullable ? withNullOf(time) : time;
        else overrides[at] = nullable ? withNullOf(fc.nat(100)) : fc.nat(100);
      } else if (
        types.includes('string') &&
        nullable &&
        property.endsWith('_id') &&
        schema.enum === undefined
      )
        overrides[at] = fc.constant(null);
    }
  }
  return overrides;
}

const withNullOf = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: value, weight: 1 });
