import { resolveRuleSettings, type rules } from '../check/ruleSettings.js';
import type { TargetSummary } from '../check/runCheck.js';
import type { RuleSetting } from '../check/types.js';

/** The setting of each rule in a run, from the report settings' `profile` and `rules` (the defaults otherwise). */
export function ruleSettingsOf(settings: Record<string, unknown>): Map<string, RuleSetting> {
  return resolveRuleSettings({
    ...(settings.profile === 'strict' ? { profile: 'strict' } : {}),
    ...(typeof settings.rules === 'object' && settings.rules !== null
      ? { rules: settings.rules as Record<string, RuleSetting> }
      : {}),
  });
}

/** Why a rule was not judged on a target (or on the whole run), or undefined when it was. */
export function notJudged(
  rule: (typeof rules)[number],
  setting: RuleSetting | undefined,
  target: Pick<TargetSummary, 'clients' | 'observed'>,
): string | undefined {
  if (setting === 'off') return 'the rule is off in this run';
  if (target.clients === 0) return 'no Client was checked';
  if (rule.needsNow && target.observed === 0)
    return 'needs the time each document was observed, which this target does not give';
  return undefined;
}
