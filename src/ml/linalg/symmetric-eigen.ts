/**
 * Every eigenvalue and eigenvector of a dense symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson-style shifts (the EISPACK
 * tred2/tql2 pair, as published by Wilkinson and Reinsch, Handbook for Automatic Computation II).
 * O(n^3) time and two n x n arrays: meant for the few thousand rows spectral clustering accepts.
 */
export interface SymmetricEigen {
  /** Ascending. */
  values: Float64Array;
  /** n x n row-major; row j is the unit eigenvector of values[j]. */
  vectors: Float64Array;
}

/** `A` is n x n row-major and symmetric (only read, never changed). */
export function symmetricEigen(A: Float64Array, n: number): SymmetricEigen {
  const V = Float64Array.from(A);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalise(V, d, e, n);
  // QL works on eigenvector columns; transposed, each becomes a contiguous row for the rotations.
  const W = transpose(V, n);
  diagonalise(W, d, e, n);
  return sortAscending(d, W, n);
}

/**
 * Householder reduction of V (in place) to tridiagonal form: on return d holds the diagonal, e the
 * subdiagonal (e[0] = 0) and V the orthogonal transformation that was applied.
 */
function tridiagonalise(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      // The reflector that zeroes row i left of the subdiagonal, scaled against overflow.
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulate the reflectors into V.
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/**
 * Implicit QL on the tridiagonal (d, e): each sweep deflates off-diagonal entries below
 * 2^-52 times the largest |d| + |e| seen. W holds the eigenvector columns of the reduction as rows
 * and receives every plane rotation.
 */
function diagonalise(W: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let shiftTotal = 0;
  let scale = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    scale = Math.max(scale, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * scale) m++;
    if (m > l) {
      do {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        shiftTotal += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          const rowI = i * n;
          const rowNext = (i + 1) * n;
          for (let k = 0; k < n; k++) {
            const next = W[rowNext + k];
            W[rowNext + k] = s * W[rowI + k] + c * next;
            W[rowI + k] = c * W[rowI + k] - s * next;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * scale);
    }
    d[l] += shiftTotal;
    e[l] = 0;
  }
}

function transpose(A: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = A[i * n + j];
  return out;
}

function sortAscending(values: Float64Array, vectors: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const sortedVectors = new Float64Array(n * n);
  order.forEach((from, to) => sortedVectors.set(vectors.subarray(from * n, (from + 1) * n), to * n));
  return { values: Float64Array.from(order, (i) => values[i]), vectors: sortedVectors };
}
