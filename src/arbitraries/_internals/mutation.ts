/** @internal One way to break a valid Client: the rule it breaks, and the arbitrary of broken Clients. */
import type fc from 'fast-check';
import type { Client } from '../../schema/types.js';

/** A Client that breaks exactly one rule, labelled as `checkClient` reports it. */
export type NearValidClient = {
  /** The broken Client. */
  value: unknown;
  /** The rule it breaks: an invariant id or `schema/<keyword>`. */
  rule: string;
  /** Where `checkClient` reports it (RFC 6901 JSON Pointer). */
  path: string;
  /** The mutation that made it, in words (`delete /sessions/*\/user_id`). */
  mutation: string;
  /** The observation time the Client agrees with: check it at this `now` (`status-matches-clock` needs it). */
  now: number;
};

/** One way to break a valid value of type `T` (a Backend API Client unless said otherwise). */
export type Mutation<T = Client> = {
  rule: string;
  name: string;
  /** The schema location a schema mutation breaks (JSON Pointer into the schema). */
  schemaPointer?: string;
  /** Sessions the valid Client needs for this break. */
  minSessions: number;
  /** The only session statuses the valid value may have, when the break needs some (an `active` session). */
  statuses?: readonly string[];
  /** Broken values from valid ones; every shrink of a value still breaks the rule. */
  arbitrary: (values: fc.Arbitrary<T>) => fc.Arbitrary<Omit<NearValidClient, 'now'>>;
};
