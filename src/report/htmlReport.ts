import type { Excerpt } from '../check/excerpt.js';
import { rules } from '../check/ruleSettings.js';
import { failingViolations, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { tokensOf } from '../jsonPointer.js';
import { escapeMarkup as x } from './escape.js';
import { ruleSettingsOf } from './ruleSettingsOf.js';
import { summaryLine } from './textReport.js';

/** Violations shown in full; the rest are counted in the rules table. */
const MAX_SHOWN = 500;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1b1f24}
h1{margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}
.verdict{font-size:1.3rem;font-weight:600}.pass{color:#1a7f37}.fail{color:#cf222e}
.summary{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0;padding:0}
.summary div{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;min-width:7rem}
.summary dt{font-size:.8rem;color:#57606a}.summary dd{margin:0;font-size:1.5rem;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
td.result-fail{color:#cf222e;font-weight:600}td.result-pass{color:#1a7f37}td.result-warn{color:#9a6700}
article{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f6f8fa;padding:.5rem;overflow:auto}mark{background:#fff1a8}
.muted{color:#57606a}`;

/**
 * One self-contained HTML file (no script, no network; a Content-Security-Policy forbids both): the verdict and
 * counts, a table of rules, then each violation with its source, path, the offending value in context, the rule's
 * description and evidence, and how to reproduce it. Every target-supplied text is escaped.
 */
export function htmlReport(result: RunResult, settings: Record<string, unknown> = {}): string {
  const failing = new Set(failingViolations(result));
  // The severities in force in this run, when the settings say which profile and overrides it used.
  const severities = ruleSettingsOf(settings);
  const errors = result.violations.filter((v) => v.severity === 'error').length;
  const warnings = result.violations.length - errors;
  const known = result.violations.filter((v) => v.known).length;
  const verdict = result.ok ? 'Conformant' : failing.size > 0 ? 'Not conformant' : 'Incomplete';
  const tile = (id: string, label: string, value: number) =>
    `<div><dt>${label}</dt><dd id="${id}">${value}</dd></div>`;
  const rows = rules.map((rule) => {
    const broken = result.violations.filter((v) => v.rule === rule.id);
    const failed = broken.some((v) => failing.has(v));
    const outcome = failed
      ? ['fail', 'fail']
      : broken.length > 0
        ? ['warn', 'pass (reported)']
        : ['pass', 'pass'];
    const severity = broken[0]?.severity ?? severities.get(rule.id) ?? rule.severity.default;
    return `<tr id="rule-${x(rule.id)}"><td><code>${x(rule.id)}</code></td><td>${x(severity)}</td><td class="result-${outcome[0]}">${outcome[1]}</td><td>${broken.length}</td><td>${prose(rule.description)}</td></tr>`;
  });
  const shown = result.violations.slice(0, MAX_SHOWN);
  const articles = shown.map((violation) => article(violation, failing.has(violation)));
  const more =
    result.violations.length > MAX_SHOWN
      ? `<p class="muted">${result.violations.length - MAX_SHOWN} more violations are counted above but not shown; see the JSON report.</p>`
      : '';
  const inputErrors = result.errors.map((e) => `<li><code>${x(e.source)}</code>: ${x(e.message)}</li>`);
  const settingRows = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<tr><th>${x(name)}</th><td><code>${x(JSON.stringify(value))}</code></td></tr>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clerk Client conformance: ${verdict.toLowerCase()}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Clerk Client conformance</h1>
<p class="verdict ${result.ok ? 'pass' : 'fail'}" id="verdict">${verdict}</p>
<p id="summary-line">${x(summaryLine(result))}</p>
<dl class="summary">${tile('documents', 'Documents', result.documents)}${tile('clients', 'Clients', result.clients)}${tile('errors', 'Errors', errors)}${tile('warnings', 'Warnings', warnings)}${tile('input-errors', 'Input errors', result.errors.length)}${tile('skipped', 'Skipped', result.skipped)}${tile('known', 'Known (baseline)', known)}</dl>
</header>
<section>
<h2>Rules</h2>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Result</th><th>Violations</th><th>What it requires</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>
<section>
<h2>Violations</h2>
${articles.length === 0 ? '<p>None.</p>' : articles.join('\n')}
${more}
</section>
${inputErrors.length === 0 ? '' : `<section><h2>Input errors</h2><ul>${inputErrors.join('')}</ul></section>`}
<section>
<h2>Settings</h2>
<table>${settingRows.join('')}</table>
</section>
</body>
</html>
`;
}

function article(violation: SourcedViolation, failing: boolean): string {
  const rule = rules.find((each) => each.id === violation.rule);
  const status = violation.known ? 'known from the baseline' : failing ? 'fails the run' : 'reported only';
  return `<article class="violation" data-rule="${x(violation.rule)}">
<h3><code>${x(violation.rule)}</code> <span class="muted">${x(violation.severity)}, ${status}</span></h3>
<p>Source: <code class="source">${x(violation.source)}</code></p>
<p>Path: <code class="path">${x(violation.path || '(the document)')}</code> ${x(violation.message)}</p>
${violation.params ? `<p class="muted">Values: <code>${x(JSON.stringify(violation.params))}</code></p>` : ''}
${violation.excerpt ? excerpt(violation.excerpt, violation.path) : ''}
${rule ? `<details><summary>About the rule</summary><p>${prose(rule.description)}</p><p class="muted">Evidence: ${prose(rule.evidence)}</p></details>` : ''}
${violation.reproduce ? `<p>Reproduce with: <code>${x(violation.reproduce)}</code></p>` : ''}
</article>`;
}

/** The catalogue's own text (never a target's), its `code` spans set as code. */
function prose(text: string): string {
  return x(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The offending value in its parent, its line marked. */
function excerpt({ at, json }: Excerpt, path: string): string {
  const key = tokensOf(path).at(-1) ?? '';
  const marker = `  ${JSON.stringify(key)}:`;
  const lines = json
    .split('\n')
    .map((line) => (line.startsWith(marker) ? `<mark>${x(line)}</mark>` : x(line)));
  return `<p class="muted">In <code>${x(at || '(the document)')}</code>:</p><pre>${lines.join('\n')}</pre>`;
}
