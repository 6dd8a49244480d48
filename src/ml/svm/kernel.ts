import type { Matrix } from '../core/matrix.js';

export type KernelKind = 'linear' | 'poly' | 'rbf' | 'sigmoid';

/** A kernel with its parameters resolved (gamma as a number). */
export interface KernelSpec {
  kind: KernelKind;
  gamma: number;
  degree: number;
  coef0: number;
}

/**
 * scikit-learn's gamma: "scale" is 1 / (n_features * Var(X)) over every cell of the training X
 * (1 when that variance is 0), "auto" is 1 / n_features, a number is itself.
 */
export function resolveGamma(gamma: number | string, X: Matrix): number {
  if (typeof gamma === 'number') return gamma;
  if (gamma === 'auto') return 1 / X.nCols;
  const cells = X.data.length;
  let mean = 0;
  for (let c = 0; c < cells; c++) mean += X.data[c];
  mean /= cells;
  let variance = 0;
  for (let c = 0; c < cells; c++) variance += (X.data[c] - mean) ** 2;
  variance /= cells;
  return variance === 0 ? 1 : 1 / (X.nCols * variance);
}

/** x_a . x_b for rows a of `left` and b of `right` (row-major, p values each), summed in order as libsvm does. */
export function rowDot(p: number, left: Float64Array, a: number, right: Float64Array, b: number): number {
  let sum = 0;
  const offsetA = a * p;
  const offsetB = b * p;
  for (let j = 0; j < p; j++) sum += left[offsetA + j] * right[offsetB + j];
  return sum;
}

/** libsvm's powi: base^times by repeated squaring (exactly its rounding, unlike Math.pow). */
export function powi(base: number, times: number): number {
  let result = 1;
  let square = base;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) result *= square;
    square *= square;
  }
  return result;
}

/** Kernel value from the dot product (and, for rbf, the squared distance), as libsvm's kernel functions. */
export function kernelFromDot(kernel: KernelSpec, dotProduct: number, squaredDistance: number): number {
  switch (kernel.kind) {
    case 'linear':
      return dotProduct;
    case 'poly':
      return powi(kernel.gamma * dotProduct + kernel.coef0, kernel.degree);
    case 'rbf':
      return Math.exp(-kernel.gamma * squaredDistance);
    case 'sigmoid':
      return Math.tanh(kernel.gamma * dotProduct + kernel.coef0);
  }
}

/**
 * K(x_a, y_b) at prediction time, as libsvm's k_function: for rbf the squared distance is summed
 * from the differences directly (training uses ||x||^2 + ||y||^2 - 2 x.y, see kernel-rows.ts).
 */
export function predictionKernel(kernel: KernelSpec, p: number, x: Float64Array, a: number, y: Float64Array, b: number): number {
  if (kernel.kind !== 'rbf') return kernelFromDot(kernel, rowDot(p, x, a, y, b), 0);
  let squaredDistance = 0;
  for (let j = 0; j < p; j++) {
    const d = x[a * p + j] - y[b * p + j];
    squaredDistance += d * d;
  }
  return kernelFromDot(kernel, 0, squaredDistance);
}
