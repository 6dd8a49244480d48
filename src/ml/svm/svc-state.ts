import type { StateValue } from '../estimator/model-state.js';
import type { KernelKind, KernelSpec } from './kernel.js';
import type { Sigmoid } from './platt.js';
import type { SupportVectors } from './support-vectors.js';

/** A fitted SVC: libsvm's model (support vectors grouped by class, dual coefficients, offsets). */
export interface SvcFit {
  support: SupportVectors;
  /** Training row of each support vector (scikit-learn's support_). */
  supportIndices: Int32Array;
  /** (k - 1) rows of one coefficient per support vector, libsvm's sv_coef layout. */
  svCoef: Float64Array;
  /** Support vectors per trained class. */
  nSupport: Int32Array;
  /** libsvm's rho per pair of classes (scikit-learn's intercept_ is -rho). */
  rho: Float64Array;
  /** The kernel with gamma resolved on the training rows. */
  kernel: KernelSpec;
  classIndices: Int32Array;
  nClasses: number;
  /** Solver iterations per pair of classes (scikit-learn's n_iter_). */
  nIter: Int32Array;
  /** Platt sigmoids per pair of classes, when fitted with probability=true. */
  sigmoids?: Sigmoid[];
}

export function svcStateOf(fit: SvcFit): { [key: string]: StateValue } {
  const { support, supportIndices, svCoef, nSupport, rho, kernel, classIndices, nClasses, nIter, sigmoids } = fit;
  return {
    nIter,
    ...(sigmoids
      ? { probA: Float64Array.from(sigmoids, (s) => s.A), probB: Float64Array.from(sigmoids, (s) => s.B) }
      : {}),
    supportVectors: support.rows,
    nFeatures: support.nFeatures,
    supportIndices,
    svCoef,
    nSupport,
    rho,
    kernel: { kind: kernel.kind, gamma: kernel.gamma, degree: kernel.degree, coef0: kernel.coef0 },
    classIndices,
    nClasses,
  };
}

export function readSvcState(modelType: string, fitted: { [key: string]: StateValue }): SvcFit {
  const { supportVectors, nFeatures, supportIndices, svCoef, nSupport, rho, classIndices, nClasses, nIter } = fitted;
  const kernel = readKernel(fitted.kernel);
  if (
    !(supportVectors instanceof Float64Array) ||
    !(supportIndices instanceof Int32Array) ||
    !(svCoef instanceof Float64Array) ||
    !(nSupport instanceof Int32Array) ||
    !(rho instanceof Float64Array) ||
    !(classIndices instanceof Int32Array) ||
    !(nIter instanceof Int32Array) ||
    typeof nFeatures !== 'number' ||
    typeof nClasses !== 'number' ||
    kernel === null ||
    supportVectors.length !== supportIndices.length * nFeatures
  ) {
    throw new Error(`${modelType} state is missing its support vectors or coefficients`);
  }
  const support = { rows: supportVectors, count: supportIndices.length, nFeatures };
  const { probA, probB } = fitted;
  const sigmoids =
    probA instanceof Float64Array && probB instanceof Float64Array && probA.length === rho.length
      ? Array.from(probA, (A, pair) => ({ A, B: probB[pair] }))
      : undefined;
  const model = { support, supportIndices, svCoef, nSupport, rho, kernel, classIndices, nClasses, nIter };
  return sigmoids ? { ...model, sigmoids } : model;
}

export function readKernel(value: StateValue | undefined): KernelSpec | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return null;
  const { kind, gamma, degree, coef0 } = value as { [key: string]: StateValue };
  if (typeof kind !== 'string' || typeof gamma !== 'number' || typeof degree !== 'number' || typeof coef0 !== 'number') return null;
  return { kind: kind as KernelKind, gamma, degree, coef0 };
}
