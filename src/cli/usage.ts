import { SUBJECT_KIND_NAMES, SUBJECT_KINDS } from '../documents/subjectKinds.js';
import { plain } from '../report/style.js';
import { API_VERSIONS, LATEST_API_VERSION } from '../schema/derived/index.js';
import { FAULTS } from '../server/faults.js';
import { REFERENCE_SECRET_KEY } from '../server/referenceServer.js';
import { STATEFUL_FAULTS } from '../server/statefulFaults.js';
import { STATEFUL_DEFAULTS } from '../stateful/runStateful.js';
import type { Io } from './io.js';

/** Help texts of the CLI. */

/** One option of a help text: its flags, what it does (a line each) and its default. */
type Row = [flags: string, description: string | string[], fallback?: string];

/** Option rows with the descriptions in one column, so no line is out of step. */
function table(rows: readonly Row[]): string {
  const width = Math.max(...rows.map(([flags]) => flags.length)) + 2;
  return rows
    .flatMap(([flags, description, fallback]) => {
      const lines = typeof description === 'string' ? [description] : [...description];
      if (fallback !== undefined) lines[lines.length - 1] += ` [default: ${fallback}]`;
      return lines.map((line, index) => `  ${(index === 0 ? flags : '').padEnd(width)}${line}`);
    })
    .join('\n');
}

const HELP_ROW: Row = ['-h, --help', 'show this help'];

/** How documents are judged: the rows of the flags `check` and `proxy` share (`RUN_FLAGS`). */
const JUDGING_ROWS: readonly Row[] = [
  ['--profile <name>', 'default | strict (strict: for Clerk itself or a faithful emulator)', 'default'],
  ['--rule <id=severity>', 'override one rule: error | warning | off (repeatable)'],
  ['--fail-on <severity>', 'error | warning: the lowest severity that fails the run', 'error'],
  [
    '--kind <kind>',
    [
      'judge every object as this kind instead of recognising it:',
      ...SUBJECT_KIND_NAMES.map((kind) => `${kind}: ${SUBJECT_KINDS[kind].description}`),
    ],
  ],
  [
    '--api-version <date>',
    [
      "the Clerk API version whose schemas judge the documents (a recorded request's",
      'Clerk-API-Version or __clerk_api_version wins; sent to URLs as Clerk-API-Version):',
      API_VERSIONS.join(', '),
    ],
    LATEST_API_VERSION,
  ],
  ['--allow-empty', 'a run that finds no Client and no Session passes (else exit 2)'],
  ['--clock-skew <ms>', 'tolerance for real clock skew between timestamps', '1000'],
  ['--max-size <bytes>', 'largest document, NDJSON line, HAR file or response body', '10485760'],
];

/** What a run writes at its end: the rows of the shared flags for reports, baselines and the config file. */
const OUTPUT_ROWS: readonly Row[] = [
  ['--format <format>', 'the report on stdout: text | json', 'text'],
  [
    '--report <formats>',
    [
      'write reports: any of junit,json,html,markdown (markdown is also',
      'appended to $GITHUB_STEP_SUMMARY when set)',
    ],
  ],
  ['--report-dir <dir>', 'where reports go', 'reports'],
  ['--write-baseline <file>', "record today's violations (rule, source, path) in a baseline file"],
  ['--baseline <file>', 'fail only on violations not in the baseline; list the ones resolved'],
  ['--config <file>', 'read options from this file', 'clerk-conformance.config.json, when present'],
];

export const CHECK_USAGE = `Usage: clerk-conformance check [options] <target...>

Targets: an http(s) URL, a .json, .ndjson or .har file, a directory of them (recursively), - for stdin.
A document may be a Backend API Client or Session, an array or paginated list { data, total_count } of them,
a session.* webhook event, or a Frontend API Client (bare or in a { response, client } envelope); each is
recognised from its fields, and judged by its own schema and rules.

Options:
${table([
  ...JUDGING_ROWS,
  [
    '--header <"N: v">',
    [
      'extra request header for URLs (repeatable); CLERK_SECRET_KEY in the environment',
      'is sent as "Authorization: Bearer ..."; neither is printed',
    ],
  ],
  ['--timeout <ms>', 'how long a URL may take to answer, body included', '10000'],
  ['--all-pages', 'follow limit/offset pagination of a list URL to its end'],
  ['--shard <i/n>', 'check only the i-th of n deterministic parts of the documents'],
  ['--embedded', 'also start the embedded reference server and check each Client and its Sessions'],
  ['--fault <name>', "with --embedded: make the server commit one fault (see 'help serve')"],
  ['--seed <n>', "with --embedded: the seed of the server's Clients", '1'],
  ['--clients <n>', 'with --embedded: how many Clients the server has', '20'],
  ...OUTPUT_ROWS,
  HELP_ROW,
])}

The config file holds the same options in camelCase JSON ("targets", "profile", "rules", "failOn", "headers",
"report", "reportDir", "baseline", …); flags win over it, and an unknown key is an error. Headers that look like
credentials are refused there: pass them with --header or CLERK_SECRET_KEY.

Exit codes: 0 conformant, 1 violations at the failing severity, 2 usage, input or target error.
`;

