import type { Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { TrainingClasses } from '../estimator/training-classes.js';
import { centreProblem, packCentredSolution } from './centering.js';
import { balancedSampleWeights } from './class-weights.js';
import { LinearClassifierBase, type LinearClassifierFit } from './linear-classifier-base.js';
import { ridgeHyperparameters } from './ridge.js';
import { ridgeCoefficients } from './ridge-solver.js';

const MODEL_TYPE = 'ridge_classifier';

/** scikit-learn 1.2 RidgeClassifier: Ridge's parameters plus class_weight. */
export const ridgeClassifierHyperparameters: readonly HyperparameterDef[] = [
  ...ridgeHyperparameters,
  {
    name: 'class_weight',
    description: '"balanced" weights each class inversely to its frequency; null weights every row 1',
    default: null,
    choices: ['balanced'],
    nullable: true,
  },
];

/**
 * Ridge regression on the classes coded -1/+1, as scikit-learn's RidgeClassifier: one target for two
 * classes (+1 for the second), one per class otherwise; the class with the largest decision wins.
 * Its scores are not probabilities, so it has none (ROC AUC uses the binary decision values).
 */
export class RidgeClassifier extends LinearClassifierBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, classes: TrainingClasses): LinearClassifierFit {
    const { y, classIndices } = classes;
    const nTargets = classIndices.length === 2 ? 1 : classIndices.length;
    const n = y.length;
    // LabelBinarizer(neg_label=-1, pos_label=1): one column per class, or the second class's alone.
    const targets = new Float64Array(n * nTargets).fill(-1);
    for (let i = 0; i < n; i++) {
      if (nTargets === 1) targets[i] = y[i] === 1 ? 1 : -1;
      else targets[y[i] * n + i] = 1;
    }
    const sampleWeight = this.params.class_weight === 'balanced' ? balancedSampleWeights(y, classIndices.length) : null;
    const problem = centreProblem(X, targets, nTargets, this.params.fit_intercept as boolean, sampleWeight);
    return { weights: packCentredSolution(problem, ridgeCoefficients(problem, this.params.alpha as number)), facts: {} };
  }

  predictProba(): null {
    this.requireFitted();
    return null;
  }
}

export const ridgeClassifierSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'linear',
  description: 'Ridge regression on -1/+1 class codes; no probabilities (binary AUC from the decision values)',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: ridgeClassifierHyperparameters,
  create: (params) => new RidgeClassifier(params),
  restore: (state) =>
    new RidgeClassifier(resolveHyperparameters(MODEL_TYPE, ridgeClassifierHyperparameters, state.params)).loadState(
      state.fitted,
    ),
};
