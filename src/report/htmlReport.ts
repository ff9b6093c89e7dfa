import type { Excerpt } from '../check/excerpt.js';
import { rules } from '../check/ruleSettings.js';
import { countsOf, failsAt } from '../check/ruleTally.js';
import { failingViolations, pickCounts, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { tokensOf } from '../jsonPointer.js';
import { TOOL_VERSION } from '../version.js';
import { escapeMarkup as x } from './escape.js';
import { notJudged, ruleSettingsOf } from './ruleSettingsOf.js';
import { summaryLine } from './textReport.js';

/** Violations shown in full; the rest are counted in the rules table. */
const MAX_SHOWN = 500;
/** Documents offered in the source filter; past this many, the filter is left out (its CSS grows per document). */
const MAX_SOURCES = 200;
/** Lines of context shown above and below an offending line. */
const CONTEXT_LINES = 3;

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--soft:#eaeef2;
--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--mark:#fff1a8;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#8d96a0;--bg:#0d1117;--panel:#161b22;--line:#30363d;
--soft:#21262d;--pass:#3fb950;--fail:#f85149;--warn:#d29922;--mark:#4d3d00;--link:#4493f8}}
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:var(--fg);background:var(--bg)}
a{color:var(--link)}h1{margin:0;font-size:1.4rem}h2{margin-top:1.75rem;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:.85rem;margin:.1rem 0}
.verdict{font-size:1.6rem;font-weight:700;margin:.5rem 0 .1rem}.pass{color:var(--pass)}.fail{color:var(--fail)}
.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0;padding:0}
.summary div{border:1px solid var(--line);border-radius:6px;padding:.3rem .8rem;min-width:6rem}
.summary dt{font-size:.75rem;color:var(--muted)}.summary dd{margin:0;font-size:1.3rem;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--soft);vertical-align:top}
td.result-fail{color:var(--fail);font-weight:600}td.result-pass{color:var(--pass)}td.result-warn{color:var(--warn)}
td.result-skip{color:var(--muted)}td:first-child{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem .75rem;background:var(--panel);border-radius:6px}
select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:4px}
details.group{border:1px solid var(--line);border-radius:6px;margin:.6rem 0}
details.group>summary{padding:.5rem .75rem;cursor:pointer;font-weight:600}
details.group[open]>summary{border-bottom:1px solid var(--line)}
.group>.body{padding:.25rem .75rem .5rem}
details.violation{border-bottom:1px solid var(--soft);padding:.3rem 0}details.violation:last-child{border-bottom:0}
details.violation>summary{cursor:pointer}details.violation>div{padding:.25rem 0 .25rem 1.2rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;border-radius:1rem;padding:0 .5rem;margin-left:.4rem;border:1px solid}
.badge.error{color:var(--fail)}.badge.warning{color:var(--warn)}.badge.known{color:var(--muted)}
.count{color:var(--muted);font-weight:400}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:var(--panel);padding:.5rem;overflow:auto;margin:.3rem 0}
pre .ln{color:var(--muted);user-select:none}mark{background:var(--mark);color:inherit}
.muted{color:var(--muted)}`;

/**
 * One self-contained HTML file (no script, no network; a Content-Security-Policy forbids both). Top: the verdict,
 * counts, date, duration, tool version and targets. Then the rules with links to their groups, filters by rule,
 * severity and source (CSS `:has()` on plain selects), and the violations grouped by rule, each group and each
 * violation folded (`<details>`), with the offending lines in a little context. Light and dark colour schemes.
 * Every target-supplied text is escaped.
 */
export function htmlReport(result: RunResult, settings: Record<string, unknown> = {}): string {
  const failing = new Set(failingViolations(result));
  // The severities in force in this run, when the settings say which profile and overrides it used.
  const severities = ruleSettingsOf(settings);
  // Exact counts, whether or not every violation was kept.
  const { errors, warnings, known, failing: failingCount } = countsOf(result);
  const verdict = result.ok ? 'Conformant' : failingCount > 0 ? 'Not conformant' : 'Incomplete';
  const tile = (id: string, label: string, value: number) =>
    `<div><dt>${label}</dt><dd id="${id}">${value}</dd></div>`;

  const byRule = new Map<string, SourcedViolation[]>();
  for (const violation of result.violations) {
    const group = byRule.get(violation.rule);
    if (group === undefined) byRule.set(violation.rule, [violation]);
    else group.push(violation);
  }
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const observed = result.targets.reduce((sum, target) => sum + target.observed, 0);
  const rows = rules.map((rule) => {
    const broken = byRule.get(rule.id) ?? [];
    const tally = result.tally[rule.id];
    const total = tally?.total ?? 0;
    const failed = tally !== undefined && failsAt(tally.severity, result.failOn) && tally.total > tally.known;
    const setting = severities.get(rule.id) ?? rule.severity.default;
    const skipped = notJudged(rule, setting, { ...pickCounts(result), observed });
    const outcome = failed
      ? ['fail', 'fail']
      : total > 0
        ? ['warn', 'pass (reported)']
        : skipped !== undefined
          ? ['skip', `skipped: ${skipped}`]
          : ['pass', 'pass'];
    const severity = tally?.severity ?? setting;
    const name = `<code>${x(rule.id)}</code>`;
    const link = broken.length > 0 ? `<a href="#in-${ruleIndex.get(rule.id)}">${name}</a>` : name;
    return `<tr id="rule-${x(rule.id)}"><td>${link}</td><td>${x(severity)}</td><td class="result-${outcome[0]}">${outcome[1]}</td><td>${total}</td><td>${prose(rule.description)}</td></tr>`;
  });

  // Documents with violations, numbered for the source filter's CSS classes.
  const documents = new Map<string, number>();
  for (const violation of result.violations.slice(0, MAX_SHOWN))
    if (!documents.has(violation.document)) documents.set(violation.document, documents.size);
  const sourceFilter = documents.size > 1 && documents.size <= MAX_SOURCES;

  let shown = 0;
  const groups: string[] = [];
  const order = [...byRule.keys()].sort((a, b) => (ruleIndex.get(a) ?? 0) - (ruleIndex.get(b) ?? 0));
  for (const ruleId of order) {
    const violations = byRule.get(ruleId) ?? [];
    const room = Math.max(0, MAX_SHOWN - shown);
    const visible = violations.slice(0, room);
    shown += visible.length;
    groups.push(group(ruleId, ruleIndex.get(ruleId) ?? 0, violations, visible, failing, documents));
  }
  const total = errors + warnings;
  const more =
    total > shown
      ? `<p class="muted">${total - shown} more violations are counted below but not shown${total > result.violations.length ? ` (the run kept the first ${result.violations.length}; see the JSON report's "truncated")` : '; see the JSON report'}.</p>`
      : '';
  const inputErrors = result.errors.map(
    (e) =>
      `<li><code>${x(e.source)}</code>: ${x(e.message)}${e.reproduce ? `<br><span class="muted">Reproduce with:</span> <code>${x(e.reproduce)}</code>` : ''}</li>`,
  );
  const settingRows = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<tr><th>${x(name)}</th><td><code>${x(JSON.stringify(value))}</code></td></tr>`);
  const targets = Array.isArray(settings.targets)
    ? settings.targets.map(String)
    : result.targets.map((target) => target.name);
  const started = new Date(result.startedAt);
  const ruleOptions = order.map(
    (ruleId) =>
      `<option value="r${ruleIndex.get(ruleId)}">${x(ruleId)} (${byRule.get(ruleId)?.length})</option>`,
  );
  const sourceOptions = [...documents].map(
    ([document, index]) => `<option value="d${index}">${x(document)}</option>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clerk Client conformance: ${verdict.toLowerCase()}</title>
<style>${STYLE}${filterStyle(
    order.map((ruleId) => ruleIndex.get(ruleId) ?? 0),
    sourceFilter ? documents.size : 0,
  )}</style>
</head>
<body>
<header>
<h1>Clerk Client conformance</h1>
<p class="verdict ${result.ok ? 'pass' : 'fail'}" id="verdict">${result.ok ? '✓' : '✗'} ${verdict}</p>
<p id="summary-line">${x(summaryLine(result))}</p>
<p class="meta" id="run"><time datetime="${started.toISOString()}">${x(started.toISOString().replace('T', ' ').slice(0, 19))} UTC</time> · ${x(duration(result.durationMs))} · clerk-client-conformance ${x(TOOL_VERSION)} · <span id="targets">${targets.map((target) => `<code>${x(target)}</code>`).join(', ')}</span></p>
<dl class="summary">${tile('documents', 'Documents', result.documents)}${tile('clients', 'Clients', result.clients + result.fapiClients)}${tile('sessions', 'Sessions', result.sessions + result.fapiSessions)}${tile('errors', 'Errors', errors)}${tile('warnings', 'Warnings', warnings)}${tile('input-errors', 'Input errors', result.errorCount)}${tile('skipped', 'Skipped', result.skipped)}${tile('known', 'Known (baseline)', known)}</dl>
</header>
${inputErrors.length === 0 ? '' : `<section><h2>Input errors</h2><ul>${inputErrors.join('')}</ul></section>`}
<section>
<h2>Violations by rule</h2>
${
  groups.length === 0
    ? '<p>None.</p>'
    : `<form class="filters" aria-label="Filters">
<label>Rule <select id="filter-rule"><option value="all">all rules</option>${ruleOptions.join('')}</select></label>
<label>Severity <select id="filter-severity"><option value="all">all</option><option value="error">errors</option><option value="warning">warnings</option><option value="failing">failing the run</option></select></label>
${sourceFilter ? `<label>Source <select id="filter-source"><option value="all">all documents</option>${sourceOptions.join('')}</select></label>` : ''}
</form>
${groups.join('\n')}`
}
${more}
</section>
<section>
<h2>Rules</h2>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Result</th><th>Violations</th><th>What it requires</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>
<section>
<h2>Settings</h2>
<table>${settingRows.join('')}</table>
</section>
</body>
</html>
`;
}

