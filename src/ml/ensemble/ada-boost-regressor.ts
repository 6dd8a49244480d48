import { createMatrix, type Matrix } from '../core/matrix.js';
import type { FitContext, Regressor } from '../estimator/estimator.js';
import type { HyperparameterDef } from '../estimator/hyperparameters.js';
import { checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import { addTreeOutputs, type FlatTree } from '../tree/flat-tree.js';
import { SquaredErrorCriterion } from '../tree/regression-criterion.js';
import { treeModelSpec } from '../tree/tree-model.js';
import { seedOf } from '../tree/tree-params.js';
import { adaBoostHyperparameters } from './ada-boost.js';
import { weightedBootstrapCounts } from './bootstrap.js';
import { WeakLearner } from './weak-learner.js';
import { WeightedTreesModel } from './weighted-trees.js';

const HYPERPARAMETERS: HyperparameterDef[] = [
  ...adaBoostHyperparameters(
    3,
    "Depth of each weak tree: scikit-learn's default estimator is DecisionTreeRegressor(max_depth=3).",
  ),
  {
    name: 'loss',
    description: 'How a row\'s error (scaled to [0, 1] by the largest) counts when reweighting.',
    default: 'linear',
    choices: ['linear', 'square', 'exponential'],
  },
];

const MODEL_TYPE = 'ada_boost_regressor';

/**
 * scikit-learn 1.2's AdaBoostRegressor, Drucker's AdaBoost.R2: each tree learns from a weighted
 * resample of the rows, rows it predicts badly weigh more for the next, and the ensemble predicts
 * the weighted median of its trees.
 */
export class AdaBoostRegressor extends WeightedTreesModel implements Regressor {
  readonly task = 'regression' as const;

  constructor(params: Record<string, unknown> = {}) {
    super(MODEL_TYPE, HYPERPARAMETERS, params);
  }

  fit(X: Matrix, y: Float64Array, ctx?: FitContext): this {
    checkTrainingMatrix(this.modelType, X, y.length);
    checkRegressionTargets(this.modelType, y);
    this.clearFitted();
    const n = X.nRows;
    const learningRate = this.params.learning_rate as number;
    const nEstimators = this.params.n_estimators as number;
    const learner = new WeakLearner(X, 4, this.params.max_depth as number, seedOf(this.params.random_state));
    const draws = learner.fork();
    const weights = new Float64Array(n).fill(1 / n);
    const errors = new Float64Array(n);
    const trees: FlatTree[] = [];
    const estimatorWeights: number[] = [];
    for (let round = 0; round < nEstimators; round++) {
      const counts = weightedBootstrapCounts(draws, weights, n);
      const tree = learner.grow(new SquaredErrorCriterion(y, counts), counts);
      const error = this.rowErrors(tree, X, y, weights, errors);
      const last = round === nEstimators - 1;
      if (error <= 0) {
        trees.push(tree);
        estimatorWeights.push(1);
        break;
      }
      if (error >= 0.5) {
        // scikit-learn drops a tree this bad, unless it is the only one.
        if (trees.length === 0) {
          trees.push(tree);
          estimatorWeights.push(1);
        }
        break;
      }
      const beta = error / (1 - error);
      trees.push(tree);
      estimatorWeights.push(learningRate * Math.log(1 / beta));
      if (last) break;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        if (weights[i] > 0) weights[i] *= beta ** ((1 - errors[i]) * learningRate);
        sum += weights[i];
      }
      if (!Number.isFinite(sum) || sum <= 0) break;
      for (let i = 0; i < n; i++) weights[i] /= sum;
      ctx?.onProgress?.((round + 1) / nEstimators);
    }
    this.setFitted(X.nCols, trees, estimatorWeights);
    return this;
  }

  /** The weighted median of the trees' predictions, as scikit-learn's _get_median_predict. */
  predict(X: Matrix): Float64Array {
    const { trees, estimatorWeights } = this.fittedFor(X);
    const n = X.nRows;
    const T = trees.length;
    const predictions = createMatrix(n, T);
    trees.forEach((tree, t) => addTreeOutputs(tree, X, predictions.data.subarray(t * n, (t + 1) * n)));
    let total = 0;
    for (let t = 0; t < T; t++) total += estimatorWeights[t];
    const order = new Int32Array(T);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) order[t] = t;
      order.sort((a, b) => predictions.data[a * n + i] - predictions.data[b * n + i]);
      let cumulative = 0;
      let median = order[T - 1];
      for (let r = 0; r < T; r++) {
        cumulative += estimatorWeights[order[r]];
        if (cumulative >= 0.5 * total) {
          median = order[r];
          break;
        }
      }
      out[i] = predictions.data[median * n + i];
    }
    return out;
  }

  /**
   * Each row's error |prediction - y| scaled by the largest into errors (through the loss), and
   * their weighted sum: the tree's error (weights sum to 1).
   */
  private rowErrors(tree: FlatTree, X: Matrix, y: Float64Array, weights: Float64Array, errors: Float64Array): number {
    errors.fill(0);
    addTreeOutputs(tree, X, errors);
    let largest = 0;
    for (let i = 0; i < errors.length; i++) {
      errors[i] = Math.abs(errors[i] - y[i]);
      if (weights[i] > 0 && errors[i] > largest) largest = errors[i];
    }
    let weighted = 0;
    for (let i = 0; i < errors.length; i++) {
      let e = largest > 0 ? errors[i] / largest : errors[i];
      if (this.params.loss === 'square') e *= e;
      else if (this.params.loss === 'exponential') e = 1 - Math.exp(-e);
      errors[i] = e;
      if (weights[i] > 0) weighted += weights[i] * e;
    }
    return weighted;
  }
}

const DEFINITION = { modelType: MODEL_TYPE, hyperparameters: HYPERPARAMETERS };

export const adaBoostRegressorSpec = treeModelSpec(DEFINITION, AdaBoostRegressor, {
  family: 'boosting',
  description:
    "AdaBoost.R2 as scikit-learn's AdaBoostRegressor: depth-3 trees on weighted resamples, predicting their " +
    'weighted median.',
});
