import { invariants } from '../invariants/index.js';
import { schemaRuleIds } from '../schema/validator.js';
import type { CheckOptions, Profile, RuleSetting } from './types.js';

const PROFILES: readonly Profile[] = ['default', 'strict'];
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'off'];

/** Every rule id `checkClient` can report: the schema's keywords, then the invariants in catalogue order. */
export const ruleIds: readonly string[] = [...schemaRuleIds, ...invariants.map((invariant) => invariant.id)];

/** The setting of each rule for these options; throws a TypeError naming the bad option. */
export function resolveRuleSettings(options: CheckOptions): Map<string, RuleSetting> {
  const profile = options.profile ?? 'default';
  if (!PROFILES.includes(profile)) {
    throw new TypeError(`unknown profile ${JSON.stringify(profile)}: expected one of ${PROFILES.join(', ')}`);
  }
  const settings = new Map<string, RuleSetting>(schemaRuleIds.map((id) => [id, 'error']));
  for (const invariant of invariants) settings.set(invariant.id, invariant.severity[profile]);
  for (const [rule, setting] of Object.entries(options.rules ?? {})) {
    if (!settings.has(rule))
      throw new TypeError(`unknown rule ${JSON.stringify(rule)}: expected one of ${ruleIds.join(', ')}`);
    if (!SETTINGS.includes(setting)) {
      throw new TypeError(
        `unknown severity ${JSON.stringify(setting)} for ${rule}: expected one of ${SETTINGS.join(', ')}`,
      );
    }
    settings.set(rule, setting);
  }
  return settings;
}
