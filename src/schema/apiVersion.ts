import { InvalidOptionError } from '../invalidOption.js';
import { API_VERSIONS, type ApiVersion, LATEST_API_VERSION } from './derived/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API version in effect on a `Clerk-API-Version` date: the newest dated spec on or before it, or undefined when
 * the text is no calendar date or comes before the first version.
 */
export function apiVersionOn(date: string): ApiVersion | undefined {
  // A real calendar day: `2025-02-30` is none, though Date.parse rolls it over.
  const day = new Date(`${date}T00:00:00Z`);
  if (!DATE.test(date) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date)
    return undefined;
  let version: ApiVersion | undefined;
  for (const each of API_VERSIONS) if (each <= date) version = each;
  return version;
}

/** The version an option names (default: the latest); throws an InvalidOptionError naming a bad one. */
export function resolveApiVersion(option: string | undefined): ApiVersion {
  if (option === undefined) return LATEST_API_VERSION;
  const version = apiVersionOn(option);
  if (version === undefined) {
    throw new InvalidOptionError(
      `apiVersion must be a date like ${LATEST_API_VERSION}, on or after the first version ${API_VERSIONS[0]} (versions: ${API_VERSIONS.join(', ')}), got ${JSON.stringify(option)}`,
    );
  }
  return version;
}
