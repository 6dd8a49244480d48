/**
 * Probability estimates for SVMs, as libsvm computes them: Platt's sigmoid P(+1 | f) = 1 / (1 +
 * exp(A f + B)) fitted to decision values by Newton's method with backtracking (Lin, Lin and Weng's
 * improved algorithm), and the pairwise probabilities of a one-vs-one model coupled into one
 * distribution per row (Wu, Lin and Weng's second method).
 */

export interface Sigmoid {
  A: number;
  B: number;
}

/** Fits A, B to decision values and +1/-1 labels, with libsvm's smoothed targets and constants. */
export function fitSigmoid(decision: Float64Array, labels: Int8Array): Sigmoid {
  const l = decision.length;
  let positives = 0;
  for (let i = 0; i < l; i++) if (labels[i] > 0) positives++;
  const negatives = l - positives;
  const maxIter = 100;
  const minStep = 1e-10;
  // A small ridge on the Hessian keeps it positive definite.
  const sigma = 1e-12;
  const eps = 1e-5;
  // Targets pulled off 0 and 1 by the class counts (Platt's prior correction).
  const hiTarget = (positives + 1) / (positives + 2);
  const loTarget = 1 / (negatives + 2);
  const targets = Float64Array.from(labels, (label) => (label > 0 ? hiTarget : loTarget));
  let A = 0;
  let B = Math.log((negatives + 1) / (positives + 1));
  let value = sigmoidObjective(decision, targets, A, B);
  for (let iteration = 0; iteration < maxIter; iteration++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const fApB = decision[i] * A + B;
      let p: number;
      let q: number;
      if (fApB >= 0) {
        p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
        q = 1 / (1 + Math.exp(-fApB));
      } else {
        p = 1 / (1 + Math.exp(fApB));
        q = Math.exp(fApB) / (1 + Math.exp(fApB));
      }
      const d2 = p * q;
      h11 += decision[i] * decision[i] * d2;
      h22 += d2;
      h21 += decision[i] * d2;
      const d1 = targets[i] - p;
      g1 += decision[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= minStep) {
      const newA = A + step * dA;
      const newB = B + step * dB;
      const newValue = sigmoidObjective(decision, targets, newA, newB);
      if (newValue < value + 0.0001 * step * gd) {
        A = newA;
        B = newB;
        value = newValue;
        break;
      }
      step /= 2;
    }
    // A failed line search ends the fit where it stands, as in libsvm.
    if (step < minStep) break;
  }
  return { A, B };
}

/** The cross-entropy of the sigmoid against the smoothed targets, in the overflow-safe split form. */
function sigmoidObjective(decision: Float64Array, targets: Float64Array, A: number, B: number): number {
  let value = 0;
  for (let i = 0; i < decision.length; i++) {
    const fApB = decision[i] * A + B;
    value += fApB >= 0 ? targets[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (targets[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
  }
  return value;
}

/** P(+1 | decision), computed on the side that cannot cancel. */
export function sigmoidProbability(decision: number, { A, B }: Sigmoid): number {
  const fApB = decision * A + B;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}

/**
 * Class probabilities p (length k) from pairwise estimates r[a][b] = P(a | a or b), k x k row-major
 * with r[b][a] = 1 - r[a][b]: minimises sum over pairs of (r[b][a] p_a - r[a][b] p_b)^2 subject to
 * sum p = 1, by libsvm's fixed-point iteration.
 */
export function coupleProbabilities(k: number, r: Float64Array): Float64Array {
  const p = new Float64Array(k).fill(1 / k);
  const Q = new Float64Array(k * k);
  const Qp = new Float64Array(k);
  const maxIter = Math.max(100, k);
  const eps = 0.005 / k;
  for (let t = 0; t < k; t++) {
    for (let j = 0; j < k; j++) {
      if (j === t) continue;
      Q[t * k + t] += r[j * k + t] * r[j * k + t];
      Q[t * k + j] = -r[j * k + t] * r[t * k + j];
    }
  }
  for (let iteration = 0; iteration < maxIter; iteration++) {
    // Recomputed every round, for accuracy, before the stopping test.
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t] += Q[t * k + j] * p[j];
      pQp += p[t] * Qp[t];
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t] - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t] + pQp) / Q[t * k + t];
      p[t] += diff;
      pQp = (pQp + diff * (diff * Q[t * k + t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j] + diff * Q[t * k + j]) / (1 + diff);
        p[j] /= 1 + diff;
      }
    }
  }
  return p;
}
