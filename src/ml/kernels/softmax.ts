/**
 * Softmax and log-sum-exp over the k values x[offset + c * stride] (one row of a column-major
 * nRows x k matrix when stride = nRows). The maximum is subtracted first, so neither overflows.
 * No allocation and no checks.
 */

/** log(sum_c exp(x_c)), computed as scipy's logsumexp: max + log(sum exp(x - max)). */
export function logSumExp(k: number, x: Float64Array, offset: number, stride: number): number {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, x[offset + c * stride]);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let c = 0; c < k; c++) sum += Math.exp(x[offset + c * stride] - max);
  return Math.log(sum) + max;
}

/** Softmax in place; returns log(sum exp(x)), the log-partition the multinomial loss needs. */
export function softmaxInPlace(x: Float64Array, offset: number, stride: number, k: number): number {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, x[offset + c * stride]);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(x[offset + c * stride] - max);
    x[offset + c * stride] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) x[offset + c * stride] /= sum;
  return Math.log(sum) + max;
}
