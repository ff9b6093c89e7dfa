import type { Profile } from '../../src/check/types.js';
import type { ClientConformanceOptions } from '../../src/vitest/index.js';

/**
 * The suite's settings from the environment: CONFORMANCE_TARGET (URL or path), CONFORMANCE_PROFILE
 * (default | strict), CONFORMANCE_HEADERS (one "Name: value" per line), CONFORMANCE_ALL_PAGES (true) and
 * CLERK_SECRET_KEY (sent as a bearer token, never printed).
 */
export function conformanceOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ClientConformanceOptions {
  const profile = env.CONFORMANCE_PROFILE ?? 'default';
  if (profile !== 'default' && profile !== 'strict') {
    throw new Error(`CONFORMANCE_PROFILE must be default or strict, got ${JSON.stringify(profile)}`);
  }
  const headers: Record<string, string> = {};
  for (const line of (env.CONFORMANCE_HEADERS ?? '').split('\n').filter((each) => each.trim() !== '')) {
    const match = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (match?.[1] === undefined) throw new Error('CONFORMANCE_HEADERS takes one "Name: value" per line');
    headers[match[1]] = match[2] ?? '';
  }
  return {
    ...(env.CONFORMANCE_TARGET ? { target: env.CONFORMANCE_TARGET } : {}),
    profile: profile as Profile,
    headers,
    allPages: env.CONFORMANCE_ALL_PAGES === 'true',
    ...(env.CLERK_SECRET_KEY ? { secretKey: env.CLERK_SECRET_KEY } : {}),
  };
}
