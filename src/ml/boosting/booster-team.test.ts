import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { binFeatures } from '../tree/bin-mapper.js';
import { helperFailure, TEAM_PATIENCE } from '../parallel/booster-team.js';
import { TeamStop, TeamStoppedError } from '../parallel/split-exchange.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { boost, startTeam, TEAM_MIN_WORK, type BoostPlan, type BoostedTrees } from './booster.js';
import { logLossFor, SquaredErrorLoss, type BoostingLoss } from './losses.js';

const N_ROWS = 8_000;
const N_FEATURES = 9;
const N_ITERATIONS = 700;

function data(seed: number): { X: Matrix; labels: Float64Array; classes: Float64Array; target: Float64Array } {
  const rng = new Random(seed);
  const X = createMatrix(N_ROWS, N_FEATURES);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.next() < 0.02 ? NaN : Math.round(rng.normal() * 20) / 10;
  const at = (row: number, f: number) => X.data[f * N_ROWS + row] || 0;
  const score = (row: number) => at(row, 0) - at(row, 3) * at(row, 5) + 0.5 * rng.normal();
  return {
    X,
    labels: Float64Array.from({ length: N_ROWS }, (_, r) => Number(score(r) > 0)),
    classes: Float64Array.from({ length: N_ROWS }, (_, r) => Math.min(2, Math.max(0, Math.round(score(r) + 1)))),
    target: Float64Array.from({ length: N_ROWS }, (_, r) => score(r) + at(r, 7)),
  };
}

function plan(overrides: Partial<BoostPlan>): BoostPlan {
  return {
    nIterations: N_ITERATIONS,
    learningRate: 0.2,
    seed: 7,
    maxBins: 255,
    limits: { ...UNLIMITED_GROWTH, maxDepth: 3, minImpurityDecrease: -Infinity, minSplitGain: 0, binEdgeThresholds: true },
    criterion: { kind: 'newton', regularisation: { lambda: 1, alpha: 0, minChildWeight: 1 } },
    initialRaw: 'prior',
    vectorLeaves: false,
    rowSampling: null,
    columnFraction: 1,
    nThreads: 1,
    earlyStopping: null,
    ...overrides,
  };
}

/** The same fit alone and with three threads: trees, leaf values and all, must be identical. */
function expectSameWithTeam(X: Matrix, target: Float64Array, loss: BoostingLoss, overrides: Partial<BoostPlan>): BoostedTrees {
  const alone = boost(X, target, loss, plan(overrides));
  const together = boost(X, target, loss, plan({ ...overrides, nThreads: 3 }));
  expect(together.trees).toEqual(alone.trees);
  expect(together.baseline).toEqual(alone.baseline);
  return together;
}

describe('boosting with helper threads (a split team)', () => {
  const { X, labels, classes, target } = data(5);

  it('starts its helpers for this data: the work is past the threshold', () => {
    expect(N_ROWS * N_FEATURES * N_ITERATIONS).toBeGreaterThanOrEqual(TEAM_MIN_WORK);
    const binned = binFeatures(X, 255, new Random(1));
    const shared = { X, binned, gradients: new Float32Array(1), hessians: new Float32Array(1), weights: new Float64Array(1), nOutputs: 1 };
    const team = startTeam(plan({ nThreads: 3 }), shared, 4);
    expect(team).not.toBeNull();
    team?.finish();
    // Alone when asked for one thread, and for trees that do not scan every feature.
    expect(startTeam(plan({ nThreads: 1 }), shared, 4)).toBeNull();
    expect(startTeam(plan({ nThreads: 3, limits: { ...plan({}).limits, oblivious: true } }), shared, 4)).toBeNull();
  });

  it('grows the same depth-wise binary trees as one thread, with row and column subsampling', () => {
    const fitted = expectSameWithTeam(X, labels, logLossFor(2), {
      rowSampling: { fraction: 0.7, method: 'bernoulli', every: 1 },
      columnFraction: 0.8,
    });
    expect(fitted.trees).toHaveLength(N_ITERATIONS);
  });

  it('grows the same leaf-wise multiclass trees as one thread, one per class and iteration', () => {
    const fitted = expectSameWithTeam(X, classes, logLossFor(3), {
      nIterations: 240,
      limits: { ...UNLIMITED_GROWTH, maxLeafNodes: 7, minSamplesLeaf: 20, minImpurityDecrease: -Infinity, minSplitGain: 0, binEdgeThresholds: true },
    });
    expect(fitted.trees).toHaveLength(3 * 240);
  });

  it('grows the same regression trees as one thread', () => {
    expectSameWithTeam(X, target, new SquaredErrorLoss(), {});
  });

  it('goes on alone with the same trees when it gives its team up half-way (other work has the cores)', () => {
    const patience = { ...TEAM_PATIENCE };
    // Any waiting at all counts as struggling: the team is given up after its first 10 trees.
    TEAM_PATIENCE.waitShare = -1;
    try {
      expectSameWithTeam(X, target, new SquaredErrorLoss(), { nIterations: N_ITERATIONS });
    } finally {
      Object.assign(TEAM_PATIENCE, patience);
    }
  });

  it('grows the same trees as one thread when many trees end at their root without any exchange', () => {
    // 60 rows, a 2% subsample: most trees hold fewer than 2 rows and never search a split, so
    // nothing but the end of the tree holds the caller back from writing the next tree's weights.
    const rng = new Random(3);
    const tiny = createMatrix(60, 200);
    for (let i = 0; i < tiny.data.length; i++) tiny.data[i] = rng.normal();
    const y = Float64Array.from({ length: 60 }, (_, r) => tiny.data[r] + rng.normal());
    expect(60 * 200 * 4200).toBeGreaterThanOrEqual(TEAM_MIN_WORK);
    expectSameWithTeam(tiny, y, new SquaredErrorLoss(), {
      nIterations: 4200,
      rowSampling: { fraction: 0.02, method: 'bernoulli', every: 1 },
      criterion: { kind: 'newton', regularisation: { lambda: 1, alpha: 0, minChildWeight: 0 } },
    });
  });
});

describe('helperFailure', () => {
  const failedStop = new TeamStoppedError(TeamStop.FAILED);

  it("fails the fit with the failing helper's own message", () => {
    const { port1, port2 } = new MessageChannel();
    port2.postMessage({ name: 'TypeError', message: 'x is not a function' });
    expect((helperFailure(failedStop, [port1]) as Error).message).toBe('a helper thread of the fit failed: x is not a function');
    port1.close();
  });

  it('keeps a RangeError one, with its own message, so a failed allocation is still recognised', () => {
    const { port1, port2 } = new MessageChannel();
    port2.postMessage({ name: 'RangeError', message: 'Array buffer allocation failed' });
    const error = helperFailure(failedStop, [port1]);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('Array buffer allocation failed');
    port1.close();
  });

  it('leaves any other error, and a finished team, as they are', () => {
    const other = new Error('no');
    expect(helperFailure(other, [])).toBe(other);
    const finished = new TeamStoppedError(TeamStop.FINISHED);
    expect(helperFailure(finished, [])).toBe(finished);
    const silent = new TeamStoppedError(TeamStop.SILENT);
    expect((helperFailure(silent, []) as Error).message).toBe('a thread of the fit stopped answering');
  });
});
