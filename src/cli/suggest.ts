import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped word most likely meant: the closest within a third of its length in edits (at least
 * one), or one it is the start of; undefined when nothing is that close.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const edits = distance(word, candidate);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best ?? (word.length >= 3 ? candidates.find((candidate) => candidate.startsWith(word)) : undefined);
}

/** ` (did you mean X?)` for a message, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