export const SERVE_USAGE = `Usage: clerk-conformance serve [options]

Runs a Clerk-compatible Backend API over generated Clients on 127.0.0.1 until interrupted.
Requests need "Authorization: Bearer <key>": $CLERK_SECRET_KEY when set, else ${REFERENCE_SECRET_KEY}.
It prints the exact 'check' command that reads it.

Options:
${table([
  ['--port <n>', 'port on 127.0.0.1 (0: any free port)', '4010'],
  ['--seed <n>', 'seed of the generated Clients', '1'],
  ['--clients <n>', 'how many Clients', '20'],
  ['--now <ms>', "pin the server's clock (same seed and clock: same bytes)"],
  ['--session-mode <mode>', 'single | multi: whether a revoked session stays in its Client', 'single'],
  ['--fault <name>', 'commit one realistic implementation mistake on purpose (see Faults)'],
  ['--get <path>', 'answer this one GET (e.g. /v1/clients), print the body and exit'],
  HELP_ROW,
])}

Faults:
${table(FAULTS.map((fault) => [fault.name, fault.description]))}

Stateful faults (caught only by 'stateful', across several requests):
${table(STATEFUL_FAULTS.map((fault) => [fault.name, fault.description]))}
`;

export const STATEFUL_USAGE = `Usage: clerk-conformance stateful [options] <api-base-url>
       clerk-conformance stateful --embedded [options]

Model-based runs of Clerk's session lifecycle: fast-check draws sequences of documented Backend API requests
(POST /v1/sessions, GET /v1/sessions/{id}, POST /v1/sessions/{id}/revoke, GET /v1/sessions with client_id or
user_id, status, paginated, limit, offset, and GET /v1/clients/{id}) over test users it creates (POST /v1/users) and
deletes again (DELETE /v1/users/{id}), checks every answer against a model of what it created and every Client and
Session with the checks of 'check', and shrinks a failure to the shortest sequence. Requests go to
<api-base-url>/v1/... with "Authorization: Bearer $CLERK_SECRET_KEY". Production keys (sk_live_) are refused.

Options:
${table([
  ['--embedded', 'run against the embedded reference server instead of a URL'],
  ['--fault <name>', "with --embedded: make the server commit a fault (see 'help serve')"],
  [
    '--session-mode <mode>',
    'with --embedded: single | multi (a revoked session stays in its Client)',
    'multi',
  ],
  ['--runs <n>', 'how many command sequences', String(STATEFUL_DEFAULTS.runs)],
  ['--max-steps <n>', 'commands per sequence at most', String(STATEFUL_DEFAULTS.maxSteps)],
  ['--seed <n>', 'fast-check seed', 'random, printed'],
  ['--path <path>', "with --seed: replay the failure at fast-check's path (printed with it)"],
  ['--replay-path <p>', "with --path: fast-check's replayPath of the commands (printed with it)"],
  [
    '--max-requests <n>',
    'hard cap on the requests of the whole run, clean-up included',
    String(STATEFUL_DEFAULTS.maxRequests),
  ],
  ['--timeout <ms>', 'how long one request may take, body included', String(STATEFUL_DEFAULTS.timeoutMs)],
  [
    '--user-id <id>',
    'use this existing user instead of creating users (repeatable); its sessions are revoked at the end',
  ],
  ['--header <"N: v">', 'extra request header (repeatable); never printed'],
  ['--format <format>', 'text | json', 'text'],
  ['--report <formats>', 'write reports: any of junit,json,html,markdown'],
  ['--report-dir <dir>', 'where reports go', 'reports'],
  ['--allow-production', 'allow an sk_live_ key (production instances refuse POST /v1/sessions)'],
  HELP_ROW,
])}

Test users get the external_id clerk-conformance-stateful-<run>-<n> and are deleted after every sequence, also when
it fails or the run is interrupted (SIGINT, SIGTERM). A 429 is retried after its Retry-After.
Exit codes: 0 every property held, 1 a property failed, 2 usage or target error (unreachable, 401, 5xx,
--max-requests reached before the runs finished).
`;

