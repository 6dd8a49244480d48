import { describe, expect, it } from 'vitest';
import { createMatrix, rowOf, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { kmeansPlusPlus, randomRows } from './kmeans-init.js';

/** `perBlob` rows around each of `centres`, jittered by at most 0.01. */
function tightBlobs(centres: number[][], perBlob: number, rng: Random): Matrix {
  const nRows = centres.length * perBlob;
  const X = createMatrix(nRows, centres[0].length);
  for (let i = 0; i < nRows; i++) {
    const centre = centres[i % centres.length];
    centre.forEach((value, f) => (X.data[f * nRows + i] = value + (rng.next() - 0.5) * 0.02));
  }
  return X;
}

const blobCentres = [[0, 0], [10, 0], [0, 10], [10, 10], [5, 30]];

function blobOf(point: number[]): number {
  return blobCentres.findIndex((c) => Math.hypot(c[0] - point[0], c[1] - point[1]) < 1);
}

function rowsOfData(X: Matrix): Set<string> {
  return new Set(Array.from({ length: X.nRows }, (_, i) => rowOf(X, i).join()));
}

describe('initial centres', () => {
  it('k-means++ puts one centre in each well separated blob, and every centre is a data row', () => {
    for (let seed = 0; seed < 20; seed++) {
      const rng = new Random(seed);
      const X = tightBlobs(blobCentres, 40, rng);
      const centres = kmeansPlusPlus(X, blobCentres.length, rng);
      const dataRows = rowsOfData(X);
      const blobs = new Set<number>();
      for (let c = 0; c < centres.nRows; c++) {
        expect(dataRows.has(rowOf(centres, c).join())).toBe(true);
        blobs.add(blobOf(rowOf(centres, c)));
      }
      expect(blobs.size).toBe(blobCentres.length);
    }
  });

  it('random init picks distinct rows', () => {
    const rng = new Random(4);
    const X = tightBlobs(blobCentres, 3, rng);
    const centres = randomRows(X, X.nRows, rng);
    expect(rowsOfData(centres)).toEqual(rowsOfData(X));
  });

  it('k-means++ repeats row 0 once all rows are covered (zero potential), as scikit-learn does', () => {
    const X = createMatrix(3, 1, Float64Array.of(4, 4, 4));
    const centres = kmeansPlusPlus(X, 3, new Random(1));
    expect(Array.from(centres.data)).toEqual([4, 4, 4]);
  });
});
