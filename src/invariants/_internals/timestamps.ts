/** @internal The timestamp fields of the Client and of a session (all integer ms since the epoch). */
export const CLIENT_TIMESTAMPS = ['created_at', 'updated_at'] as const;
export const SESSION_TIMESTAMPS = [
  'last_active_at',
  'expire_at',
  'abandon_at',
  'updated_at',
  'created_at',
] as const;
