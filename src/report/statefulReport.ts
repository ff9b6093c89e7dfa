/** Renders a stateful run: text with the shrunk sequence, replay line and curl script; JSON; JUnit; Markdown; HTML. */
import { STATEFUL_PROPERTIES } from '../stateful/properties.js';
import type { StatefulStep } from '../stateful/runContext.js';
import type { StatefulResult } from '../stateful/runStateful.js';
import { escapeMarkup } from './escape.js';
import { plain, type Style } from './style.js';

/** How to run the same sequence again: the command line up to the target, and the request headers' names. */
export type ReplayInfo = {
  /** `npx clerk-conformance stateful <url>` or `… --embedded --fault x`, with every option that shapes the run. */
  command: string;
  /** The base URL the curl script calls. */
  baseUrl: string;
  /** Names of extra headers (their values become placeholders). */
  headerNames: readonly string[];
};

/** The replay line of a failure: seed, steps, path and replayPath. */
export function replayLine(result: StatefulResult, replay: ReplayInfo): string {
  const failure = result.failure;
  if (failure === null) return '';
  const replayPath = failure.replayPath === undefined ? '' : ` --replay-path '${failure.replayPath}'`;
  return `${replay.command} --seed ${failure.seed} --path '${failure.path}'${replayPath}`;
}

/** The text report. */
export function statefulTextReport(result: StatefulResult, replay: ReplayInfo, style: Style = plain): string {
  const totals = `${result.runs} sequence(s), ${result.requests} request(s), seed ${result.seed}, ${result.usersDeleted} test user(s) deleted`;
  const lines: string[] = [];
  const { failure } = result;
  if (failure !== null) {
    const property = STATEFUL_PROPERTIES.find((each) => each.id === failure.property);
    lines.push(
      `${style(['bold', 'red'], 'property failed:')} ${style('bold', failure.property)} (${totals})`,
      `  ${property?.description ?? ''}`,
      `  ${failure.message}`,
      '',
      `Shrunk sequence (${failure.steps.length} request(s)): ${failure.commands}`,
      ...stepLines(failure.steps),
      '',
      `Replay: ${replayLine(result, replay)}`,
      '',
      'As curl (needs curl and jq; set CLERK_SECRET_KEY):',
      ...curlScript(failure.steps, replay).map((line) => `  ${line}`),
    );
  }
  if (result.error !== undefined)
    lines.push(`${style(['bold', 'red'], 'stopped:')} ${result.error.message} (${totals})`);
  if (failure === null && result.error === undefined)
    lines.push(
      result.ok
        ? `${style(['bold', 'green'], 'passed:')} ${STATEFUL_PROPERTIES.length} properties held over ${totals}`
        : `${style(['bold', 'red'], 'nothing checked:')} no sequence ran (${totals})`,
    );
  return `${lines.join('\n')}\n`;
}

function stepLines(steps: readonly StatefulStep[]): string[] {
  const width = Math.max(...steps.map((step) => step.command.length));
  return steps.map((step, index) => {
    const body = step.requestBody === undefined ? '' : ` ${JSON.stringify(step.requestBody)}`;
    return `  ${String(index + 1).padStart(2)}. ${step.command.padEnd(width)}  ${step.method} ${step.path}${body} → ${step.status}  ${step.summary}`;
  });
}

