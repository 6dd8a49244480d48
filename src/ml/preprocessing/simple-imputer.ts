import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';

/**
 * Replaces missing cells (NaN) of each column with that column's mean over the rows it was fitted
 * on, like scikit-learn's SimpleImputer(strategy="mean"); a column with no value at all gets 0.
 */
export class MeanImputer {
  private means: Float64Array | null = null;

  fit(X: Matrix): this {
    const means = new Float64Array(X.nCols);
    for (let c = 0; c < X.nCols; c++) {
      let sum = 0;
      let count = 0;
      const offset = c * X.nRows;
      for (let r = 0; r < X.nRows; r++) {
        const v = X.data[offset + r];
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      means[c] = count === 0 ? 0 : sum / count;
    }
    this.means = means;
    return this;
  }

  /** Fills missing cells in place and returns the same matrix. */
  transformInPlace(X: Matrix): Matrix {
    const means = this.means;
    if (!means) throw new NotFittedError('MeanImputer');
    for (let c = 0; c < X.nCols; c++) {
      const offset = c * X.nRows;
      for (let r = 0; r < X.nRows; r++) {
        if (Number.isNaN(X.data[offset + r])) X.data[offset + r] = means[c];
      }
    }
    return X;
  }

  toState(): { means: Float64Array } {
    if (!this.means) throw new NotFittedError('MeanImputer');
    return { means: this.means };
  }

  static fromState(state: { means: Float64Array }): MeanImputer {
    const imputer = new MeanImputer();
    imputer.means = state.means;
    return imputer;
  }
}
