import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { NotFittedError } from '../estimator/errors.js';
import type { Classifier, FeatureImportance, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { argmaxClasses, spreadClassColumns, trainingClasses } from '../estimator/training-classes.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { rowMajorRows } from '../core/row-major.js';
import type { KernelSpec } from './kernel.js';
import { solveClassPair, type ClassPair } from './libsvm-train.js';
import { ovrDecision } from './ovr-decision.js';
import { coupleProbabilities, sigmoidProbability, type Sigmoid } from './platt.js';
import { crossValidatedSigmoid } from './svc-probability.js';
import { forEachKernelRow, linearWeights, type SupportVectors } from './support-vectors.js';
import { kernelOf, libsvmHyperparameters } from './svm-params.js';
import { readSvcState, svcStateOf, type SvcFit } from './svc-state.js';

const MODEL_TYPE = 'svc';

/** scikit-learn 1.2 SVC's names, defaults and constraints, for what is implemented. */
export const svcHyperparameters: readonly HyperparameterDef[] = [
  ...libsvmHyperparameters,
  {
    name: 'class_weight',
    description: '"balanced" multiplies C for each class by n / (n_classes * class count); null leaves C alone',
    default: null,
    choices: ['balanced'],
    nullable: true,
  },
  {
    name: 'decision_function_shape',
    description: 'Only "ovr" (one column per class, built from the one-vs-one votes) is offered',
    default: 'ovr',
    choices: ['ovr'],
  },
  {
    name: 'probability',
    description: "Fit Platt sigmoids by an internal 5-fold cross-validation (libsvm's method, about 5x slower) so predict_proba exists",
    default: false,
    bool: true,
  },
  {
    name: 'random_state',
    description: 'Seed of the cross-validation folds behind probability=true',
    default: null,
    int: { min: 0, max: 4294967295 },
    nullable: true,
  },
  {
    name: 'break_ties',
    description: 'With more than two classes, predict the largest one-vs-rest decision instead of the most one-vs-one votes',
    default: false,
    bool: true,
  },
];

/**
 * C-support vector classification as scikit-learn's SVC (libsvm): one binary SMO problem per pair of
 * classes, prediction by one-vs-one votes. Without probability estimates, predict_proba is null and
 * binary ROC AUC comes from the decision values, as scikit-learn's own scoring would.
 */
export class Svc implements Classifier {
  readonly modelType = MODEL_TYPE;
  readonly task = 'classification';
  private fitted: SvcFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkClassLabels(MODEL_TYPE, y, nClasses);
    const { classIndices, y: positions } = trainingClasses(MODEL_TYPE, y, nClasses);
    const k = classIndices.length;
    const kernel = kernelOf(this.params, X);
    // libsvm groups the rows by class (classes in order, rows in order within a class).
    const byClass: number[][] = Array.from({ length: k }, () => []);
    positions.forEach((c, row) => byClass[c].push(row));
    const weightedC = byClass.map((rows) =>
      this.params.class_weight === 'balanced' ? ((this.params.C as number) * y.length) / (k * rows.length) : (this.params.C as number),
    );
    const nPairs = (k * (k - 1)) / 2;
    const pairCoef: Float64Array[] = [];
    const rho = new Float64Array(nPairs);
    const nIter = new Int32Array(nPairs);
    const sigmoids: Sigmoid[] = [];
    const rng = new Random((this.params.random_state as number | null) ?? 0);
    for (let a = 0, pair = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++, pair++) {
        const rows = [...byClass[a], ...byClass[b]];
        const problem: ClassPair = {
          kernel,
          rows: rowMajorRows(X, rows),
          nFeatures: X.nCols,
          labels: Int8Array.from(rows, (_, t) => (t < byClass[a].length ? 1 : -1)),
          Cp: weightedC[a],
          Cn: weightedC[b],
        };
        if (this.params.probability === true) sigmoids.push(crossValidatedSigmoid(problem, this.params, rng));
        const solution = solveClassPair(problem, this.params);
        pairCoef.push(solution.coef);
        rho[pair] = solution.rho;
        nIter[pair] = solution.iterations;
        ctx.onProgress?.((pair + 1) / nPairs);
      }
    }
    this.fitted = { ...assembleModel(X, byClass, pairCoef, rho, kernel, classIndices, nClasses), nIter };
    if (sigmoids.length > 0) this.fitted.sigmoids = sigmoids;
    return this;
  }

  /**
   * scikit-learn's decision_function: for two classes one column, above 0 for the second class
   * (libsvm's value negated); otherwise one column per class, votes plus confidences squashed into
   * (-1/3, 1/3), as its _ovr_decision_function.
   */
  decisionFunction(X: Matrix): Matrix {
    const { classIndices } = this.requireFitted();
    const pairwise = this.pairwiseDecision(X);
    if (classIndices.length === 2) return createMatrix(X.nRows, 1, pairwise.data.map((value) => -value));
    return ovrDecision(pairwise, classIndices.length);
  }

  predict(X: Matrix): Int32Array {
    const { classIndices } = this.requireFitted();
    const k = classIndices.length;
    if (this.params.break_ties === true && k > 2) return argmaxClasses(this.decisionFunction(X), classIndices);
    const pairwise = this.pairwiseDecision(X);
    const n = X.nRows;
    const out = new Int32Array(n);
    const votes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      votes.fill(0);
      for (let a = 0, pair = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++, pair++) votes[pairwise.data[pair * n + i] > 0 ? a : b]++;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
      out[i] = classIndices[best];
    }
    return out;
  }

  /**
   * With probability=true, libsvm's estimates: each pair's decision value through its Platt sigmoid
   * (clipped to [1e-7, 1 - 1e-7]), the pairs coupled into one distribution per row. Otherwise none.
   * As in scikit-learn, predict still takes the one-vs-one vote, which may disagree with the argmax.
   */
  predictProba(X: Matrix): Matrix | null {
    const { sigmoids, classIndices, nClasses } = this.requireFitted();
    if (!sigmoids) return null;
    const pairwise = this.pairwiseDecision(X);
    const k = classIndices.length;
    const n = X.nRows;
    const proba = createMatrix(n, k);
    const r = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      for (let a = 0, pair = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++, pair++) {
          const p = Math.min(Math.max(sigmoidProbability(pairwise.data[pair * n + i], sigmoids[pair]), 1e-7), 1 - 1e-7);
          r[a * k + b] = p;
          r[b * k + a] = 1 - p;
        }
      }
      coupleProbabilities(k, r).forEach((value, c) => (proba.data[c * n + i] = value));
    }
    return spreadClassColumns(proba, classIndices, nClasses);
  }

  /** |coef_| for the linear kernel (one row per pair of classes, as scikit-learn's coef_); none otherwise. */
  featureImportance(): FeatureImportance | null {
    const fit = this.requireFitted();
    if (fit.kernel.kind !== 'linear') return null;
    const rows = primalWeights(fit);
    const p = fit.support.nFeatures;
    const packed = new Float64Array(rows.length * p);
    rows.forEach((row, r) => packed.set(row, r * p));
    return coefficientImportance(packed, rows.length, p, p);
  }

  toState(): ModelState {
    return { modelType: MODEL_TYPE, params: { ...this.params }, fitted: svcStateOf(this.requireFitted()) };
  }

  static fromState(state: ModelState): Svc {
    const model = new Svc(resolveHyperparameters(MODEL_TYPE, svcHyperparameters, state.params));
    model.fitted = readSvcState(MODEL_TYPE, state.fitted);
    return model;
  }

  /** libsvm's decision value of every pair of classes (a < b, positive for a), nRows x nPairs. */
  private pairwiseDecision(X: Matrix): Matrix {
    const { support, kernel, svCoef, nSupport, rho, classIndices } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, support.nFeatures);
    const k = classIndices.length;
    const n = X.nRows;
    const starts = supportStarts(nSupport);
    const out = createMatrix(n, rho.length);
    forEachKernelRow(kernel, support, X, (i, kernelValues) => {
      for (let a = 0, pair = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++, pair++) {
          let sum = 0;
          for (let s = starts[a]; s < starts[a] + nSupport[a]; s++) sum += svCoef[(b - 1) * support.count + s] * kernelValues[s];
          for (let s = starts[b]; s < starts[b] + nSupport[b]; s++) sum += svCoef[a * support.count + s] * kernelValues[s];
          out.data[pair * n + i] = sum - rho[pair];
        }
      }
    });
    return out;
  }

  private requireFitted(): SvcFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

