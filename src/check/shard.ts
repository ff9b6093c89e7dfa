/** One of `count` deterministic parts of a run, 1-based (`--shard 2/4`). */
export type Shard = { index: number; count: number };

/** Parses `i/n` (1 <= i <= n), or explains what is wrong. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    return `--shard takes i/n with 1 <= i <= n, got ${JSON.stringify(text)}`;
  return { index, count };
}

/**
 * Whether a document belongs to the shard: a hash of its source, so the split is the same on every runner and a
 * document keeps its shard when others are added.
 */
export function inShard(source: string, { index, count }: Shard): boolean {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count === index - 1;
}
