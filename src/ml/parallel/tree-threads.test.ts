import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import type { ModelState } from '../estimator/model-state.js';
import { encodeState } from '../estimator/state-codec.js';
import { ExtraTreesRegressor } from '../ensemble/extra-trees.js';
import { RandomForestClassifier } from '../ensemble/random-forest.js';
import { binFeatures } from '../tree/bin-mapper.js';
import { PARALLEL_MIN_ROW_TREES } from '../tree/tree-ensemble.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { growTreesOnThreads } from './tree-threads.js';
import { threadsForJobs } from './thread-count.js';

/** Enough rows that 100 trees cross the threshold at which a forest starts worker threads. */
const N_ROWS = 6_000;

function data(seed: number): { X: Matrix; y: Int32Array; target: Float64Array } {
  const rng = new Random(seed);
  const X = createMatrix(N_ROWS, 8);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  const y = Int32Array.from({ length: N_ROWS }, (_, r) => (X.data[r] + X.data[N_ROWS + r] * X.data[2 * N_ROWS + r] > 0 ? 1 : 0));
  const target = Float64Array.from({ length: N_ROWS }, (_, r) => X.data[r] * X.data[3 * N_ROWS + r] + 0.3 * rng.normal());
  return { X, y, target };
}

/** The fitted trees as saved, without the parameters (n_jobs differs between the two fits). */
const savedTrees = (model: { toState(): ModelState }) => JSON.stringify(encodeState({ ...model.toState(), params: {} }));

describe('forests grown on several threads', () => {
  const { X, y, target } = data(3);

  it('grow on worker threads for this data: rows x trees is past the threshold', () => {
    expect(N_ROWS * 100).toBeGreaterThanOrEqual(PARALLEL_MIN_ROW_TREES);
  });

  it('share the trees between the calling thread and its workers, in seed order', () => {
    const seeds = Array.from({ length: 40 }, (_, t) => 1000 + t);
    const work = {
      X,
      binned: binFeatures(X, 255, new Random(1)),
      recipe: { kind: 'classification', y, nClasses: 2, impurity: 'gini' } as const,
      settings: { limits: { ...UNLIMITED_GROWTH, maxDepth: 6 }, bootstrapDraws: N_ROWS },
      seeds,
    };
    const threaded = growTreesOnThreads(work, 3);
    const alone = growTreesOnThreads(work, 1);
    expect(threaded.grownByWorkers).toBeGreaterThan(0);
    expect(alone.grownByWorkers).toBe(0);
    expect(threaded.trees).toEqual(alone.trees);
  });

  it('give a random forest classifier identical to the one grown on one thread, reporting every tree', () => {
    const progress: number[] = [];
    const parallel = new RandomForestClassifier({ max_depth: 8, n_jobs: 2, random_state: 5 }).fit(X, y, 2, {
      onProgress: (fraction) => progress.push(fraction),
    });
    const serial = new RandomForestClassifier({ max_depth: 8, n_jobs: null, random_state: 5 }).fit(X, y, 2);
    expect(savedTrees(parallel)).toBe(savedTrees(serial));
    expect(parallel.predictProba(X).data).toEqual(serial.predictProba(X).data);
    expect(progress).toHaveLength(100);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1])).toBe(true);
  });

  it('give an extra-trees regressor identical to the one grown on one thread, with three threads on any machine', () => {
    const parallel = new ExtraTreesRegressor({ n_estimators: 60, max_depth: 6, n_jobs: 3, random_state: 9 }).fit(X, target);
    const serial = new ExtraTreesRegressor({ n_estimators: 60, max_depth: 6, n_jobs: 1, random_state: 9 }).fit(X, target);
    expect(savedTrees(parallel)).toBe(savedTrees(serial));
  });
});

describe('threadsForJobs', () => {
  it("reads n_jobs as scikit-learn does: null one, -1 every core, -2 all but one, a count up to the cores", () => {
    expect(threadsForJobs(null, 8)).toBe(1);
    expect(threadsForJobs(-1, 8)).toBe(8);
    expect(threadsForJobs(-2, 8)).toBe(7);
    expect(threadsForJobs(-20, 8)).toBe(1);
    expect(threadsForJobs(3, 8)).toBe(3);
    expect(threadsForJobs(16, 8)).toBe(8);
    expect(threadsForJobs(1000, 2)).toBe(2);
  });
});