export const PROXY_USAGE = `Usage: clerk-conformance proxy --upstream <url> [options]

Forwards every request to the upstream (Clerk, or an emulator) and returns its response unchanged: status, headers
and body bytes, streamed. Each response that carries Clerk Clients or Sessions (Backend API Clients, Sessions and
lists; Frontend API envelopes) is checked as it arrives, with the rules and options of 'check'. Violations are
printed on stderr as they happen; on SIGINT, SIGTERM or after --duration the report goes to stdout and the
reports asked for are written. Credentials go to the upstream only.

Options:
${table([
  [
    '--upstream <url>',
    'the API to forward to, e.g. https://api.clerk.com or http://127.0.0.1:4010 (required)',
  ],
  ['--port <n>', 'port to listen on (0: any free port)', '4011'],
  ['--host <address>', 'address to listen on', '127.0.0.1 (loopback only)'],
  ['--duration <ms>', 'stop after this long, as SIGINT does'],
  [
    '--record <file>',
    [
      'save the checked traffic to a .har (requests, times, bodies) or .ndjson (documents) file',
      "that 'check' replays; Authorization, cookies, token parameters and X-Api-Key become ***",
    ],
  ],
  [
    '--on-violation <mode>',
    ['none | header: header adds "Clerk-Conformance: <rule ids>" to each response', 'with violations'],
    'none',
  ],
  ...JUDGING_ROWS,
  ...OUTPUT_ROWS,
  HELP_ROW,
])}

Exit codes: 0 conformant, 1 violations at the failing severity, 2 usage error, upstream failure or unreadable body.
`;

export const GENERATE_USAGE = `Usage: clerk-conformance generate --count <n> [options]

Writes generated Clients as NDJSON, one per line, for SDKs in other languages to read. Near-valid lines are
{ "rule", "path", "now", "value" }: value breaks exactly that rule, reported at that path when checked at now.
The same seed and options give the same bytes.

Options:
${table([
  ['--count <n>', 'how many Clients (required)'],
  ['--seed <n>', 'fast-check seed', '1'],
  ['--near-valid', 'Clients that each break exactly one named rule'],
  ['--profile <name>', 'default | strict: with --near-valid, only rules the profile reports', 'default'],
  ['--out <file>', 'write to a file instead of stdout'],
  HELP_ROW,
])}
`;

export const USAGE = `Usage: clerk-conformance <command> [options]

Commands:
${table([
  ['check <target...>', 'check Clerk Clients and Sessions from URLs, files, directories or stdin'],
  ['proxy --upstream <url>', 'forward traffic to Clerk or an emulator unchanged, checking it as it passes'],
  ['serve', 'run the embedded Clerk reference server'],
  ['generate', 'write generated Clients (valid or near-valid) as NDJSON fixtures'],
  ['stateful <api-base-url>', 'model-based runs of the session lifecycle (or --embedded)'],
  ['help [command]', 'show this help, or the options of a command'],
])}

Options: --version prints the version; -h, --help this help.
Run 'clerk-conformance help <command>' (or '<command> --help') for a command's options.
Exit codes: 0 conformant, 1 violations at the failing severity, 2 usage, input or target error.
`;

/** Each command's help, for `help <command>`. */
export const COMMAND_USAGE = {
  check: CHECK_USAGE,
  proxy: PROXY_USAGE,
  serve: SERVE_USAGE,
  generate: GENERATE_USAGE,
  stateful: STATEFUL_USAGE,
} as const;

/** A help text with its headings (`Usage:`, `Options:`, …) in bold on a colour terminal. */
export function helpText(text: string, io: Io): string {
  const style = io.style?.stdout ?? plain;
  return text.replace(/^([A-Z][a-z ]+:)/gm, (heading) => style('bold', heading));
}
