import { describe, expect, it } from 'vitest';
import { matrixFromRows, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { Hdbscan, hdbscanSpec } from './hdbscan.js';
import { kthNeighbourDistances } from './neighbourhood.js';
import { primSingleLinkage } from './single-linkage.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { UnionFind } from './union-find.js';

/**
 * scikit-learn 1.3 is not installable here (Debian ships 1.2.1, which has no HDBSCAN), so HDBSCAN
 * is checked two ways: its mutual-reachability spanning tree against scikit-learn's DBSCAN (the
 * part of HDBSCAN DBSCAN* shares), and its condensed tree and cluster selection on small cases
 * worked out by hand.
 */
interface CoreCase {
  dataset: string;
  eps: number;
  minSamples: number;
  coreSampleIndices: number[];
  coreLabels: number[];
}

const { dbscanCores } = readParityFixture<{ dbscanCores: CoreCase[] }>('cluster-density.json');
const model = (params: Record<string, unknown>) => createFromSpec<Hdbscan>(hdbscanSpec, params);
const EUCLIDEAN = { kind: 'euclidean', p: 2 } as const;

/** `count` rows on a line from `start`, `step` apart (integers, so that equal gaps are exactly equal). */
const line = (start: number, count: number, step = 1): number[][] => Array.from({ length: count }, (_, i) => [start + i * step]);

describe("HDBSCAN's mutual-reachability tree agrees with scikit-learn's DBSCAN", () => {
  it.each(dbscanCores.map((c) => [`${c.dataset} eps=${c.eps} min_samples=${c.minSamples}`, c] as const))('%s', (_name, c) => {
    // DBSCAN's core points at eps are the rows whose core distance is <= eps, and its clusters of
    // core points are the connected parts of the tree once edges longer than eps are cut.
    const X: Matrix = clusterData(c.dataset);
    const core = kthNeighbourDistances(X, c.minSamples, EUCLIDEAN);
    const cores = Array.from(core.keys()).filter((i) => core[i] <= c.eps);
    expect(cores).toEqual(c.coreSampleIndices);
    const tree = primSingleLinkage(X, EUCLIDEAN, {}, { coreDistances: core, alpha: 1 });
    const parts = new UnionFind(X.nRows);
    tree.distance.forEach((d, m) => d <= c.eps && parts.union(tree.left[m], tree.right[m]));
    const ours = Int32Array.from(cores, (i) => parts.find(i));
    expect(adjustedRandScore(ours, Int32Array.from(c.coreLabels))).toBe(1);
  });
});

describe('HDBSCAN on cases worked out by hand', () => {
  // min_samples 2: every row's core distance is the gap to its neighbour, 1 inside a group.
  const twoGroups = matrixFromRows([...line(0, 5), ...line(100, 5), [500]]);

  it('two groups of five and a far row: two clusters and one noise row', () => {
    // The far row leaves the root alone (1 < min_cluster_size); the root then splits at distance
    // 96 into two clusters of 5 whose rows all leave at lambda 1: both are kept.
    const fit = model({ min_cluster_size: 3, min_samples: 2 }).fit(twoGroups);
    expect(Array.from(fit.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1]);
  });

  it('max_cluster_size below the cluster size drops both clusters', () => {
    expect(new Set(model({ min_cluster_size: 3, min_samples: 2, max_cluster_size: 4 }).fit(twoGroups).labels)).toEqual(new Set([-1]));
  });

  it('one group: noise unless a single cluster is allowed', () => {
    const X = matrixFromRows(line(0, 6));
    expect(new Set(model({ min_cluster_size: 3, min_samples: 2 }).fit(X).labels)).toEqual(new Set([-1]));
    expect(Array.from(model({ min_cluster_size: 3, min_samples: 2, allow_single_cluster: true }).fit(X).labels)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  // A (0 .. 4) and B (5.5 .. 9.5) split only at distance 1.5; C is 190.5 away from both.
  const nested = matrixFromRows([...line(0, 5), ...line(5.5, 5), ...line(200, 5)]);
  const A = [0, 0, 0, 0, 0];

  it('excess of mass prefers A+B (stability 6.61) to A and B (1.67 each); leaf takes A, B and C', () => {
    // stability(A) = 5 (1 - 1/1.5) = 1.67; stability(A+B) = 10 (1/1.5 - 1/190.5) = 6.61.
    const eom = model({ min_cluster_size: 3, min_samples: 2 }).fit(nested);
    expect(Array.from(eom.labels)).toEqual([...A, ...A, ...A.map(() => 1)]);
    const leaf = model({ min_cluster_size: 3, min_samples: 2, cluster_selection_method: 'leaf' }).fit(nested);
    // Labels follow cluster ids: the root's split makes A+B (16) and C (17), then A (18) and B (19).
    expect(Array.from(leaf.labels)).toEqual([...A.map(() => 1), ...A.map(() => 2), ...A]);
  });

  it('cluster_selection_epsilon merges leaves born below it into their parent', () => {
    const fit = model({ min_cluster_size: 3, min_samples: 2, cluster_selection_method: 'leaf', cluster_selection_epsilon: 5 }).fit(nested);
    expect(Array.from(fit.labels)).toEqual([...A, ...A, ...A.map(() => 1)]);
  });
});

describe('HDBSCAN contract', () => {
  it('refuses min_samples above the number of rows, with scikit-learn\'s message', () => {
    expect(() => model({ min_cluster_size: 5 }).fit(matrixFromRows(line(0, 4)))).toThrow(InvalidTrainingDataError);
    expect(() => model({ min_cluster_size: 5 }).fit(matrixFromRows(line(0, 4)))).toThrow(
      'min_samples (5) must be at most the number of samples in X (4)',
    );
  });

  it('finds the iris species groups the way DBSCAN-like methods do: setosa apart', () => {
    const fit = model({}).fit(clusterData('iris'));
    const setosa = new Set(Array.from(fit.labels.subarray(0, 50)).filter((l) => l !== -1));
    const others = new Set(Array.from(fit.labels.subarray(50)).filter((l) => l !== -1));
    expect(setosa.size).toBe(1);
    expect([...setosa].some((l) => others.has(l))).toBe(false);
  });

  it('has no predict, is NotFitted before fit and round-trips through the state codec', () => {
    const fresh = model({});
    expect(() => fresh.labels).toThrow(NotFittedError);
    expect('predict' in fresh).toBe(false);
    const fit = model({ min_cluster_size: 10 }).fit(clusterData('wine_scaled'));
    const restored = roundTrip<Hdbscan>(hdbscanSpec, fit);
    expect(restored.labels).toEqual(fit.labels);
  });

  it("declares scikit-learn 1.3's defaults", () => {
    expect(resolveHyperparameters('hdbscan', hdbscanSpec.hyperparameters, {})).toEqual({
      min_cluster_size: 5, min_samples: null, cluster_selection_epsilon: 0, max_cluster_size: null, metric: 'euclidean', alpha: 1,
      algorithm: 'auto', leaf_size: 40, cluster_selection_method: 'eom', allow_single_cluster: false,
    });
  });
});
