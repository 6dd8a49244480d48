import { createMatrix, type Matrix } from '../core/matrix.js';
import { largestEigenpairs } from '../linalg/lanczos.js';

/**
 * scikit-learn's spectral_embedding of an affinity matrix (n x n row-major, symmetric), without
 * dropping the first vector: the eigenvectors of the normalised Laplacian
 * L = I - D^-1/2 W D^-1/2 (W the affinity with its diagonal ignored, D its degrees) for the
 * nComponents smallest eigenvalues, each divided entry-wise by sqrt(degree) and signed so that its
 * largest absolute entry is positive. Returns n x nComponents. The smallest eigenvalues of L are
 * the largest of I - L, which Lanczos finds with n x n products only. `affinity` is overwritten.
 */
export function spectralEmbedding(affinity: Float64Array, n: number, nComponents: number): Matrix {
  const sqrtDegree = new Float64Array(n);
  const isolated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let degree = 0;
    for (let j = 0; j < n; j++) if (j !== i) degree += affinity[i * n + j];
    // An isolated row gets degree 1 and a 0 on the Laplacian's diagonal, as scipy's laplacian does.
    isolated[i] = degree === 0 ? 1 : 0;
    sqrtDegree[i] = isolated[i] ? 1 : Math.sqrt(degree);
  }
  // In place: the affinity becomes I - L.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      affinity[i * n + j] = i === j ? isolated[i] : affinity[i * n + j] / sqrtDegree[i] / sqrtDegree[j];
    }
  }
  const vectors = leadingEigenvectors(affinity, n, nComponents);
  const embedding = createMatrix(n, nComponents);
  for (let c = 0; c < nComponents; c++) {
    const column = embedding.data.subarray(c * n, (c + 1) * n);
    for (let i = 0; i < n; i++) column[i] = vectors[c][i] / sqrtDegree[i];
    signByLargestEntry(column);
  }
  return embedding;
}

/**
 * The k leading eigenvectors of a symmetric matrix whose graph may fall apart: the matrix is
 * block diagonal over its connected components, so each component is solved on its own (its top
 * eigenvalue, 1 here, is simple) and the k largest of all their eigenpairs are kept, ties to the
 * component met first. A disconnected graph has 1 as many times as it has components, which a
 * single Lanczos start vector could not see.
 */
function leadingEigenvectors(M: Float64Array, n: number, k: number): Float64Array[] {
  const found: Array<{ value: number; vector: Float64Array }> = [];
  for (const rows of components(M, n)) {
    const m = rows.length;
    const { values, vectors } = largestEigenpairs((x, y) => multiplyBlock(M, n, rows, x, y), m, Math.min(k, m));
    values.forEach((value, j) => {
      const vector = new Float64Array(n);
      rows.forEach((row, i) => (vector[row] = vectors[j * m + i]));
      found.push({ value, vector });
    });
  }
  // Stable: among equal eigenvalues the earlier component comes first.
  found.sort((a, b) => b.value - a.value);
  return found.slice(0, k).map((pair) => pair.vector);
}

/** Rows grouped by connected component of the non-zero off-diagonal entries, in order of their first row. */
function components(M: Float64Array, n: number): Int32Array[] {
  const component = new Int32Array(n).fill(-1);
  const groups: Int32Array[] = [];
  const stack = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    const members: number[] = [];
    component[start] = groups.length;
    stack[0] = start;
    let depth = 1;
    while (depth > 0) {
      const row = stack[--depth];
      members.push(row);
      for (let j = 0; j < n; j++) {
        if (j !== row && M[row * n + j] !== 0 && component[j] === -1) {
          component[j] = groups.length;
          stack[depth++] = j;
        }
      }
    }
    groups.push(Int32Array.from(members.sort((a, b) => a - b)));
  }
  return groups;
}

/** y = M[rows, rows] x. */
function multiplyBlock(M: Float64Array, n: number, rows: Int32Array, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < rows.length; i++) {
    let total = 0;
    const offset = rows[i] * n;
    for (let j = 0; j < rows.length; j++) total += M[offset + rows[j]] * x[j];
    y[i] = total;
  }
}

/** scikit-learn's deterministic sign flip: the entry of largest magnitude (the first such) becomes positive. */
function signByLargestEntry(vector: Float64Array): void {
  let largest = 0;
  for (let i = 1; i < vector.length; i++) if (Math.abs(vector[i]) > Math.abs(vector[largest])) largest = i;
  if (vector[largest] < 0) for (let i = 0; i < vector.length; i++) vector[i] = -vector[i];
}