/** Where each class's support vectors begin among all of them. */
function supportStarts(nSupport: Int32Array): Int32Array {
  const starts = new Int32Array(nSupport.length);
  for (let c = 1; c < nSupport.length; c++) starts[c] = starts[c - 1] + nSupport[c - 1];
  return starts;
}

/**
 * libsvm's model from the pairwise solutions: the rows with a nonzero coefficient in any pair are
 * the support vectors (grouped by class); coefficient row b - 1 holds class a's coefficients against
 * class b, row a those of class b against a.
 */
function assembleModel(
  X: Matrix,
  byClass: number[][],
  pairCoef: Float64Array[],
  rho: Float64Array,
  kernel: KernelSpec,
  classIndices: Int32Array,
  nClasses: number,
): Omit<SvcFit, 'nIter'> {
  const k = byClass.length;
  const isSupport = byClass.map((rows) => new Uint8Array(rows.length));
  for (let a = 0, pair = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++, pair++) {
      const coef = pairCoef[pair];
      byClass[a].forEach((_, t) => (isSupport[a][t] |= coef[t] !== 0 ? 1 : 0));
      byClass[b].forEach((_, t) => (isSupport[b][t] |= coef[byClass[a].length + t] !== 0 ? 1 : 0));
    }
  }
  const supportIndices: number[] = [];
  const nSupport = new Int32Array(k);
  byClass.forEach((rows, c) =>
    rows.forEach((row, t) => {
      if (!isSupport[c][t]) return;
      supportIndices.push(row);
      nSupport[c]++;
    }),
  );
  const count = supportIndices.length;
  const starts = supportStarts(nSupport);
  const svCoef = new Float64Array(Math.max(0, k - 1) * count);
  const place = (coef: Float64Array, offset: number, c: number, coefRow: number) => {
    let s = starts[c];
    byClass[c].forEach((_, t) => {
      if (isSupport[c][t]) svCoef[coefRow * count + s++] = coef[offset + t];
    });
  };
  for (let a = 0, pair = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++, pair++) {
      place(pairCoef[pair], 0, a, b - 1);
      place(pairCoef[pair], byClass[a].length, b, a);
    }
  }
  const support: SupportVectors = { rows: rowMajorRows(X, supportIndices), count, nFeatures: X.nCols };
  return { support, supportIndices: Int32Array.from(supportIndices), svCoef, nSupport, rho, kernel, classIndices, nClasses };
}

/** scikit-learn's coef_ for a linear kernel: one weight row per pair of classes (the second class's sign for two). */
export function primalWeights(fit: SvcFit): Float64Array[] {
  const { support, svCoef, nSupport, classIndices } = fit;
  const k = classIndices.length;
  const starts = supportStarts(nSupport);
  const rows: Float64Array[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      rows.push(
        linearWeights(support, [
          { coef: svCoef, offset: (b - 1) * support.count, start: starts[a], count: nSupport[a] },
          { coef: svCoef, offset: a * support.count, start: starts[b], count: nSupport[b] },
        ]),
      );
    }
  }
  if (k === 2) rows[0] = rows[0].map((w) => -w);
  return rows;
}

export const svcSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'svm',
  description:
    "Support vector classifier (libsvm's SMO, one-vs-one); coef_ importance with kernel='linear' only; " +
    'probabilities with probability=true',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: svcHyperparameters,
  create: (params) => new Svc(params),
  restore: (state) => Svc.fromState(state),
};