/**
 * The filters, in CSS: a selected option hides what does not match (`:has()` sees which option is `:checked`).
 * Rules and documents are numbered (`r3`, `d12`), so no target text reaches the style sheet.
 */
function filterStyle(ruleNumbers: number[], documentCount: number): string {
  const when = (select: string, value: string) =>
    `body:has(#filter-${select} option[value="${value}"]:checked)`;
  const css = [
    `${when('severity', 'error')} :is(details.violation:not(.error),details.group:not(:has(.violation.error))){display:none}`,
    `${when('severity', 'warning')} :is(details.violation:not(.warning),details.group:not(:has(.violation.warning))){display:none}`,
    `${when('severity', 'failing')} :is(details.violation:not(.failing),details.group:not(:has(.violation.failing))){display:none}`,
  ];
  for (const n of ruleNumbers) css.push(`${when('rule', `r${n}`)} details.group:not(.r${n}){display:none}`);
  for (let n = 0; n < documentCount; n++)
    css.push(
      `${when('source', `d${n}`)} :is(details.violation:not(.d${n}),details.group:not(:has(.violation.d${n}))){display:none}`,
    );
  return `\n${css.join('\n')}`;
}

/** One rule's violations, folded, under a summary with its count and severity. */
function group(
  ruleId: string,
  ruleNumber: number,
  violations: SourcedViolation[],
  visible: SourcedViolation[],
  failing: Set<SourcedViolation>,
  documents: Map<string, number>,
): string {
  const rule = rules.find((each) => each.id === ruleId);
  const severity = violations[0]?.severity ?? 'error';
  const failed = violations.filter((v) => failing.has(v)).length;
  const status = failed > 0 ? `${failed} failing the run` : 'not failing the run';
  const items = visible.map((violation) =>
    violationItem(violation, failing.has(violation), documents.get(violation.document)),
  );
  const hidden = violations.length - visible.length;
  return `<details class="group r${ruleNumber}" id="group-${x(ruleId)}" data-rule="${x(ruleId)}">
<summary><code>${x(ruleId)}</code> <span class="count">${violations.length} violation${violations.length === 1 ? '' : 's'}, ${status}</span><span class="badge ${x(severity)}">${x(severity)}</span></summary>
<div class="body" id="in-${ruleNumber}">
${rule ? `<p>${prose(rule.description)} <span class="muted">Evidence: ${prose(rule.evidence)}</span></p>` : ''}
${items.join('\n')}
${hidden > 0 ? `<p class="muted">${hidden} more in this rule (see the JSON report).</p>` : ''}
</div>
</details>`;
}

