import { checkPair, countNonFinite, nonFiniteOutputReason } from './check.js';

export interface RegressionReport {
  /** null where the metric is undefined or not a finite number; `warnings` says why. */
  metrics: Record<RegressionMetric, number | null>;
  warnings: Record<string, string>;
}

type RegressionMetric = 'mae' | 'mse' | 'rmse' | 'r2';

export function meanAbsoluteError(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i] - yPred[i]);
  return sum / yTrue.length;
}

export function meanSquaredError(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair(yTrue, yPred);
  return residualSumOfSquares(yTrue, yPred) / yTrue.length;
}

export function rootMeanSquaredError(yTrue: Float64Array, yPred: Float64Array): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}

/**
 * Coefficient of determination with scikit-learn's force_finite=True: perfect predictions score
 * 1.0 even when y_true is constant, and imperfect predictions of a constant y_true score 0.0 instead
 * of -inf. NaN below two samples, where scikit-learn also returns NaN (with a warning), and NaN for
 * non-finite predictions, which scikit-learn refuses: neither convention may hide them.
 *
 * Deliberate deviation: we call y_true constant when all its values are equal. scikit-learn tests
 * the summed squared deviation from np.mean for exactly 0, and the rounded mean of e.g. three 0.1s
 * is not 0.1, so there a constant y_true gives about -5e29 instead of 0.0.
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair(yTrue, yPred);
  if (yTrue.length < 2 || countNonFinite(yPred) > 0) return NaN;
  const residual = residualSumOfSquares(yTrue, yPred);
  if (residual === 0) return 1;
  if (isConstant(yTrue)) return 0;
  return 1 - residual / totalSumOfSquares(yTrue);
}

export function regressionReport(yTrue: Float64Array, yPred: Float64Array): RegressionReport {
  const mse = meanSquaredError(yTrue, yPred);
  const values: Record<RegressionMetric, number> = { mae: meanAbsoluteError(yTrue, yPred), mse, rmse: Math.sqrt(mse), r2: r2Score(yTrue, yPred) };
  const metrics = {} as RegressionReport['metrics'];
  const warnings: Record<string, string> = {};
  for (const name of Object.keys(values) as RegressionMetric[]) {
    const value = values[name];
    metrics[name] = Number.isFinite(value) ? value : null;
    if (metrics[name] === null) warnings[name] = whyNotFinite(name, yTrue, yPred);
  }
  if (metrics.r2 !== null && isConstant(yTrue)) {
    warnings.r2 = `y_true is constant; R^2 set to ${metrics.r2.toFixed(1)} (1.0 only for perfect predictions; force_finite)`;
  }
  return { metrics, warnings };
}

/** What each metric sums, to say which sum overflowed. */
const SUMMED: Record<RegressionMetric, string> = {
  mae: 'the sum of absolute errors',
  mse: 'the sum of squared errors',
  rmse: 'the sum of squared errors',
  r2: 'the total or residual sum of squares',
};

/** Why a metric came out NaN or infinite: too few samples, non-finite predictions, or a sum past the largest double. */
function whyNotFinite(name: RegressionMetric, yTrue: Float64Array, yPred: Float64Array): string {
  if (name === 'r2' && yTrue.length < 2) return `R^2 is not defined with fewer than two samples (got ${yTrue.length})`;
  const nonFinite = countNonFinite(yPred);
  if (nonFinite > 0) return nonFiniteOutputReason(nonFinite, 'value', 'values');
  return `not computable: ${SUMMED[name]} overflows the largest double (1.8e308); the target's values are too large, rescale them`;
}

function residualSumOfSquares(yTrue: Float64Array, yPred: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const diff = yTrue[i] - yPred[i];
    sum += diff * diff;
  }
  return sum;
}

function totalSumOfSquares(y: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const diff = y[i] - mean;
    sum += diff * diff;
  }
  return sum;
}

function isConstant(y: Float64Array): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}
