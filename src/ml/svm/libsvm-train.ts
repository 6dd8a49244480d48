import type { ResolvedParams } from '../estimator/hyperparameters.js';
import type { KernelSpec } from './kernel.js';
import { KernelRows } from './kernel-rows.js';
import { SignedKernelQ } from './q-matrix.js';
import { solveSmo } from './smo-solver.js';

/** One solved libsvm problem: a signed coefficient per training row (0 off the support) and the offset rho. */
export interface DualSolution {
  coef: Float64Array;
  rho: number;
  /** Solver iterations (scikit-learn's n_iter_). */
  iterations: number;
}

/** The solver settings of a libsvm fit, from the shared hyperparameters. */
function solverSettings(params: Readonly<ResolvedParams>) {
  return { eps: params.tol as number, shrinking: params.shrinking as boolean, maxIter: params.max_iter as number };
}

/** One pair of classes as libsvm's C-SVC sees it: rows labelled +1 (bound Cp) or -1 (bound Cn). */
export interface ClassPair {
  kernel: KernelSpec;
  /** Row-major, nFeatures values per row. */
  rows: Float64Array;
  nFeatures: number;
  labels: Int8Array;
  Cp: number;
  Cn: number;
}

/** libsvm's C-SVC on one pair of classes, minimising 0.5 a'Qa - e'a; the coefficients returned are y_i a_i. */
export function solveClassPair(pair: ClassPair, params: Readonly<ResolvedParams>): DualSolution {
  const { kernel, rows, nFeatures, labels, Cp, Cn } = pair;
  const l = labels.length;
  const kernelRows = new KernelRows(kernel, rows, l, nFeatures, params.cache_size as number);
  const Q = new SignedKernelQ(kernelRows, Int32Array.from({ length: l }, (_, i) => i), labels);
  const solution = solveSmo({
    Q,
    linear: new Float64Array(l).fill(-1),
    upper: Float64Array.from(labels, (label) => (label > 0 ? Cp : Cn)),
    ...solverSettings(params),
  });
  return {
    coef: solution.alpha.map((a, i) => a * labels[i]),
    rho: solution.rho,
    iterations: solution.iterations,
  };
}

/**
 * libsvm's epsilon-SVR: variables a+ (sign +1, linear term epsilon - y_i) and a- (sign -1,
 * epsilon + y_i) per row, both bounded by C; the coefficient of row i is a+_i - a-_i.
 */
export function solveEpsilonSvr(
  kernel: KernelSpec,
  rows: Float64Array,
  nFeatures: number,
  targets: Float64Array,
  params: Readonly<ResolvedParams>,
): DualSolution {
  const l = targets.length;
  const epsilon = params.epsilon as number;
  const kernelRows = new KernelRows(kernel, rows, l, nFeatures, params.cache_size as number);
  const sampleOf = Int32Array.from({ length: 2 * l }, (_, v) => v % l);
  const sign = Int8Array.from({ length: 2 * l }, (_, v) => (v < l ? 1 : -1));
  const linear = Float64Array.from({ length: 2 * l }, (_, v) => (v < l ? epsilon - targets[v] : epsilon + targets[v - l]));
  const solution = solveSmo({
    Q: new SignedKernelQ(kernelRows, sampleOf, sign),
    linear,
    upper: new Float64Array(2 * l).fill(params.C as number),
    ...solverSettings(params),
  });
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = solution.alpha[i] - solution.alpha[i + l];
  return { coef, rho: solution.rho, iterations: solution.iterations };
}
