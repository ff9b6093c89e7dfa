import { activeSessionHasToken } from './activeSessionHasToken.js';
import { completedSignInSessionListed } from './completedSignInSessionListed.js';
import { expireNotAfterAbandon } from './expireNotAfterAbandon.js';
import { idPrefixes } from './idPrefixes.js';
import { ksuidIds } from './ksuidIds.js';
import { lastActiveAfterCreation } from './lastActiveAfterCreation.js';
import { lastActiveSessionListed } from './lastActiveSessionListed.js';
import { lastActiveSessionSignedIn } from './lastActiveSessionSignedIn.js';
import { latestActivityObject } from './latestActivityObject.js';
import { sessionClientIdMatches } from './sessionClientIdMatches.js';
import { sessionIdsMatchSessions } from './sessionIdsMatchSessions.js';
import { sessionIdsOrdered } from './sessionIdsOrdered.js';
import { sessionIdsUnique } from './sessionIdsUnique.js';
import { sessionsAfterClient } from './sessionsAfterClient.js';
import { statusMatchesClock } from './statusMatchesClock.js';
import { timestampsInMilliseconds } from './timestampsInMilliseconds.js';
import { timestampsOrdered } from './timestampsOrdered.js';
import type { Invariant } from './types.js';

export type { Finding, Invariant, InvariantContext, Surface } from './types.js';

/**
 * The invariant catalogue, in the order of `clerk-client-facts.md` section 6, then the Frontend API's own rules
 * (section 8); ids are the public contract.
 */
export const invariants: readonly Invariant[] = [
  // Sessions and their ids
  sessionIdsMatchSessions,
  sessionIdsOrdered,
  sessionIdsUnique,
  lastActiveSessionListed,
  lastActiveSessionSignedIn,
  sessionClientIdMatches,
  // Timestamps
  timestampsOrdered,
  lastActiveAfterCreation,
  expireNotAfterAbandon,
  timestampsInMilliseconds,
  // Id formats
  idPrefixes,
  ksuidIds,
  // Embedded objects and the clock
  latestActivityObject,
  statusMatchesClock,
  // Frontend API Clients only
  activeSessionHasToken,
  sessionsAfterClient,
  completedSignInSessionListed,
];
