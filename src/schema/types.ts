// Generated from clerk-client.schema.json by `npm run generate`; do not edit by hand.

/** Clerk Client object. */
export type Client = {
  /** String representing the object's type. Objects of the same type share the same value. */
  object: 'client';
  /** String representing the identifier of the session. */
  id: string;
  session_ids: Array<string>;
  sessions: Array<Session>;
  sign_in_id: string | null;
  sign_up_id: string | null;
  /** Last active session_id. */
  last_active_session_id: string | null;
  /** The authentication strategy that was last used to authenticate the user on this client. */
  last_authentication_strategy: string | null;
  /** Unix timestamp of last update. */
  updated_at: number;
  /** Unix timestamp of creation. */
  created_at: number;
};

/** The schema's `#/properties/sessions/items`. */
export type Session = {
  /** String representing the object's type. Objects of the same type share the same value. */
  object: 'session';
  id: string;
  user_id: string;
  client_id: string;
  actor?: Record<string, unknown> | null;
  status: 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced' | 'pending';
  last_active_organization_id?: string | null;
  last_active_at: number;
  latest_activity?: SessionActivity | null;
  /** Unix timestamp of expiration. */
  expire_at: number;
  /** Unix timestamp of abandonment. */
  abandon_at: number;
  /** Unix timestamp of last update. */
  updated_at: number;
  /** Unix timestamp of creation. */
  created_at: number;
  tasks?: Array<{
    key: string;
    [key: string]: unknown;
  }> | null;
};

/** The schema's `#/properties/sessions/items/properties/latest_activity`. */
export type SessionActivity = {
  object: string;
  id: string;
  device_type?: string;
  is_mobile: boolean;
  browser_name?: string;
  browser_version?: string;
  ip_address?: string;
  city?: string;
  country?: string;
  [key: string]: unknown;
};
