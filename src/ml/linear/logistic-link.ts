/**
 * Per-row loss and gradient of the logistic models with respect to the raw decision values, in the
 * numerically careful forms scikit-learn's HalfBinomialLoss uses, plus the sigmoid predict_proba
 * applies (softmax, for the multinomial model, is in kernels/softmax.ts).
 */

/** Half binomial loss log(1 + e^raw) - y raw, stable for every raw. */
export function binomialLoss(y: number, raw: number): number {
  if (raw <= 0) {
    const e = Math.exp(raw);
    // Below -37, log1p(e) == e to double precision.
    return (raw <= -37 ? e : Math.log1p(e)) - y * raw;
  }
  const e = Math.exp(-raw);
  // Above 18, log1p(e^-raw) == e^-raw to double precision.
  return (raw <= 18 ? Math.log1p(e) : e) + (1 - y) * raw;
}

/** d loss / d raw = sigmoid(raw) - y, written so that neither branch overflows or cancels badly. */
export function binomialGradient(y: number, raw: number): number {
  if (raw <= 0) {
    const e = Math.exp(raw);
    return ((1 - y) * e - y) / (1 + e);
  }
  const e = Math.exp(-raw);
  return (1 - y - y * e) / (1 + e);
}

/**
 * The logistic sigmoid in scipy's expit form; for very negative raw, e^-raw overflows to Infinity
 * and the result is the correct 0, so the one expression is safe everywhere.
 */
export function sigmoid(raw: number): number {
  return 1 / (1 + Math.exp(-raw));
}
