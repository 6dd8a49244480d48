import { takeRows, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import type { FitContext } from '../estimator/estimator.js';
import { trainTestSplit } from '../preprocessing/split.js';
import { binFeatures } from '../tree/bin-mapper.js';
import type { SplitCriterion } from '../tree/criterion.js';
import { addTreeOutputs, type FlatTree } from '../tree/flat-tree.js';
import { FriedmanCriterion } from '../tree/friedman-criterion.js';
import { NewtonCriterion, type NewtonRegularisation } from '../tree/newton-criterion.js';
import { TreeLearner, type GrowthLimits } from '../tree/tree-learner.js';
import { BoosterTeam, type BoosterTeamWork } from '../parallel/booster-team.js';
import { NoImprovementStop } from './early-stopping.js';
import type { BoostingLoss } from './losses.js';
import { sampleColumns, sampleRows, type RowSampling } from './sampling.js';

/** How a booster's trees choose splits and leaf values from the gradients. */
export type BoostCriterion =
  /** Second-order gain and leaf values (XGBoost, LightGBM, HistGradientBoosting, CatBoost). */
  | { kind: 'newton'; regularisation: NewtonRegularisation }
  /** scikit-learn's GradientBoosting: friedman_mse splits on the residuals, Newton-step leaves times leafScale. */
  | { kind: 'friedman'; leafScale: number };

/** HistGradientBoosting's early stopping on a held-out share of the training rows. */
export interface EarlyStoppingPlan {
  validationFraction: number;
  nIterNoChange: number;
  tol: number;
  /** Hold out the same share of every class (classification). */
  stratify: boolean;
}

/** Everything one boosted fit needs besides the data and the loss. */
export interface BoostPlan {
  nIterations: number;
  learningRate: number;
  seed: number;
  maxBins: number;
  limits: GrowthLimits;
  criterion: BoostCriterion;
  /** Start from the loss's prior (boosting from the average), or from this raw score on every output. */
  initialRaw: 'prior' | number;
  /** One tree per output each iteration, or one tree whose leaves hold every output (CatBoost's multiclass). */
  vectorLeaves: boolean;
  rowSampling: RowSampling | null;
  /** Share of the features each tree may split on (colsample_bytree); 1 for all. */
  columnFraction: number;
  /** Threads that build each tree's histograms (n_jobs resolved); only one-output Newton trees use more than one. */
  nThreads: number;
  earlyStopping: EarlyStoppingPlan | null;
}

/** A fitted booster: raw score = baseline + the sum of the trees' outputs. */
export interface BoostedTrees {
  baseline: Float64Array;
  /** Iteration-major: the treesPerIteration trees of iteration 0, then of iteration 1, ... */
  trees: FlatTree[];
  /** With one output per tree, tree i adds to raw column i % treesPerIteration; a vector-leaf tree adds to all. */
  treesPerIteration: number;
  /** Iterations run, fewer than planned when early stopping ended the fit. */
  nIterations: number;
}

/** Rows the trees learn from, and the held-out rows early stopping scores, with their raw scores. */
interface BoostingRows {
  X: Matrix;
  target: ArrayLike<number>;
  raw: Float64Array;
}

/**
 * Gradient boosting with the one tree learner: each iteration computes the loss's gradients at
 * the current raw scores, grows a tree per output on them (or one vector-leaf tree), shrinks its
 * leaves by the learning rate and adds it to the raw scores. Features are binned once per fit.
 * Progress is reported after every iteration.
 */
export function boost(
  X: Matrix,
  target: ArrayLike<number>,
  loss: BoostingLoss,
  plan: BoostPlan,
  ctx?: FitContext,
): BoostedTrees {
  const rng = new Random(plan.seed);
  const K = loss.nOutputs;
  const { fit, validation } = splitForEarlyStopping(X, target, plan.earlyStopping, rng);
  const n = fit.X.nRows;
  const baseline =
    plan.initialRaw === 'prior' ? loss.prior(fit.target) : new Float64Array(K).fill(plan.initialRaw);
  for (const rows of validation ? [fit, validation] : [fit]) {
    rows.raw = new Float64Array(rows.X.nRows * K);
    for (let k = 0; k < K; k++) rows.raw.fill(baseline[k], k * rows.X.nRows, (k + 1) * rows.X.nRows);
  }
  const stop = plan.earlyStopping
    ? new NoImprovementStop(plan.earlyStopping.nIterNoChange, plan.earlyStopping.tol)
    : null;
  if (stop && validation) stop.record(-loss.meanLoss(validation.target, validation.raw, validation.X.nRows));

  const binned = binFeatures(fit.X, plan.maxBins, new Random(rng.fork()));
  // Shared memory, so a team's helper threads read each iteration's gradients and weights as written.
  const gradients = new Float32Array(new SharedArrayBuffer(n * K * Float32Array.BYTES_PER_ELEMENT));
  const hessians = new Float32Array(new SharedArrayBuffer(n * K * Float32Array.BYTES_PER_ELEMENT));
  const weights = new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT)).fill(1);
  const features = new Uint32Array(X.nCols);
  const treesPerIteration = plan.vectorLeaves ? 1 : K;
  const criterionFor = (tree: number): SplitCriterion => makeCriterion(plan, gradients, hessians, weights, K, tree);
  const width = criterionFor(0).width;
  let team = startTeam(plan, { X: fit.X, binned, gradients, hessians, weights, nOutputs: K }, width);
  try {
    let learner = new TreeLearner(fit.X, binned, width, undefined, team?.member ?? null);
    const trees: FlatTree[] = [];
    let iteration = 0;
    while (iteration < plan.nIterations) {
      loss.gradients(fit.target, fit.raw, n, gradients, hessians);
      const iterationRng = new Random(rng.fork());
      if (plan.rowSampling && iteration % plan.rowSampling.every === 0) sampleRows(iterationRng, plan.rowSampling, weights);
      for (let t = 0; t < treesPerIteration; t++) {
        const nColumns = sampleColumns(iterationRng, X.nCols, plan.columnFraction, features);
        const subset = nColumns < X.nCols ? features.subarray(0, nColumns) : undefined;
        team?.beginTree(t, subset, iterationRng);
        const tree = learner.grow(criterionFor(t), weights, plan.limits, iterationRng, subset);
        team?.endTree();
        if (team?.struggling) {
          // Other work has the cores: one thread alone is faster now, and grows the same trees.
          team.finish();
          team = null;
          learner = new TreeLearner(fit.X, binned, width);
        }
        for (let i = 0; i < tree.value.length; i++) tree.value[i] *= plan.learningRate;
        if (!learner.addLeafValues(tree, outputsOf(fit, tree, t))) addTreeTo(fit, tree, t);
        if (validation) addTreeTo(validation, tree, t);
        trees.push(tree);
      }
      iteration++;
      ctx?.onProgress?.(iteration / plan.nIterations);
      if (stop && validation && stop.record(-loss.meanLoss(validation.target, validation.raw, validation.X.nRows))) break;
    }
    return { baseline, trees, treesPerIteration, nIterations: iteration };
  } catch (error) {
    throw team ? team.explain(error) : error;
  } finally {
    team?.finish();
  }
}

