import { InvalidOptionError } from '../invalidOption.js';
import { invariants } from '../invariants/index.js';
import { type RuleDescription, schemaRules, unknownValueRules } from '../schema/schemaRules.js';
import type { CheckOptions, Profile, RuleSetting } from './types.js';

export const PROFILES: readonly Profile[] = ['default', 'strict'];
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'off'];

/** Every rule `checkClient` can report: the schema's keywords, what no schema knows yet, then the invariants. */
export const rules: readonly RuleDescription[] = [...schemaRules, ...unknownValueRules, ...invariants];

/** Every rule id `checkClient` can report, in catalogue order. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

/** The setting of each rule for these options; throws a TypeError naming the bad option. */
export function resolveRuleSettings(options: CheckOptions): Map<string, RuleSetting> {
  const profile = options.profile ?? 'default';
  if (!PROFILES.includes(profile)) {
    throw new InvalidOptionError(
      `unknown profile ${JSON.stringify(profile)}: expected one of ${PROFILES.join(', ')}`,
    );
  }
  const settings = new Map<string, RuleSetting>(
    [...schemaRules, ...unknownValueRules].map((rule) => [rule.id, rule.severity[profile]]),
  );
  for (const invariant of invariants) settings.set(invariant.id, invariant.severity[profile]);
  for (const [rule, setting] of Object.entries(options.rules ?? {})) {
    if (!settings.has(rule))
      throw new InvalidOptionError(
        `unknown rule ${JSON.stringify(rule)}: expected one of ${ruleIds.join(', ')}`,
      );
    if (!SETTINGS.includes(setting)) {
      throw new InvalidOptionError(
        `unknown severity ${JSON.stringify(setting)} for ${rule}: expected one of ${SETTINGS.join(', ')}`,
      );
    }
    settings.set(rule, setting);
  }
  return settings;
}
