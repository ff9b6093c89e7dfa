import { describe, expect, test } from 'vitest';
import { resolveRuleSettings, ruleIds, rules } from '../../src/check/ruleSettings.js';
import { InvalidOptionError } from '../../src/invalidOption.js';
import { invariants } from '../../src/invariants/index.js';
import { schemaRules, unknownValueRules } from '../../src/schema/schemaRules.js';

describe('rule settings', () => {
  test('every rule: schema keywords, then what no schema knows yet, then the invariants in catalogue order', () => {
    expect(ruleIds).toEqual([...schemaRules, ...unknownValueRules, ...invariants].map((rule) => rule.id));
    expect(rules.map((rule) => rule.id)).toEqual(ruleIds);
    expect(ruleIds.slice(0, 2)).toEqual(['schema/type', 'schema/enum']);
  });

  test('the profile’s severity for every rule, then the overrides', () => {
    const strict = resolveRuleSettings({ profile: 'strict' });
    expect([...strict.keys()]).toEqual(ruleIds);
    for (const rule of rules) expect(strict.get(rule.id), rule.id).toBe(rule.severity.strict);
    const defaults = resolveRuleSettings({ rules: { 'ksuid-ids': 'warning', 'schema/enum': 'off' } });
    for (const rule of rules.filter(({ id }) => id !== 'ksuid-ids' && id !== 'schema/enum'))
      expect(defaults.get(rule.id), rule.id).toBe(rule.severity.default);
    expect(defaults.get('ksuid-ids')).toBe('warning');
    expect(defaults.get('schema/enum')).toBe('off');
  });

  test('bad options are errors that name the value and what is allowed', () => {
    const message = (options: object) => {
      try {
        resolveRuleSettings(options);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidOptionError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message({ profile: 'lenient' })).toBe(
      'unknown profile "lenient": expected one of default, strict',
    );
    expect(message({ rules: { nope: 'off' } })).toBe(
      `unknown rule "nope": expected one of ${ruleIds.join(', ')}`,
    );
    expect(message({ rules: { 'id-prefixes': 'fatal' } })).toBe(
      'unknown severity "fatal" for id-prefixes: expected one of error, warning, off',
    );
  });
});
