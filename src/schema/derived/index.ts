/**
 * The JSON Schemas derived from Clerk's dated OpenAPI specs by `npm run derive` (scripts/deriveSchemas.ts), and the
 * API versions they define.
 */
import bapi20210205 from './bapi-2021-02-05.json' with { type: 'json' };
import bapi20241001 from './bapi-2024-10-01.json' with { type: 'json' };
import bapi20250312 from './bapi-2025-03-12.json' with { type: 'json' };
import bapi20250410 from './bapi-2025-04-10.json' with { type: 'json' };
import bapi20251110 from './bapi-2025-11-10.json' with { type: 'json' };
import bapi20260512 from './bapi-2026-05-12.json' with { type: 'json' };
import fapi20210205 from './fapi-2021-02-05.json' with { type: 'json' };
import fapi20241001 from './fapi-2024-10-01.json' with { type: 'json' };
import fapi20250312 from './fapi-2025-03-12.json' with { type: 'json' };
import fapi20250410 from './fapi-2025-04-10.json' with { type: 'json' };
import fapi20251110 from './fapi-2025-11-10.json' with { type: 'json' };
import fapi20260512 from './fapi-2026-05-12.json' with { type: 'json' };
import webhooks20250415 from './webhooks-2025-04-15.json' with { type: 'json' };

/**
 * A derived JSON Schema 2020-12 document: `$defs` only. Typed as a plain JSON object: declaration files that import
 * JSON lose their import attribute, which breaks consumers' type checks under NodeNext.
 */
export type DerivedDocument = { readonly [keyword: string]: unknown };

/** The Clerk API versions (`Clerk-API-Version` dates) whose Backend API spec defines a Client, oldest first. */
export const API_VERSIONS = [
  '2021-02-05',
  '2024-10-01',
  '2025-03-12',
  '2025-04-10',
  '2025-11-10',
  '2026-05-12',
] as const;

/** A Clerk API version: a date of `API_VERSIONS`. */
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The newest API version, the default wherever a version can be chosen. */
export const LATEST_API_VERSION: ApiVersion = '2026-05-12';

/** The Backend API (`api.clerk.com`, secret key) or the Frontend API (the browser's `GET /v1/client`). */
export type Surface = 'bapi' | 'fapi';

/** Whether `value` names one of `API_VERSIONS`. */
export function isApiVersion(value: unknown): value is ApiVersion {
  return (API_VERSIONS as readonly unknown[]).includes(value);
}

const DOCUMENTS: Record<Surface, Record<ApiVersion, DerivedDocument>> = {
  bapi: {
    '2021-02-05': bapi20210205,
    '2024-10-01': bapi20241001,
    '2025-03-12': bapi20250312,
    '2025-04-10': bapi20250410,
    '2025-11-10': bapi20251110,
    '2026-05-12': bapi20260512,
  },
  fapi: {
    '2021-02-05': fapi20210205,
    '2024-10-01': fapi20241001,
    '2025-03-12': fapi20250312,
    '2025-04-10': fapi20250410,
    '2025-11-10': fapi20251110,
    '2026-05-12': fapi20260512,
  },
};

/** The `$defs` names of the Client and the Session in each surface's documents (the same in every version). */
const DEFINITION_NAMES: Record<Surface, Record<'client' | 'session', string>> = {
  bapi: { client: 'Client', session: 'Session' },
  fapi: { client: 'Client.Client', session: 'Client.Session' },
};

/** The derived document of one surface and API version; its `$id` is unique, so one Ajv can hold them all. */
export function derivedDocument(surface: Surface, version: ApiVersion = LATEST_API_VERSION): DerivedDocument {
  return DOCUMENTS[surface][version];
}

/** The `$defs` name of the Client or the Session in `derivedDocument(surface, version)`. */
export function definitionName(
  surface: Surface,
  concept: 'client' | 'session',
  _version: ApiVersion = LATEST_API_VERSION,
): string {
  return DEFINITION_NAMES[surface][concept];
}

/** The derived webhook document (`webhooks/2025-04-15.yml`): `SessionEventPayload` and one event schema each. */
export const webhookDocument: DerivedDocument = webhooks20250415;

/** The webhook events whose `data` is a Session; each is a `$defs` name of `webhookDocument`. */
export const WEBHOOK_SESSION_EVENTS = [
  'session.created',
  'session.ended',
  'session.removed',
  'session.revoked',
  'session.pending',
] as const;

/** The `$defs` name of a webhook event's Session payload (the Session and its `user`). */
export const WEBHOOK_SESSION_DEFINITION = 'SessionEventPayload';
