import { dot } from '../kernels/blas1.js';

/**
 * QR factorisation with column pivoting (Businger-Golub, as LAPACK's dgeqp3): A P = Q R, with the
 * largest remaining column brought forward at every step, so |R[k, k]| decreases and the numerical
 * rank can be read off the diagonal. Works in place on a column-major m x n array: R ends up in the
 * upper triangle and each Householder vector below the diagonal (its leading 1 implied).
 */
export interface PivotedQr {
  factors: Float64Array;
  m: number;
  n: number;
  tau: Float64Array;
  /** Column j of R came from column pivot[j] of A. */
  pivot: Int32Array;
}

export function pivotedQr(a: Float64Array, m: number, n: number): PivotedQr {
  const steps = Math.min(m, n);
  const tau = new Float64Array(steps);
  const pivot = Int32Array.from({ length: n }, (_, j) => j);
  // Partial column norms, downdated after each step, and the value at their last full computation.
  const norms = new Float64Array(n);
  const normsAtRecompute = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    norms[j] = Math.sqrt(dot(m, a, j * m, 1, a, j * m, 1));
    normsAtRecompute[j] = norms[j];
  }
  const recomputeThreshold = Math.sqrt(Number.EPSILON);

  for (let k = 0; k < steps; k++) {
    let best = k;
    for (let j = k + 1; j < n; j++) if (norms[j] > norms[best]) best = j;
    if (best !== k) {
      swapColumns(a, m, k, best);
      [pivot[k], pivot[best]] = [pivot[best], pivot[k]];
      norms[best] = norms[k];
      normsAtRecompute[best] = normsAtRecompute[k];
    }
    tau[k] = makeReflector(a, k * m + k, m - k);
    for (let j = k + 1; j < n; j++) applyReflector(a, k * m + k, m - k, tau[k], a, j * m + k);

    for (let j = k + 1; j < n; j++) {
      if (norms[j] === 0) continue;
      // Downdating loses accuracy as the norm shrinks; past a point, recompute it from the column.
      const ratio = Math.abs(a[j * m + k]) / norms[j];
      const remaining = Math.max(0, 1 - ratio * ratio);
      const drift = remaining * (norms[j] / normsAtRecompute[j]) ** 2;
      if (drift <= recomputeThreshold) {
        const start = j * m + k + 1;
        norms[j] = Math.sqrt(dot(m - k - 1, a, start, 1, a, start, 1));
        normsAtRecompute[j] = norms[j];
      } else {
        norms[j] *= Math.sqrt(remaining);
      }
    }
  }
  return { factors: a, m, n, tau, pivot };
}

/** b := Q' b, applying the stored reflectors in order. */
export function applyQTranspose(qr: PivotedQr, b: Float64Array): void {
  const { factors, m, tau } = qr;
  for (let k = 0; k < tau.length; k++) applyReflector(factors, k * m + k, m - k, tau[k], b, k);
}

/**
 * Turns x = a[start .. start + length) into (beta, 0, ..., 0) with H = I - tau v v', v = (1, a[start+1..]),
 * as LAPACK's dlarfg. Returns tau (0 when x is already of that form).
 */
function makeReflector(a: Float64Array, start: number, length: number): number {
  const alpha = a[start];
  const tailNorm = Math.sqrt(dot(length - 1, a, start + 1, 1, a, start + 1, 1));
  if (tailNorm === 0) return 0;
  // beta takes the sign opposite to alpha so that alpha - beta never cancels.
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, tailNorm);
  const scale = 1 / (alpha - beta);
  for (let i = 1; i < length; i++) a[start + i] *= scale;
  a[start] = beta;
  return (beta - alpha) / beta;
}

/** Applies H = I - tau v v' (v stored at v[vStart..], leading 1 implied) to target[targetStart .. + length). */
function applyReflector(
  v: Float64Array,
  vStart: number,
  length: number,
  tau: number,
  target: Float64Array,
  targetStart: number,
): void {
  if (tau === 0) return;
  const w = tau * (target[targetStart] + dot(length - 1, v, vStart + 1, 1, target, targetStart + 1, 1));
  target[targetStart] -= w;
  for (let i = 1; i < length; i++) target[targetStart + i] -= w * v[vStart + i];
}

function swapColumns(a: Float64Array, m: number, p: number, q: number): void {
  for (let i = 0; i < m; i++) {
    const tmp = a[p * m + i];
    a[p * m + i] = a[q * m + i];
    a[q * m + i] = tmp;
  }
}
