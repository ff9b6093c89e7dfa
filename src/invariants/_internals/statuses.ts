import schemaJson from '../../schema/clerk-client.schema.json' with { type: 'json' };

/** @internal The session statuses the schema allows, read from its `status` enum. */
export const SESSION_STATUSES: readonly string[] =
  schemaJson.properties.sessions.items.properties.status.enum;
