import { resolveRuleSettings, type rules } from '../check/ruleSettings.js';
import { checkedNothing, type TargetSummary } from '../check/runCheck.js';
import type { RuleSetting } from '../check/types.js';
import type { Invariant } from '../invariants/types.js';

/** The setting of each rule in a run, from the report settings' `profile` and `rules` (the defaults otherwise). */
export function ruleSettingsOf(settings: Record<string, unknown>): Map<string, RuleSetting> {
  return resolveRuleSettings({
    ...(settings.profile === 'strict' ? { profile: 'strict' } : {}),
    ...(typeof settings.rules === 'object' && settings.rules !== null
      ? { rules: settings.rules as Record<string, RuleSetting> }
      : {}),
  });
}

type Judged = Pick<TargetSummary, 'clients' | 'sessions' | 'fapiClients' | 'fapiSessions' | 'observed'>;

/** Why a rule was not judged on a target (or on the whole run), or undefined when it was. */
export function notJudged(
  rule: (typeof rules)[number],
  setting: RuleSetting | undefined,
  target: Judged,
): string | undefined {
  if (setting === 'off') return 'the rule is off in this run';
  if (checkedNothing(target)) return 'no Client or Session was checked';
  if ('surfaces' in rule && !appliesTo(rule as Invariant, target))
    return `no ${(rule as Invariant).surfaces.includes('bapi') ? 'Backend' : 'Frontend'} API document it applies to was checked`;
  if ('needsNow' in rule && rule.needsNow && target.observed === 0)
    return 'needs the time each document was observed, which this target does not give';
  return undefined;
}

/** True when the target held a kind of object the invariant judges: a Client of its API, or a Session it checks. */
function appliesTo({ surfaces, checkSession }: Invariant, counts: Judged): boolean {
  const sessions = checkSession !== undefined;
  return (
    (surfaces.includes('bapi') && (counts.clients > 0 || (sessions && counts.sessions > 0))) ||
    (surfaces.includes('fapi') && (counts.fapiClients > 0 || (sessions && counts.fapiSessions > 0)))
  );
}
