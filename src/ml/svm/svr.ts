import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { FeatureImportance, FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import { checkFeatureCount, checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { rowMajorRows } from '../core/row-major.js';
import type { KernelSpec } from './kernel.js';
import { solveEpsilonSvr } from './libsvm-train.js';
import { readKernel } from './svc-state.js';
import { forEachKernelRow, linearWeights, type SupportVectors } from './support-vectors.js';
import { kernelOf, libsvmHyperparameters } from './svm-params.js';

const MODEL_TYPE = 'svr';

/** scikit-learn 1.2 SVR's names, defaults and constraints. */
export const svrHyperparameters: readonly HyperparameterDef[] = [
  ...libsvmHyperparameters,
  {
    name: 'epsilon',
    description: 'Half-width of the tube around the target within which errors cost nothing',
    default: 0.1,
    float: { min: 0 },
  },
];

interface SvrFit {
  support: SupportVectors;
  supportIndices: Int32Array;
  /** One coefficient per support vector (scikit-learn's dual_coef_). */
  dualCoef: Float64Array;
  /** libsvm's rho (scikit-learn's intercept_ is -rho). */
  rho: number;
  kernel: KernelSpec;
  /** Solver iterations (scikit-learn's n_iter_). */
  nIter: number;
}

/** Epsilon-support vector regression as scikit-learn's SVR (libsvm's SMO on the 2n-variable dual). */
export class Svr implements Regressor {
  readonly modelType = MODEL_TYPE;
  readonly task = 'regression';
  private fitted: SvrFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, y: Float64Array, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkRegressionTargets(MODEL_TYPE, y);
    const kernel = kernelOf(this.params, X);
    const solution = solveEpsilonSvr(kernel, rowMajorRows(X), X.nCols, y, this.params);
    const supportIndices: number[] = [];
    solution.coef.forEach((coef, row) => {
      if (coef !== 0) supportIndices.push(row);
    });
    this.fitted = {
      support: { rows: rowMajorRows(X, supportIndices), count: supportIndices.length, nFeatures: X.nCols },
      supportIndices: Int32Array.from(supportIndices),
      dualCoef: Float64Array.from(supportIndices, (row) => solution.coef[row]),
      rho: solution.rho,
      kernel,
      nIter: solution.iterations,
    };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { support, dualCoef, rho, kernel } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, support.nFeatures);
    const out = new Float64Array(X.nRows);
    forEachKernelRow(kernel, support, X, (i, kernelValues) => {
      let sum = 0;
      for (let s = 0; s < support.count; s++) sum += dualCoef[s] * kernelValues[s];
      out[i] = sum - rho;
    });
    return out;
  }

  /** |coef_| for the linear kernel; none for the others. */
  featureImportance(): FeatureImportance | null {
    const { support, dualCoef, kernel } = this.requireFitted();
    if (kernel.kind !== 'linear') return null;
    const weights = linearWeights(support, [{ coef: dualCoef, offset: 0, start: 0, count: support.count }]);
    return coefficientImportance(weights, 1, support.nFeatures, support.nFeatures);
  }

  toState(): ModelState {
    const { support, supportIndices, dualCoef, rho, kernel, nIter } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: {
        supportVectors: support.rows,
        nFeatures: support.nFeatures,
        supportIndices,
        dualCoef,
        rho,
        kernel: { kind: kernel.kind, gamma: kernel.gamma, degree: kernel.degree, coef0: kernel.coef0 },
        nIter,
      },
    };
  }

  static fromState(state: ModelState): Svr {
    const model = new Svr(resolveHyperparameters(MODEL_TYPE, svrHyperparameters, state.params));
    const { supportVectors, nFeatures, supportIndices, dualCoef, rho, nIter } = state.fitted;
    const kernel = readKernel(state.fitted.kernel);
    if (
      !(supportVectors instanceof Float64Array) ||
      !(supportIndices instanceof Int32Array) ||
      !(dualCoef instanceof Float64Array) ||
      typeof nFeatures !== 'number' ||
      typeof rho !== 'number' ||
      typeof nIter !== 'number' ||
      kernel === null ||
      supportVectors.length !== dualCoef.length * nFeatures
    ) {
      throw new Error(`${MODEL_TYPE} state is missing its support vectors or coefficients`);
    }
    const support = { rows: supportVectors, count: dualCoef.length, nFeatures };
    model.fitted = { support, supportIndices, dualCoef, rho, kernel, nIter };
    return model;
  }

  private requireFitted(): SvrFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

export const svrSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'regression',
  family: 'svm',
  description: "Epsilon-support vector regression (libsvm's SMO); coef_ importance with kernel='linear' only",
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: svrHyperparameters,
  create: (params) => new Svr(params),
  restore: (state) => Svr.fromState(state),
};
