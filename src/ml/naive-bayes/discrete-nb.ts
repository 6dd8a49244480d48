import type { Matrix } from '../core/matrix.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';

/** Hyperparameters scikit-learn 1.2's MultinomialNB and BernoulliNB share (class_prior takes an array, which the API does not). */
export const discreteNbHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'alpha',
    description: 'Additive (Laplace/Lidstone) smoothing of the feature counts',
    default: 1.0,
    float: { min: 0 },
  },
  {
    name: 'force_alpha',
    description: 'Use alpha as given even below 1e-10; false raises it to 1e-10 so no log-probability is -Infinity',
    default: false,
    bool: true,
  },
  {
    name: 'fit_prior',
    description: 'Learn class priors from the class frequencies; false uses a uniform prior',
    default: true,
    bool: true,
  },
];

/** scikit-learn's smallest alpha without force_alpha. */
const ALPHA_MIN = 1e-10;

export function effectiveAlpha(params: Readonly<ResolvedParams>): number {
  const alpha = params.alpha as number;
  return params.force_alpha === true ? alpha : Math.max(alpha, ALPHA_MIN);
}

/** Per-class sums of the features (k rows of nFeatures) and the class counts, as Y' X and Y' 1. */
export function classFeatureCounts(X: Matrix, y: Int32Array, k: number): { featureCount: Float64Array; classCount: Float64Array } {
  const { nRows: n, nCols: p } = X;
  const featureCount = new Float64Array(k * p);
  const classCount = new Float64Array(k);
  for (let i = 0; i < n; i++) classCount[y[i]]++;
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) featureCount[y[i] * p + j] += X.data[j * n + i];
  return { featureCount, classCount };
}

/** log P(c): from the class frequencies, or uniform with fit_prior=false. */
export function classLogPrior(classCount: Float64Array, fitPrior: boolean): Float64Array {
  const k = classCount.length;
  if (!fitPrior) return new Float64Array(k).fill(-Math.log(k));
  const total = classCount.reduce((sum, count) => sum + count, 0);
  return classCount.map((count) => Math.log(count) - Math.log(total));
}

/** out[c * n + i] = constant[c] + sum_j X[i, j] * weights[c * p + j]: X W' + b, column-major. */
export function linearLogLikelihood(X: Matrix, weights: Float64Array, constant: Float64Array, out: Float64Array): void {
  const { nRows: n, nCols: p } = X;
  for (let c = 0; c < constant.length; c++) {
    for (let j = 0; j < p; j++) {
      const w = weights[c * p + j];
      for (let i = 0; i < n; i++) out[c * n + i] += X.data[j * n + i] * w;
    }
    for (let i = 0; i < n; i++) out[c * n + i] += constant[c];
  }
}
