import { InvalidOptionError } from '../invalidOption.js';
import { API_VERSIONS, type ApiVersion, LATEST_API_VERSION } from './derived/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API version in effect on a `Clerk-API-Version` date: the newest dated spec on or before it (the oldest for
 * earlier dates), or undefined when the text is no date.
 */
export function apiVersionOn(date: string): ApiVersion | undefined {
  if (!DATE.test(date) || Number.isNaN(Date.parse(date))) return undefined;
  let version: ApiVersion = API_VERSIONS[0];
  for (const each of API_VERSIONS) if (each <= date) version = each;
  return version;
}

/** The version an option names (default: the latest); throws an InvalidOptionError naming a bad one. */
export function resolveApiVersion(option: string | undefined): ApiVersion {
  if (option === undefined) return LATEST_API_VERSION;
  const version = apiVersionOn(option);
  if (version === undefined) {
    throw new InvalidOptionError(
      `apiVersion must be a date like ${LATEST_API_VERSION} (one of ${API_VERSIONS.join(', ')} or later), got ${JSON.stringify(option)}`,
    );
  }
  return version;
}
