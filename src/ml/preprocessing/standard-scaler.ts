import { createMatrix, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';

/**
 * z-scores each column with the mean and population standard deviation (ddof 0) of the rows it was
 * fitted on, like scikit-learn's StandardScaler. Sums run down each column in row order, which is
 * the order numpy uses for scikit-learn's column sums, so the statistics match to the last bit.
 */
export class StandardScaler {
  private mean: Float64Array | null = null;
  private scale: Float64Array | null = null;

  fit(X: Matrix): this {
    const { nRows, nCols, data } = X;
    const mean = new Float64Array(nCols);
    const scale = new Float64Array(nCols);
    for (let c = 0; c < nCols; c++) {
      const offset = c * nRows;
      let total = 0;
      for (let r = 0; r < nRows; r++) total += data[offset + r];
      mean[c] = total / nRows;
      // Two passes with the compensating term of scikit-learn's _incremental_mean_and_var: the
      // deviations' own sum, which rounding keeps from being exactly zero, is taken back out.
      let deviationSum = 0;
      let squaredSum = 0;
      for (let r = 0; r < nRows; r++) {
        const deviation = data[offset + r] - mean[c];
        deviationSum += deviation;
        squaredSum += deviation * deviation;
      }
      const variance = (squaredSum - (deviationSum * deviationSum) / nRows) / nRows;
      scale[c] = isConstant(variance, mean[c], nRows) ? 1 : Math.sqrt(variance);
    }
    this.mean = mean;
    this.scale = scale;
    return this;
  }

  /** A new matrix with every column centred and divided by its scale. */
  transform(X: Matrix): Matrix {
    const { mean, scale } = this.toState();
    if (X.nCols !== mean.length) {
      throw new RangeError(`StandardScaler was fitted on ${mean.length} columns but X has ${X.nCols}`);
    }
    const out = createMatrix(X.nRows, X.nCols);
    for (let c = 0; c < X.nCols; c++) {
      const offset = c * X.nRows;
      for (let r = 0; r < X.nRows; r++) out.data[offset + r] = (X.data[offset + r] - mean[c]) / scale[c];
    }
    return out;
  }

  toState(): { mean: Float64Array; scale: Float64Array } {
    if (!this.mean || !this.scale) throw new NotFittedError('StandardScaler');
    return { mean: this.mean, scale: this.scale };
  }

  static fromState(state: { mean: Float64Array; scale: Float64Array }): StandardScaler {
    const scaler = new StandardScaler();
    scaler.mean = state.mean;
    scaler.scale = state.scale;
    return scaler;
  }
}

/**
 * A column whose variance is within rounding noise of zero is constant and keeps scale 1, rather
 * than being blown up by dividing by that noise; the bound is scikit-learn's _is_constant_feature.
 */
function isConstant(variance: number, mean: number, nRows: number): boolean {
  const eps = Number.EPSILON;
  return variance <= nRows * eps * variance + (nRows * mean * eps) ** 2;
}
