import type { Random } from '../core/random.js';

/**
 * How a booster draws the rows of one tree. 'exact' keeps exactly max(1, floor(fraction * n))
 * rows without replacement (scikit-learn's GradientBoosting, LightGBM's bagging); 'bernoulli'
 * keeps each row with probability fraction (XGBoost's uniform sampling). every > 1 keeps one draw
 * for that many iterations (LightGBM's subsample_freq).
 */
export interface RowSampling {
  fraction: number;
  method: 'exact' | 'bernoulli';
  every: number;
}

/** Writes 1 for the rows a tree sees and 0 for the others into weights. */
export function sampleRows(rng: Random, sampling: RowSampling, weights: Float64Array): void {
  const n = weights.length;
  if (sampling.method === 'bernoulli') {
    for (let i = 0; i < n; i++) weights[i] = rng.next() < sampling.fraction ? 1 : 0;
    return;
  }
  // Selection sampling (Knuth's algorithm S): each row is kept with probability needed / remaining.
  let needed = Math.max(1, Math.floor(sampling.fraction * n));
  for (let i = 0; i < n; i++) {
    const keep = rng.next() * (n - i) < needed;
    weights[i] = keep ? 1 : 0;
    if (keep) needed--;
  }
}

/**
 * Draws max(1, floor(fraction * nFeatures)) features without replacement into out (a tree's
 * colsample_bytree / feature_fraction); returns how many. out must hold nFeatures values.
 */
export function sampleColumns(rng: Random, nFeatures: number, fraction: number, out: Uint32Array): number {
  for (let f = 0; f < nFeatures; f++) out[f] = f;
  const count = Math.max(1, Math.floor(fraction * nFeatures));
  if (count >= nFeatures) return nFeatures;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(nFeatures - i);
    const f = out[i];
    out[i] = out[j];
    out[j] = f;
  }
  return count;
}