/**
 * Below this much work (rows x features x trees) a booster grows alone: a helper thread takes
 * tens of milliseconds to start and runs cold for its first trees. Measured on 2 cores: at 32M
 * (16k x 20, 100 trees) the team was no faster; at 160M (80k x 20) it took 10% off, at 800M a third.
 */
export const TEAM_MIN_WORK = 50_000_000;

/**
 * Helper threads for a fit whose trees scan every feature of every node with one-output Newton
 * sums (XGBoost, LightGBM, HistGradientBoosting on binary and regression targets, and per class);
 * null when the fit runs alone.
 */
export function startTeam(
  plan: BoostPlan,
  shared: Omit<BoosterTeamWork, 'limits' | 'regularisation'>,
  width: number,
): BoosterTeam | null {
  const { criterion, limits, nThreads, vectorLeaves, nIterations } = plan;
  const eligible =
    criterion.kind === 'newton' &&
    !vectorLeaves &&
    !limits.oblivious &&
    limits.splitter === 'best' &&
    limits.maxFeatures >= shared.binned.nFeatures;
  const work = shared.binned.nRows * shared.binned.nFeatures * nIterations * shared.nOutputs;
  if (!eligible || nThreads < 2 || work < TEAM_MIN_WORK) return null;
  return BoosterTeam.start({ ...shared, limits, regularisation: criterion.regularisation }, width, nThreads);
}

/** The raw scores of a fitted booster for X: nRows x nOutputs, column-major. */
export function boostedRaw(model: BoostedTrees, X: Matrix): Float64Array {
  const K = model.baseline.length;
  const rows: BoostingRows = { X, target: [], raw: new Float64Array(X.nRows * K) };
  for (let k = 0; k < K; k++) rows.raw.fill(model.baseline[k], k * X.nRows, (k + 1) * X.nRows);
  model.trees.forEach((tree, i) => addTreeTo(rows, tree, i % model.treesPerIteration));
  return rows.raw;
}

/** Adds a tree's outputs to raw column `output`, or to every column for a vector-leaf tree. */
function addTreeTo(rows: BoostingRows, tree: FlatTree, output: number): void {
  addTreeOutputs(tree, rows.X, outputsOf(rows, tree, output));
}

/** The raw scores a tree adds to: column `output`, or every column for a vector-leaf tree. */
function outputsOf(rows: BoostingRows, tree: FlatTree, output: number): Float64Array {
  const n = rows.X.nRows;
  return tree.nOutputs > 1 ? rows.raw : rows.raw.subarray(output * n, (output + 1) * n);
}

function makeCriterion(
  plan: BoostPlan,
  gradients: Float32Array,
  hessians: Float32Array,
  weights: Float64Array,
  K: number,
  tree: number,
): SplitCriterion {
  const { criterion } = plan;
  if (criterion.kind === 'friedman') {
    return new FriedmanCriterion(gradients, hessians, weights, K, tree, criterion.leafScale);
  }
  return plan.vectorLeaves
    ? new NewtonCriterion(gradients, hessians, weights, K, 0, K, criterion.regularisation)
    : new NewtonCriterion(gradients, hessians, weights, K, tree, 1, criterion.regularisation);
}

/** All rows, or (with early stopping) the rows to learn from and the held-out validation rows. */
function splitForEarlyStopping(
  X: Matrix,
  target: ArrayLike<number>,
  earlyStopping: EarlyStoppingPlan | null,
  rng: Random,
): { fit: BoostingRows; validation: BoostingRows | null } {
  if (!earlyStopping) return { fit: { X, target, raw: new Float64Array(0) }, validation: null };
  const stratifyBy = earlyStopping.stratify ? Int32Array.from(target) : undefined;
  const split = trainTestSplit(X.nRows, earlyStopping.validationFraction, rng.fork(), stratifyBy);
  const part = (rows: Uint32Array): BoostingRows => ({
    X: takeRows(X, rows),
    target: Float64Array.from(rows, (r) => target[r]),
    raw: new Float64Array(0),
  });
  return { fit: part(split.train), validation: part(split.test) };
}
