import fc from 'fast-check';
import type { SessionActivity } from '../schema/types.js';
import { type ClientConstraints, resolveConstraints } from './_internals/constraints.js';
import {
  cityArbitrary,
  countryArbitrary,
  deviceArbitrary,
  ipAddressArbitrary,
} from './_internals/realisticData.js';
import { ACTIVITY_POINTER, nonNullable, subschema } from './_internals/schemaParts.js';
import { clerkIdArbitrary } from './clerkIdArbitrary.js';
import { schemaArbitrary } from './schemaArbitrary.js';

/** Constraints of {@link sessionActivityArbitrary}: the time window of its id, and realism. */
export type SessionActivityConstraints = Pick<ClientConstraints, 'now' | 'windowMs' | 'realistic'>;

/** Keys real activities sometimes lack (clerk-ios captures). */
const SOMETIMES_MISSING = ['device_type', 'city', 'browser_version', 'ip_address'] as const;

/**
 * A session's `latest_activity`: `object: "session_activity"`, a `sess_activity_` id, and (realistic) a real
 * device, browser, IPv4/IPv6 address, city and country code, with some optional keys missing now and then.
 */
export function sessionActivityArbitrary(
  constraints: SessionActivityConstraints = {},
): fc.Arbitrary<SessionActivity> {
  const { now, windowStart, realistic } = resolveConstraints('sessionActivityArbitrary', constraints);
  const id = clerkIdArbitrary('sess_activity', { minCreatedAt: windowStart, maxCreatedAt: now });
  if (!realistic) {
    const overrides = { '/properties/object': fc.constant('session_activity'), '/properties/id': id };
    return schemaArbitrary(nonNullable(subschema(ACTIVITY_POINTER)), {
      overrides,
    }) as fc.Arbitrary<SessionActivity>;
  }
  return fc
    .record({
      id,
      device: deviceArbitrary,
      ip_address: ipAddressArbitrary,
      city: cityArbitrary,
      country: countryArbitrary,
      missing: fc.oneof(
        { arbitrary: fc.constant([]), weight: 3 },
        { arbitrary: fc.subarray([...SOMETIMES_MISSING]), weight: 1 },
      ),
    })
    .map(({ id, device, ip_address, city, country, missing }) => {
      const activity: SessionActivity = {
        object: 'session_activity',
        id,
        ...device,
        ip_address,
        city,
        country,
      };
      for (const key of missing) delete activity[key];
      return activity;
    });
}