function violationItem(
  violation: SourcedViolation,
  failing: boolean,
  documentNumber: number | undefined,
): string {
  const classes = ['violation', violation.severity, failing ? 'failing' : 'reported'];
  if (documentNumber !== undefined) classes.push(`d${documentNumber}`);
  const tag = violation.known
    ? '<span class="badge known">known</span>'
    : failing
      ? ''
      : '<span class="badge known">reported only</span>';
  return `<details class="${classes.join(' ')}" data-rule="${x(violation.rule)}">
<summary><code class="source">${x(violation.source)}</code> <code class="path">${x(violation.path || '(the document)')}</code> <span class="message">${x(violation.message)}</span>${tag}</summary>
<div>
${violation.params ? `<p class="muted">Values: <code>${x(JSON.stringify(violation.params))}</code></p>` : ''}
${violation.excerpt ? excerpt(violation.excerpt, violation.path) : ''}
${violation.reproduce ? `<p>Reproduce with: <code>${x(violation.reproduce)}</code></p>` : ''}
</div>
</details>`;
}

/** The catalogue's own text (never a target's), its `code` spans set as code. */
function prose(text: string): string {
  return x(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The offending line of the enclosing object, marked, with a few lines of context and line numbers. */
function excerpt({ at, json }: Excerpt, path: string): string {
  const lines = json.split('\n');
  const marked = offendingLine(lines, tokensOf(path).at(-1) ?? '', json.startsWith('['));
  // A single elided line is shown rather than replaced by `…`.
  let from = marked === undefined ? 0 : Math.max(0, marked - CONTEXT_LINES);
  let to = Math.min(lines.length, (marked ?? 0) + CONTEXT_LINES + 1);
  if (from === 1) from = 0;
  if (to === lines.length - 1) to = lines.length;
  const width = String(to).length;
  const shown = lines.slice(from, to).map((line, offset) => {
    const number = `<span class="ln">${String(from + offset + 1).padStart(width)} </span>`;
    return from + offset === marked ? `${number}<mark>${x(line)}</mark>` : `${number}${x(line)}`;
  });
  if (from > 0) shown.unshift(`<span class="ln">${' '.repeat(width)} </span>…`);
  if (to < lines.length) shown.push(`<span class="ln">${' '.repeat(width)} </span>…`);
  const where = marked === undefined ? ' (the offending key is absent; its start shown)' : '';
  return `<p class="muted">In <code>${x(at || '(the document)')}</code>${where}:</p><pre>${shown.join('\n')}</pre>`;
}

/** The line index of `key` directly in the excerpted object, or of item `key` of an excerpted array. */
function offendingLine(lines: string[], key: string, isArray: boolean): number | undefined {
  if (!isArray) {
    const marker = `  ${JSON.stringify(key)}:`;
    const index = lines.findIndex((line) => line.startsWith(marker));
    return index === -1 ? undefined : index;
  }
  // Items of an indented array start at two spaces, with anything but a closing bracket.
  let item = -1;
  for (let index = 1; index < lines.length; index++) {
    if (/^ {2}[^ \]}]/.test(lines[index] ?? '')) item += 1;
    if (String(item) === key) return index;
  }
  return undefined;
}

/** `0.42 s`, `3.1 s`, `2 min 5 s`. */
function duration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
