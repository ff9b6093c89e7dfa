import { expect, test } from 'vitest';
import { CHECK_USAGE, GENERATE_USAGE, SERVE_USAGE, USAGE } from '../../src/cli/usage.js';

test.each([
  ['check', CHECK_USAGE],
  ['serve', SERVE_USAGE],
  ['generate', GENERATE_USAGE],
  ['the general help', USAGE],
])('%s: every option and its continuation lines start their text in one column', (_name, usage) => {
  const sections = usage.split(/\n\n/).filter((section) => /^(Options|Commands|Faults):\n/.test(section));
  expect(sections.length).toBeGreaterThan(0);
  for (const section of sections) {
    const rows = section
      .split('\n')
      .slice(1)
      .filter((row) => row !== '');
    const columns = new Set(rows.map((row) => /^ {2}\S.*?\s{2,}(?=\S)|^ +/.exec(row)?.[0].length));
    expect(columns.size, section).toBe(1);
    expect(Math.max(...rows.map((row) => row.length)), section).toBeLessThanOrEqual(120);
  }
});
