import type { HyperparameterDef } from '../estimator/hyperparameters.js';
import type { KMeansInit } from './kmeans-init.js';

/** scikit-learn's random_state for the seeded clusterings. */
export const RANDOM_STATE_DEF: HyperparameterDef = {
  name: 'random_state',
  description: 'Seed for the random choices of the fit; null draws a fresh seed on every fit.',
  default: null,
  int: { min: 0, max: 4294967295 },
  nullable: true,
};

export function nClustersDef(defaultValue: number, description = 'Number of clusters (centres) to find.'): HyperparameterDef {
  return { name: 'n_clusters', description, default: defaultValue, int: { min: 1 } };
}

export const KMEANS_INIT_DEF: HyperparameterDef = {
  name: 'init',
  description: 'How the first centres are picked: greedy k-means++ seeding, or distinct random rows.',
  default: 'k-means++',
  choices: ['k-means++', 'random'],
};

/** n_init with scikit-learn 1.2's default for the model and its "auto": 1 run for k-means++, `autoRandom` for random. */
export function nInitDef(defaultValue: number, autoRandom: number): HyperparameterDef {
  return {
    name: 'n_init',
    description: `Runs from different initial centres; the best is kept. "auto": 1 for k-means++, ${autoRandom} for random.`,
    default: defaultValue,
    int: { min: 1 },
    choices: ['auto'],
  };
}

export function resolveNInit(nInit: number | 'auto', init: KMeansInit, autoRandom: number): number {
  if (nInit !== 'auto') return nInit;
  return init === 'k-means++' ? 1 : autoRandom;
}
