import { Random } from '../core/random.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** y = A x for a symmetric n x n operator. */
export type SymmetricOperator = (x: Float64Array, y: Float64Array) => void;

export interface Eigenpairs {
  /** Descending. */
  values: Float64Array;
  /** k x n row-major; row j is the unit eigenvector of values[j]. */
  vectors: Float64Array;
}

/** A Ritz pair counts as converged when its residual ||A y - theta y|| is below this (for operators of norm about 1). */
const RESIDUAL_TOLERANCE = 1e-12;
/** A Lanczos step this short means the Krylov space is invariant: restart from a fresh direction. */
const BREAKDOWN = 1e-10;

/**
 * The k largest eigenpairs of a symmetric operator by the Lanczos method with full
 * reorthogonalisation (Golub and Van Loan, section 10.1): build an orthonormal Krylov basis
 * one operator product at a time, and read eigenpairs off the small tridiagonal matrix it
 * induces until the k largest have tiny residuals. O(m n) memory and m operator products for m
 * steps, instead of the O(n^3) work of a full decomposition. The start vector is seeded, so
 * results are reproducible.
 *
 * One start vector sees one direction of a repeated eigenvalue, so a multiple eigenvalue can be
 * missed. Callers split what they can (spectral embedding solves each connected component
 * apart, where the top eigenvalue is simple); if the Krylov space still becomes invariant
 * (breakdown), Ritz values may look converged while eigenvalues outside it are unseen, so the
 * iteration then continues from a fresh orthogonal direction all the way to n steps, where the
 * decomposition is complete.
 */
export function largestEigenpairs(apply: SymmetricOperator, n: number, k: number): Eigenpairs {
  const rng = new Random(1);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = randomUnitOrthogonal(basis, n, rng);
  const w = new Float64Array(n);
  let brokeDown = false;
  for (;;) {
    basis.push(q);
    apply(q, w);
    const a = dot(q, w);
    alpha.push(a);
    orthogonaliseAgainst(basis, w);
    const b = Math.sqrt(dot(w, w));
    const steps = basis.length;
    if (steps === n) return ritzPairs(basis, alpha, beta, k, n, null)!;
    if (b < BREAKDOWN) {
      brokeDown = true;
      beta.push(0);
      q = randomUnitOrthogonal(basis, n, rng);
      continue;
    }
    if (!brokeDown && steps >= k && (steps % 5 === 0 || steps === k)) {
      const pairs = ritzPairs(basis, alpha, beta, k, n, b);
      if (pairs !== null) return pairs;
    }
    beta.push(b);
    q = w.map((value) => value / b);
  }
}

/**
 * The k largest Ritz pairs of the current basis; with `nextBeta` given, null unless every one
 * has converged (its residual is |nextBeta| times the last entry of its small eigenvector).
 */
function ritzPairs(basis: Float64Array[], alpha: number[], beta: number[], k: number, n: number, nextBeta: number | null): Eigenpairs | null {
  const m = basis.length;
  const T = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    T[i * m + i] = alpha[i];
    if (i + 1 < m) T[i * m + i + 1] = T[(i + 1) * m + i] = beta[i];
  }
  const small = symmetricEigen(T, m);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * n);
  for (let j = 0; j < k; j++) {
    const index = m - 1 - j;
    if (nextBeta !== null && Math.abs(nextBeta * small.vectors[index * m + m - 1]) > RESIDUAL_TOLERANCE) return null;
    values[j] = small.values[index];
    const target = vectors.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < m; i++) {
      const weight = small.vectors[index * m + i];
      const column = basis[i];
      for (let r = 0; r < n; r++) target[r] += weight * column[r];
    }
  }
  return { values, vectors };
}

/** Classical Gram-Schmidt against the whole basis, twice ("twice is enough", Kahan and Parlett). */
function orthogonaliseAgainst(basis: Float64Array[], w: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const column of basis) {
      const projection = dot(column, w);
      for (let r = 0; r < w.length; r++) w[r] -= projection * column[r];
    }
  }
}

function randomUnitOrthogonal(basis: Float64Array[], n: number, rng: Random): Float64Array {
  const v = Float64Array.from({ length: n }, () => rng.next() * 2 - 1);
  orthogonaliseAgainst(basis, v);
  const norm = Math.sqrt(dot(v, v));
  return v.map((value) => value / norm);
}

function dot(x: Float64Array, y: Float64Array): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * y[i];
  return total;
}
