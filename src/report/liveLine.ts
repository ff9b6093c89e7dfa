import type { SourcedViolation } from '../check/runCheck.js';
import type { TargetError } from '../targets/types.js';
import { lineSafe } from './lineSafe.js';
import { plain, type Style } from './style.js';

/**
 * One line for a violation as live traffic shows it: the time, the request (method and path), the rule and its
 * severity, the JSON Pointer from the document's root, and the message.
 */
export function liveViolationLine(violation: SourcedViolation, time: number, style: Style = plain): string {
  const { source, document, rule, severity, path, message, known } = violation;
  // `source` is the document, then `#` and the object's place in it when it is inside a list or an envelope.
  const pointer = `${source.slice(document.length + 1)}${path}` || '(the document)';
  const ruleText = style(severity === 'error' ? 'red' : 'yellow', `${rule} (${severity})`);
  const knownText = known ? style('dim', '  [known]') : '';
  return `${new Date(time).toISOString()}  ${lineSafe(document)}  ${ruleText}  ${style('cyan', lineSafe(pointer))}  ${message}${knownText}\n`;
}

/** One line for an input error of live traffic (an upstream that failed, a body that cannot be read). */
export function liveErrorLine(
  error: Pick<TargetError, 'source' | 'message'>,
  time: number,
  style: Style = plain,
): string {
  return `${new Date(time).toISOString()}  ${lineSafe(error.source)}  ${style('red', 'input error:')} ${lineSafe(error.message)}\n`;
}
