import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { Classifier, FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef } from '../estimator/hyperparameters.js';
import { checkTrainingMatrix } from '../estimator/input-checks.js';
import { MultinomialLogLoss } from '../boosting/losses.js';
import { ClassificationCriterion } from '../tree/classification-criterion.js';
import { addTreeOutputs, type FlatTree } from '../tree/flat-tree.js';
import { checkClasses, mostProbableClass, treeModelSpec } from '../tree/tree-model.js';
import { RANDOM_STATE_DEF, seedOf } from '../tree/tree-params.js';
import { WeakLearner } from './weak-learner.js';
import { WeightedTreesModel } from './weighted-trees.js';

/** numpy's float64 eps: scikit-learn clips probabilities to it before taking logs. */
const EPS = Number.EPSILON;

/** The AdaBoost parameters both models share: rounds, shrinkage, the weak trees' depth and the seed. */
export function adaBoostHyperparameters(depth: number, depthMeaning: string): HyperparameterDef[] {
  return [
    {
      name: 'n_estimators',
      description: 'Boosting rounds at most (fewer when a tree fits perfectly).',
      default: 50,
      int: { min: 1 },
    },
    { name: 'learning_rate', description: "Shrinks each tree's weight.", default: 1, float: { min: 0, exclusiveMin: true } },
    { name: 'max_depth', description: depthMeaning, default: depth, int: { min: 1 } },
    RANDOM_STATE_DEF,
  ];
}

const HYPERPARAMETERS: HyperparameterDef[] = [
  ...adaBoostHyperparameters(
    1,
    "Depth of each weak tree: scikit-learn's default estimator is DecisionTreeClassifier(max_depth=1), a stump.",
  ),
  {
    name: 'algorithm',
    description: 'SAMME.R boosts on class probabilities (scikit-learn 1.2\'s default); SAMME on predicted classes.',
    default: 'SAMME.R',
    choices: ['SAMME.R', 'SAMME'],
  },
];

const MODEL_TYPE = 'ada_boost_classifier';

/** scikit-learn 1.2's AdaBoostClassifier: SAMME.R or SAMME over weighted weak trees. */
export class AdaBoostClassifier extends WeightedTreesModel implements Classifier {
  readonly task = 'classification' as const;

