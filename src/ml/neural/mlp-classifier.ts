import { createMatrix, type Matrix } from '../core/matrix.js';
import type { Classifier, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { checkClassLabels, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { argmaxClasses, spreadClassColumns, trainingClasses } from '../estimator/training-classes.js';
import { MlpBase } from './mlp-base.js';
import { mlpHyperparameters } from './mlp-params.js';

const MODEL_TYPE = 'mlp_classifier';

/**
 * A multilayer perceptron classifier as scikit-learn's MLPClassifier: one logistic output for two
 * classes, a softmax over the classes otherwise, trained on the log-loss.
 */
export class MlpClassifier extends MlpBase implements Classifier {
  readonly modelType = MODEL_TYPE;
  readonly task = 'classification';
  private classIndices: Int32Array | null = null;
  private nClasses = 0;

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.network = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkClassLabels(MODEL_TYPE, y, nClasses);
    const classes = trainingClasses(MODEL_TYPE, y, nClasses);
    const k = classes.classIndices.length;
    const nOutputs = k === 2 ? 1 : k;
    const targets = new Float64Array(y.length * nOutputs);
    classes.y.forEach((position, i) => {
      if (nOutputs === 1) targets[i] = position;
      else targets[i * nOutputs + position] = 1;
    });
    this.classIndices = classes.classIndices;
    this.nClasses = nClasses;
    this.train(
      X,
      nOutputs,
      nOutputs === 1 ? 'logistic' : 'softmax',
      {
        targets,
        stratifyBy: classes.y,
        score: (outputs, rows) => {
          let correct = 0;
          rows.forEach((row, r) => (correct += predictedPosition(outputs, r, nOutputs) === classes.y[row] ? 1 : 0));
          return correct / rows.length;
        },
      },
      ctx.onProgress,
    );
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Int32Array {
    return argmaxClasses(this.trainedProba(X), this.requireClasses().classIndices);
  }

  predictProba(X: Matrix): Matrix {
    const { classIndices, nClasses } = this.requireClasses();
    return spreadClassColumns(this.trainedProba(X), classIndices, nClasses);
  }

  toState(): ModelState {
    const { classIndices, nClasses } = this.requireClasses();
    return { modelType: MODEL_TYPE, params: { ...this.params }, fitted: { ...this.networkState(), classIndices, nClasses } };
  }

  static fromState(state: ModelState): MlpClassifier {
    const model = new MlpClassifier(resolveHyperparameters(MODEL_TYPE, mlpHyperparameters, state.params));
    const { classIndices, nClasses } = state.fitted;
    if (!(classIndices instanceof Int32Array) || typeof nClasses !== 'number') {
      throw new Error(`${MODEL_TYPE} state is missing its classes`);
    }
    model.loadNetwork(state.fitted);
    model.classIndices = classIndices;
    model.nClasses = nClasses;
    return model;
  }

  /** nRows x k probabilities over the trained classes: [1 - p, p] from the logistic output, or the softmax. */
  private trainedProba(X: Matrix): Matrix {
    const outputs = this.outputs(X);
    return probabilityColumns(outputs, X.nRows, this.requireClasses().classIndices.length);
  }

  private requireClasses(): { classIndices: Int32Array; nClasses: number } {
    this.requireNetwork();
    return { classIndices: this.classIndices!, nClasses: this.nClasses };
  }
}

/** The predicted class position of row r of row-major outputs: above 0.5 for a single logistic output, else the largest. */
function predictedPosition(outputs: Float64Array, r: number, nOutputs: number): number {
  if (nOutputs === 1) return outputs[r] > 0.5 ? 1 : 0;
  let best = 0;
  for (let c = 1; c < nOutputs; c++) if (outputs[r * nOutputs + c] > outputs[r * nOutputs + best]) best = c;
  return best;
}

/** Column-major probabilities from row-major network outputs (one logistic output for two classes). */
function probabilityColumns(outputs: Float64Array, n: number, k: number): Matrix {
  const proba = createMatrix(n, k);
  for (let i = 0; i < n; i++) {
    if (k === 2) {
      proba.data[n + i] = outputs[i];
      proba.data[i] = 1 - outputs[i];
    } else for (let c = 0; c < k; c++) proba.data[c * n + i] = outputs[i * k + c];
  }
  return proba;
}

export const mlpClassifierSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'neural_network',
  description: 'Multilayer perceptron on the log-loss (adam, sgd or lbfgs), as scikit-learn\'s MLPClassifier',
  importanceMethod: null,
  needsScaling: true,
  hyperparameters: mlpHyperparameters,
  create: (params) => new MlpClassifier(params),
  restore: (state) => MlpClassifier.fromState(state),
};
