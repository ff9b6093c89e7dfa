import { resolveRuleSettings } from '../check/ruleSettings.js';
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
