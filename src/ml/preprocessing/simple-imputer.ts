import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';

export type NumericImputation = 'mean' | 'median' | 'constant';

/**
 * Replaces missing cells (NaN) of each column with a statistic of the rows it was fitted on, like
 * scikit-learn's SimpleImputer: the column's mean, its median, or a constant. A column with no value
 * at all gets the constant (0 by default) where scikit-learn would drop it, so the encoded columns
 * stay the same whatever the training rows held.
 */
export class SimpleImputer {
  private statistics: Float64Array | null = null;

  constructor(
    readonly strategy: NumericImputation = 'mean',
    readonly fillValue = 0,
  ) {}

  fit(X: Matrix): this {
    const statistics = new Float64Array(X.nCols);
    for (let c = 0; c < X.nCols; c++) {
      const present = X.data.subarray(c * X.nRows, (c + 1) * X.nRows).filter((v) => !Number.isNaN(v));
      statistics[c] = present.length === 0 || this.strategy === 'constant' ? this.fillValue : statistic(present, this.strategy);
    }
    this.statistics = statistics;
    return this;
  }

  /** Fills missing cells in place and returns the same matrix. */
  transformInPlace(X: Matrix): Matrix {
    const statistics = this.toState().statistics;
    for (let c = 0; c < X.nCols; c++) {
      const offset = c * X.nRows;
      for (let r = 0; r < X.nRows; r++) {
        if (Number.isNaN(X.data[offset + r])) X.data[offset + r] = statistics[c];
      }
    }
    return X;
  }

  toState(): { statistics: Float64Array } {
    if (!this.statistics) throw new NotFittedError('SimpleImputer');
    return { statistics: this.statistics };
  }

  static fromState(strategy: NumericImputation, fillValue: number, state: { statistics: Float64Array }): SimpleImputer {
    const imputer = new SimpleImputer(strategy, fillValue);
    imputer.statistics = state.statistics;
    return imputer;
  }
}

/** Mean in row order (numpy's summation order for a column), or numpy's median. */
function statistic(present: Float64Array, strategy: 'mean' | 'median'): number {
  if (strategy === 'mean') {
    let sum = 0;
    for (const v of present) sum += v;
    return sum / present.length;
  }
  const sorted = present.sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