/** The sequence as a shell script: created ids land in variables that later requests use; secrets are variables. */
export function curlScript(steps: readonly StatefulStep[], replay: ReplayInfo): string[] {
  const names = new Map<string, string>();
  const counts = { USER: 0, SESSION: 0, CLIENT: 0 };
  const name = (kind: keyof typeof counts, id: string) => {
    counts[kind] += 1;
    const variable = `${kind}_${counts[kind]}`;
    names.set(id, variable);
    return variable;
  };
  const substitute = (text: string) => {
    let shown = text;
    for (const [id, variable] of names) shown = shown.replaceAll(id, `\${${variable}}`);
    return shown;
  };
  const headers = [
    '-H "Authorization: Bearer $CLERK_SECRET_KEY"',
    ...replay.headerNames.map((header, index) => `-H "${header}: $HEADER_${index + 1}"`),
  ].join(' ');
  const lines = [`API='${replay.baseUrl}'`];
  const users: string[] = [];
  let replayUsers = 0;
  for (const step of steps) {
    let body = '';
    if (step.requestBody !== undefined) {
      // In double quotes, so the id variables expand; a fresh external_id per replay ($$, the shell's pid).
      const json = JSON.stringify(step.requestBody)
        .replace(/[\\`$"]/g, (character) => `\\${character}`)
        .replace(
          /clerk-conformance-stateful-[A-Za-z0-9-]*/,
          () => `clerk-conformance-replay-$$-${++replayUsers}`,
        );
      body = ` -H 'Content-Type: application/json' -d "${substitute(json)}"`;
    }
    const curl = `curl -sS -X ${step.method} "$API${substitute(step.path)}" ${headers}${body}`;
    if (step.created !== undefined && step.path === '/v1/users') {
      const variable = name('USER', step.created.id);
      users.push(variable);
      lines.push(`${variable}=$(${curl} | jq -r .id)`);
    } else if (step.created !== undefined) {
      const { id, clientId } = step.created;
      lines.push(`RESPONSE=$(${curl}); echo "$RESPONSE"`);
      lines.push(`${name('SESSION', id)}=$(jq -r .id <<<"$RESPONSE")`);
      if (clientId !== undefined && !names.has(clientId))
        lines.push(`${name('CLIENT', clientId)}=$(jq -r .client_id <<<"$RESPONSE")`);
    } else lines.push(`${curl}; echo`);
  }
  for (const user of users) lines.push(`curl -sS -X DELETE "$API/v1/users/\${${user}}" ${headers}; echo`);
  return lines;
}

/** The JSON report: `{ ok, runs, requests, seed, failure }`, each step `{ command, method, path, status }`. */
export function statefulJson(result: StatefulResult): Record<string, unknown> {
  const { failure } = result;
  return {
    ok: result.ok,
    runs: result.runs,
    requests: result.requests,
    seed: result.seed,
    failure:
      failure === null
        ? null
        : {
            property: failure.property,
            message: failure.message,
            steps: failure.steps.map(({ command, method, path, status }) => ({
              command,
              method,
              path,
              status,
            })),
            seed: failure.seed,
            path: failure.path,
            ...(failure.replayPath === undefined ? {} : { replayPath: failure.replayPath }),
          },
    ...(result.error === undefined ? {} : { error: result.error }),
    usersDeleted: result.usersDeleted,
  };
}

/** JUnit: one test case per property, the failed one with its message and sequence. */
export function statefulJunit(result: StatefulResult, replay: ReplayInfo): string {
  const cases = STATEFUL_PROPERTIES.map((property) => {
    const failed = result.failure?.property === property.id;
    const body = failed
      ? `<failure message="${escapeMarkup(result.failure?.message ?? '')}">${escapeMarkup(statefulTextReport(result, replay))}</failure>`
      : '';
    return `    <testcase classname="stateful" name="${escapeMarkup(property.id)}">${body}</testcase>`;
  });
  const error =
    result.error === undefined ? '' : `    <system-err>${escapeMarkup(result.error.message)}</system-err>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="clerk-conformance stateful">
  <testsuite name="stateful" tests="${cases.length}" failures="${result.failure === null ? 0 : 1}" errors="${result.error === undefined ? 0 : 1}">
${cases.join('\n')}
${error}  </testsuite>
</testsuites>
`;
}

export function statefulMarkdown(result: StatefulResult, replay: ReplayInfo): string {
  const verdict = result.failure !== null ? '❌ property failed' : result.ok ? '✅ passed' : '⚠️ stopped';
  return `## clerk-conformance stateful: ${verdict}\n\n\`\`\`text\n${statefulTextReport(result, replay)}\`\`\`\n`;
}

export function statefulHtml(result: StatefulResult, replay: ReplayInfo): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clerk-conformance stateful</title></head>
<body><h1>clerk-conformance stateful</h1><pre>${escapeMarkup(statefulTextReport(result, replay))}</pre></body></html>
`;
}
