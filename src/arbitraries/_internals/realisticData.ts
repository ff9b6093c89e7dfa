/** @internal Real-looking values, drawn through fast-check so they stay deterministic for a seed and shrink. */
import { faker } from '@faker-js/faker/locale/en';
import fc from 'fast-check';

// Faker's locale proxy throws if a release stops shipping this data, so nothing is silently lost.
const { location } = faker.definitions;

/** Cities of faker's English locale. */
export const cityArbitrary = fc.constantFrom(...location.city_name);

/** ISO 3166-1 alpha-2 country codes from faker's base data. */
export const countryArbitrary = fc.constantFrom(...location.country_code.map((code) => code.alpha2));

/** What Clerk reports for a device: its type, whether it is mobile, and the browsers seen on it. */
const DEVICES = [
  { device_type: 'Macintosh', is_mobile: false, browsers: ['Chrome', 'Safari', 'Firefox', 'Edge'] },
  { device_type: 'Windows', is_mobile: false, browsers: ['Chrome', 'Edge', 'Firefox'] },
  { device_type: 'Linux', is_mobile: false, browsers: ['Chrome', 'Firefox'] },
  { device_type: 'iPhone', is_mobile: true, browsers: ['Safari', 'Chrome'] },
  { device_type: 'iPad', is_mobile: true, browsers: ['Safari'] },
  { device_type: 'Android', is_mobile: true, browsers: ['Chrome', 'Samsung Internet'] },
] as const;

/** Native apps report the app as the browser and no device type (clerk-ios captures). */
const APPS = ['ClerkExample', 'Acme', 'Notes', 'Tasks'] as const;

/** A device with one of its browsers and a plausible version. */
const browserDeviceArbitrary = fc
  .record({
    device: fc.constantFrom(...DEVICES),
    browser: fc.nat(),
    major: fc.integer({ min: 15, max: 140 }),
    minor: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ device, browser, major, minor }) => ({
    device_type: device.device_type as string,
    is_mobile: device.is_mobile as boolean,
    browser_name: device.browsers[browser % device.browsers.length] as string,
    browser_version: `${major}.${minor}`,
  }));

/** A native app: its name as the browser, a build number as the version, no device type. */
const nativeAppArbitrary = fc
  .record({ app: fc.constantFrom(...APPS), build: fc.integer({ min: 1, max: 400 }) })
  .map(({ app, build }) => ({ is_mobile: true, browser_name: app, browser_version: String(build) }));

/** A browser on a device, or (one in four) a native app. */
export const deviceArbitrary: fc.Arbitrary<{
  device_type?: string;
  is_mobile: boolean;
  browser_name: string;
  browser_version: string;
}> = fc.oneof({ arbitrary: browserDeviceArbitrary, weight: 3 }, { arbitrary: nativeAppArbitrary, weight: 1 });

/** IPv4 or IPv6, as Clerk records the client's address. */
export const ipAddressArbitrary = fc.oneof(
  { arbitrary: fc.ipV4(), weight: 4 },
  { arbitrary: fc.ipV6(), weight: 1 },
);

/** `last_authentication_strategy` values seen in real data and Clerk's docs (an open set). */
export const authenticationStrategyArbitrary = fc.constantFrom(
  'email_code',
  'email_link',
  'password',
  'phone_code',
  'oauth_google',
  'oauth_github',
  'oauth_apple',
  'oauth_custom_acme',
  'web3_metamask_signature',
  'passkey',
);

/** Session task keys Clerk has used (kept a free string by the schema). */
export const taskKeyArbitrary = fc.constantFrom('choose-organization', 'reset-password', 'setup-mfa');

/** How often each status appears in realistic Clients: revoked and removed sessions rarely stay listed. */
export const STATUS_WEIGHTS: Record<string, number> = {
  active: 40,
  ended: 18,
  expired: 12,
  pending: 8,
  replaced: 8,
  abandoned: 6,
  revoked: 4,
  removed: 4,
};