  constructor(params: Record<string, unknown> = {}) {
    super(MODEL_TYPE, HYPERPARAMETERS, params);
  }

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx?: FitContext): this {
    checkTrainingMatrix(this.modelType, X, y.length);
    checkClasses(this.modelType, y, nClasses);
    this.clearFitted();
    const n = X.nRows;
    const K = nClasses;
    const real = this.params.algorithm === 'SAMME.R';
    const learningRate = this.params.learning_rate as number;
    const nEstimators = this.params.n_estimators as number;
    const learner = new WeakLearner(X, 2 + K, this.params.max_depth as number, seedOf(this.params.random_state));
    const weights = new Float64Array(n).fill(1 / n);
    const proba = new Float64Array(n * K);
    const trees: FlatTree[] = [];
    const estimatorWeights: number[] = [];
    for (let round = 0; round < nEstimators; round++) {
      const tree = learner.grow(new ClassificationCriterion(y, weights, K, 'gini'), weights);
      proba.fill(0);
      addTreeOutputs(tree, X, proba);
      const predicted = mostProbableClass(createMatrix(n, K, proba));
      let wrong = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        total += weights[i];
        if (predicted[i] !== y[i]) wrong += weights[i];
      }
      const error = wrong / total;
      const last = round === nEstimators - 1;
      if (error <= 0) {
        // A perfect tree ends boosting; it counts once.
        trees.push(tree);
        estimatorWeights.push(1);
        break;
      }
      if (real) {
        trees.push(tree);
        estimatorWeights.push(1);
        if (!last) reweightReal(weights, y, proba, K, learningRate);
      } else {
        if (error >= 1 - 1 / K) {
          if (trees.length === 0) {
            throw new InvalidTrainingDataError(`${MODEL_TYPE}: the first tree is worse than random; SAMME cannot boost it`);
          }
          break;
        }
        const alpha = learningRate * (Math.log((1 - error) / error) + Math.log(K - 1));
        trees.push(tree);
        estimatorWeights.push(alpha);
        if (!last) for (let i = 0; i < n; i++) if (predicted[i] !== y[i] && weights[i] > 0) weights[i] *= Math.exp(alpha);
      }
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weights[i];
      if (!Number.isFinite(sum) || sum <= 0) break;
      if (!last) for (let i = 0; i < n; i++) weights[i] /= sum;
      ctx?.onProgress?.((round + 1) / nEstimators);
    }
    this.setFitted(X.nCols, trees, estimatorWeights);
    return this;
  }

  /**
   * scikit-learn's probabilities: a softmax of the decision function divided by K - 1 (for two
   * classes, the sigmoid of the difference of the two columns).
   */
  predictProba(X: Matrix): Matrix {
    const decision = this.decision(X);
    const K = decision.nCols;
    if (K === 1) return createMatrix(X.nRows, 1, new Float64Array(X.nRows).fill(1));
    for (let i = 0; i < decision.data.length; i++) decision.data[i] /= K - 1;
    return createMatrix(X.nRows, K, new MultinomialLogLoss(K).toOutput(decision.data, X.nRows));
  }

  predict(X: Matrix): Int32Array {
    return mostProbableClass(this.decision(X));
  }

  /**
   * The weighted vote of the trees, nRows x K, divided by the sum of the weights: SAMME.R adds
   * each tree's centred log-probabilities times K - 1, SAMME its weight to the predicted class.
   */
  private decision(X: Matrix): Matrix {
    const { trees, estimatorWeights } = this.fittedFor(X);
    const n = X.nRows;
    // A classification tree's leaves hold one probability per class.
    const K = trees[0].nOutputs;
    const decision = createMatrix(n, K);
    const proba = new Float64Array(n * K);
    const real = this.params.algorithm === 'SAMME.R';
    let totalWeight = 0;
    trees.forEach((tree, t) => {
      proba.fill(0);
      addTreeOutputs(tree, X, proba);
      totalWeight += estimatorWeights[t];
      if (real) addCentredLogProba(proba, n, K, decision.data);
      else {
        const predicted = mostProbableClass(createMatrix(n, K, proba));
        for (let i = 0; i < n; i++) decision.data[predicted[i] * n + i] += estimatorWeights[t];
      }
    });
    for (let i = 0; i < decision.data.length; i++) decision.data[i] /= totalWeight;
    return decision;
  }
}

/**
 * SAMME.R's sample reweighting: w *= exp(-lr (K-1)/K sum_k coding_k log p_k), with coding 1 for the
 * true class and -1/(K-1) for the others.
 */
function reweightReal(weights: Float64Array, y: Int32Array, proba: Float64Array, K: number, learningRate: number): void {
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const coding = k === y[i] ? 1 : -1 / (K - 1);
      sum += coding * Math.log(Math.max(proba[k * n + i], EPS));
    }
    const exponent = (-learningRate * (K - 1) * sum) / K;
    if (weights[i] > 0 || exponent < 0) weights[i] *= Math.exp(exponent);
  }
}

/** scikit-learn's _samme_proba: (K-1) (log p - mean over classes of log p), added into decision. */
function addCentredLogProba(proba: Float64Array, n: number, K: number, decision: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let k = 0; k < K; k++) mean += Math.log(Math.max(proba[k * n + i], EPS));
    mean /= K;
    for (let k = 0; k < K; k++) decision[k * n + i] += (K - 1) * (Math.log(Math.max(proba[k * n + i], EPS)) - mean);
  }
}

const DEFINITION = { modelType: MODEL_TYPE, hyperparameters: HYPERPARAMETERS };

export const adaBoostClassifierSpec = treeModelSpec(DEFINITION, AdaBoostClassifier, {
  family: 'boosting',
  description:
    "AdaBoost as scikit-learn's AdaBoostClassifier: decision stumps fitted one after the other on reweighted rows " +
    '(SAMME.R by default, or SAMME).',
});
