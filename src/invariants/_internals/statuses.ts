import { clientSchema } from '../../schema/validator.js';

/** @internal The session statuses the schema allows, read from its `status` enum. */
export const SESSION_STATUSES: readonly string[] =
  clientSchema.properties.sessions.items.properties.status.enum;
