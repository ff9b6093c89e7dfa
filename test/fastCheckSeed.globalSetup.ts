import type { TestProject } from 'vitest/node';

/** The seed CI uses when FC_SEED is not set, so every CI run replays the same cases. */
const CI_SEED = 20_261_126;

/** Chooses one fast-check seed for the whole run and prints how to replay it. */
export default function setup(project: TestProject) {
  const fromEnv = process.env.FC_SEED;
  if (fromEnv !== undefined && !/^-?\d+$/.test(fromEnv))
    throw new Error(`FC_SEED must be an integer, got ${fromEnv}`);
  const seed =
    fromEnv !== undefined ? Number(fromEnv) : process.env.CI ? CI_SEED : (Math.random() * 2 ** 31) | 0;
  if (fromEnv === undefined) console.info(`fast-check seed ${seed} (replay with FC_SEED=${seed} npm test)`);
  project.provide('fcSeed', seed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}
