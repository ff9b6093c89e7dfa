import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SUBJECT_KIND_NAMES } from '../documents/subjectKinds.js';
import { readErrorMessage } from '../targets/readCapped.js';
import { readRegularFile } from '../targets/regularFile.js';
import { isSecretName } from '../targets/secrets.js';
import { UsageError } from './io.js';

/** The file `check` reads from the working directory, unless `--config` names another. */
export const CONFIG_FILE = 'clerk-conformance.config.json';

const number = { type: 'integer', minimum: 0 };
const string = { type: 'string' };
/** The keys of the config file: the options of `check`, in camelCase. */
const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: string,
    targets: { type: 'array', items: string },
    profile: { enum: ['default', 'strict'] },
    rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'off'] } },
    failOn: { enum: ['error', 'warning'] },
    format: { enum: ['text', 'json'] },
    kind: { enum: SUBJECT_KIND_NAMES },
    apiVersion: string,
    allowEmpty: { type: 'boolean' },
    clockSkew: number,
    maxSize: number,
    headers: { type: 'object', additionalProperties: string },
    timeout: number,
    allPages: { type: 'boolean' },
    shard: string,
    embedded: { type: 'boolean' },
    fault: string,
    seed: number,
    clients: number,
    report: { type: 'array', items: { enum: ['junit', 'json', 'html', 'markdown'] } },
    reportDir: string,
    baseline: string,
    writeBaseline: string,
  },
} as const;

let compiled: ValidateFunction | undefined;
/** Compiled when a config file is read: most runs have none, and a new Ajv costs ~0.1 s (its meta-schema). */
const configValidator = () =>
  (compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(CONFIG_SCHEMA));

/** The config file's settings in the shape of `check`'s parsed flags, so flags can simply override them. */
export type ConfigValues = { positionals: string[]; values: Record<string, string | boolean | string[]> };

/**
 * Reads the config file: `path` when given (it must exist), else `clerk-conformance.config.json` when present.
 * Any unknown key or bad value is a UsageError naming the file and the key.
 */
export async function loadConfig(path: string | undefined): Promise<ConfigValues> {
  const file = path ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readRegularFile(file);
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return { positionals: [], values: {} };
    throw new UsageError(`${file}: ${readErrorMessage(error)}`);
  }
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const validate = configValidator();
  if (!validate(config)) {
    const [first] = validate.errors ?? [];
    const key =
      first?.keyword === 'additionalProperties'
        ? first.params.additionalProperty
        : first?.instancePath.slice(1);
    const problem = first?.keyword === 'additionalProperties' ? 'is not an option of check' : first?.message;
    throw new UsageError(`${file}: key ${JSON.stringify(key ?? '')} ${problem ?? 'is invalid'}`);
  }
  const headers = (config.headers ?? {}) as Record<string, string>;
  const secret = Object.keys(headers).find(isSecretName);
  if (secret !== undefined) {
    throw new UsageError(
      `${file}: header "${secret}" looks like a credential: pass it with --header or CLERK_SECRET_KEY, never in a file`,
    );
  }
  const values: ConfigValues['values'] = {};
  const flags: Record<string, string> = {
    profile: 'profile',
    failOn: 'fail-on',
    format: 'format',
    kind: 'kind',
    apiVersion: 'api-version',
    allowEmpty: 'allow-empty',
    clockSkew: 'clock-skew',
    maxSize: 'max-size',
    timeout: 'timeout',
    allPages: 'all-pages',
    shard: 'shard',
    embedded: 'embedded',
    fault: 'fault',
    seed: 'seed',
    clients: 'clients',
    reportDir: 'report-dir',
    baseline: 'baseline',
    writeBaseline: 'write-baseline',
  };
  for (const [key, flag] of Object.entries(flags)) {
    const value = config[key];
    if (value !== undefined) values[flag] = typeof value === 'boolean' ? value : String(value);
  }
  if (config.rules)
    values.rule = Object.entries(config.rules as Record<string, string>).map(
      ([id, severity]) => `${id}=${severity}`,
    );
  if (config.headers) values.header = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  if (config.report) values.report = (config.report as string[]).join(',');
  return { positionals: (config.targets as string[] | undefined) ?? [], values };
}
