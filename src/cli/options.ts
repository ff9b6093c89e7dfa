/** Validation of option values: each failure is a UsageError that names the flag and the value. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { RuleSetting } from '../check/types.js';
import { UsageError } from './io.js';
import { didYouMean } from './suggest.js';

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

/** The range a whole-number option accepts; the default is any safe integer >= 0. */
export type Range = { min?: number; max?: number };

/** fast-check seeds are 32-bit integers. */
export const MAX_SEED = 2_147_483_647;

/** Timers overflow past 2^31 - 1 ms (about 24.8 days) and fire at once: no timeout may exceed it. */
export const MAX_TIMER_MS = 2_147_483_647;

export function wholeNumber(
  text: string,
  flag: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER }: Range = {},
): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value < min || value > max)
    throw new UsageError(`${flag} must be from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

/** `id=severity` of `--rule`. */
export function ruleSetting(text: string): [string, RuleSetting] {
  const match = /^([^=]+)=(error|warning|off)$/.exec(text);
  if (match?.[1] === undefined)
    throw new UsageError(`--rule takes id=error|warning|off, got ${JSON.stringify(text)}`);
  return [match[1], match[2] as RuleSetting];
}

/** `Name: value` of `--header`; the value is never echoed, it may be a credential. */
export function header(text: string): [string, string] {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(text);
  if (match?.[1] === undefined)
    throw new UsageError('--header takes "Name: value" (the value is not shown here)');
  return [match[1], match[2] ?? ''];
}

type FlagConfig<O> = { args: string[]; options: O; allowPositionals: boolean; strict: true };

/**
 * Parses a command's flags with node's `util.parseArgs`; any problem (an unknown flag, a missing value) is a
 * UsageError in our words, with the flag it most likely meant.
 */
export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals: boolean,
): ReturnType<typeof parseArgs<FlagConfig<O>>> {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(parseProblem(args, options, allowPositionals) ?? (error as Error).message);
  }
}

/** What is wrong with `args`, read from parseArgs' tokens (its own messages quote unevenly and suggest nothing). */
function parseProblem(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  allowPositionals: boolean,
): string | undefined {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const flags = Object.keys(options).map((name) => `--${name}`);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (option === undefined) return `unknown option ${token.rawName}${didYouMean(token.rawName, flags)}`;
    if (option.type === 'string' && token.value === undefined) return `${token.rawName} needs a value`;
    if (option.type === 'boolean' && token.inlineValue) return `${token.rawName} takes no value`;
  }
  const positional = tokens.find((token) => token.kind === 'positional');
  if (!allowPositionals && positional?.kind === 'positional')
    return `unexpected argument ${JSON.stringify(positional.value)}`;
  return undefined;
}
