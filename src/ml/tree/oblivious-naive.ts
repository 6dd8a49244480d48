import type { BinnedFeatures } from './bin-mapper.js';
import type { SplitCriterion } from './criterion.js';

export interface NaiveLevelSplit {
  feature: number;
  /** Samples with code <= bin go left. */
  bin: number;
  gain: number;
}

/**
 * Reference for symmetric (oblivious) growth, straight from its definition: at every level, each
 * candidate (feature, boundary) splits every node of the level, children's sums are recomputed
 * from their samples, and the gains of the nodes where both sides are non-empty are added up; the
 * largest sum wins if it beats minSplitGain. O(levels x features x bins x n), for tests only.
 */
export function naiveObliviousSplits(
  binned: BinnedFeatures,
  criterion: SplitCriterion,
  samples: Uint32Array,
  maxDepth: number,
  minSplitGain: number,
): NaiveLevelSplit[] {
  const width = criterion.width;
  const sumsOf = (rows: Uint32Array) => {
    const sums = new Float64Array(width);
    criterion.sumSamples(rows, 0, rows.length, sums, 0);
    return sums;
  };
  let level: Uint32Array[] = [samples];
  const splits: NaiveLevelSplit[] = [];
  for (let depth = 0; depth < maxDepth; depth++) {
    let best: NaiveLevelSplit = { feature: -1, bin: -1, gain: minSplitGain };
    for (let f = 0; f < binned.nFeatures; f++) {
      const codes = binned.columns[f];
      for (let bin = 0; bin < binned.nBins[f] - 1; bin++) {
        let gain = 0;
        for (const rows of level) {
          const left = rows.filter((r) => codes[r] <= bin);
          const right = rows.filter((r) => codes[r] > bin);
          if (left.length === 0 || right.length === 0) continue;
          const node = sumsOf(rows);
          gain += criterion.improvement(0, node, 0, criterion.impurity(node, 0), sumsOf(left), sumsOf(right));
        }
        if (gain > best.gain) best = { feature: f, bin, gain };
      }
    }
    if (best.feature < 0) break;
    splits.push(best);
    const codes = binned.columns[best.feature];
    level = level
      .flatMap((rows) => [rows.filter((r) => codes[r] <= best.bin), rows.filter((r) => codes[r] > best.bin)])
      .filter((rows) => rows.length > 0);
  }
  return splits;
}
