import { styleText } from 'node:util';

/** The formats reports use; plain text when colour is off. */
export type StyleFormat = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

/** Styles text for a terminal, or returns it as it is. */
export type Style = (format: StyleFormat | StyleFormat[], text: string) => string;

export const plain: Style = (_format, text) => text;

/**
 * ANSI styling through node's `util.styleText`. Whether the stream takes colour is decided by the caller
 * (`colourFor`), so the stream check of newer Node versions is turned off here.
 */
export const ansi: Style = (format, text) => styleText(format, text, { validateStream: false });

/**
 * Whether to colour a stream: `FORCE_COLOR` (other than 0/false) forces it, `NO_COLOR` turns it off, otherwise a
 * terminal that reports colours (node's `hasColors()`, which also honours `TERM=dumb`) gets it.
 */
export function colourFor(
  env: Readonly<Record<string, string | undefined>>,
  stream: { isTTY?: boolean; hasColors?: () => boolean },
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && stream.hasColors?.() === true;
}
