import type { BinnedFeatures } from './bin-mapper.js';
import * as layout from './criterion.js';
import type { SplitCriterion } from './criterion.js';
import type { HistogramPool } from './histogram-pool.js';
import type { NodeStore } from './node-store.js';

const { COUNT } = layout;

/** The split a whole level takes: samples with code <= bin of feature go left. feature -1 when none gains. */
export interface LevelSplit {
  feature: number;
  bin: number;
  gain: number;
}

/**
 * One level of a symmetric (oblivious) tree, CatBoost's: the nodes of the level, each with the
 * histogram buffer of its sibling when it may derive its own by subtraction, and the search for
 * the one (feature, bin boundary) whose gain summed over all of them is largest. A boundary that
 * leaves one side of a node empty adds nothing for that node. Scratch arrays are allocated once.
 */
export class ObliviousLevel {
  private nodes: Int32Array = new Int32Array(16);
  private siblings: Int32Array = new Int32Array(16);
  private parents: Int32Array = new Int32Array(16);
  /** How many nodes the level being built holds. */
  size = 0;
  private readonly gains: Float64Array;
  private readonly left: Float64Array;
  private readonly right: Float64Array;
  private readonly split: LevelSplit = { feature: -1, bin: -1, gain: 0 };

  constructor(
    private readonly binned: BinnedFeatures,
    width: number,
  ) {
    let maxBins = 0;
    for (let f = 0; f < binned.nFeatures; f++) maxBins = Math.max(maxBins, binned.nBins[f]);
    this.gains = new Float64Array(maxBins);
    this.left = new Float64Array(width);
    this.right = new Float64Array(width);
  }

  /** Starts a tree whose first level is the root. */
  start(root: number, siblingBuffer: number): void {
    this.size = 0;
    this.add(root, siblingBuffer);
  }

  add(node: number, siblingBuffer: number): void {
    if (this.size === this.nodes.length) {
      this.nodes = doubled(this.nodes);
      this.siblings = doubled(this.siblings);
      // The parents are still being read while their children are added: keep them.
      this.parents = doubled(this.parents);
    }
    this.nodes[this.size] = node;
    this.siblings[this.size] = siblingBuffer;
    this.size++;
  }

  /** Closes the level: its nodes become the parents (read with parent(i)) and the next level starts empty. */
  advance(): number {
    const count = this.size;
    const parents = this.parents;
    this.parents = this.nodes;
    this.nodes = parents;
    this.size = 0;
    return count;
  }

  parent(i: number): number {
    return this.parents[i];
  }

  /**
   * The best split over the first nCandidates features of order (ties go to the earlier feature
   * and the lower boundary); feature -1 unless some split gains more than minSplitGain.
   */
  bestSplit(
    pool: HistogramPool,
    store: NodeStore,
    criterion: SplitCriterion,
    order: Uint32Array,
    nCandidates: number,
    minSplitGain: number,
  ): LevelSplit {
    const { split, gains } = this;
    split.feature = -1;
    split.bin = -1;
    split.gain = minSplitGain;
    for (let i = 0; i < nCandidates; i++) {
      const f = order[i];
      const nBins = this.binned.nBins[f];
      gains.fill(0, 0, nBins);
      for (let n = 0; n < this.size; n++) this.addNodeGains(pool, store, criterion, this.nodes[n], this.siblings[n], f);
      // gains holds changes from one boundary to the next; their running sum is the level's gain.
      let gain = 0;
      for (let b = 0; b < nBins - 1; b++) {
        gain += gains[b];
        if (gain > split.gain) {
          split.feature = f;
          split.bin = b;
          split.gain = gain;
        }
      }
    }
    return split;
  }

  /**
   * Adds the node's gain from splitting after bin b of feature f, for every boundary inside the
   * node, to the level's gains, as changes (gains[b] += gain(b) - gain(b-1)): empty bins move no
   * sample, so the work follows the node's non-empty bins.
   */
  private addNodeGains(
    pool: HistogramPool,
    store: NodeStore,
    criterion: SplitCriterion,
    node: number,
    siblingBuffer: number,
    f: number,
  ): void {
    const buffer = store.buffer[node];
    pool.prepare(buffer, f, siblingBuffer);
    const low = pool.low(buffer, f);
    const high = pool.high(buffer, f);
    if (low === high) return;
    const { left, right, gains } = this;
    const width = criterion.width;
    const hist = pool.histogram(buffer);
    const base = this.binned.binStart[f] * width;
    const sums = store.sums;
    const nodeOffset = node * width;
    const impurity = store.impurity[node];
    left.fill(0);
    let previous = 0;
    for (let b = low; b < high; b++) {
      const at = base + b * width;
      if (hist[at + COUNT] === 0) continue;
      for (let k = 0; k < width; k++) {
        left[k] += hist[at + k];
        right[k] = sums[nodeOffset + k] - left[k];
      }
      const gain = criterion.improvement(0, sums, nodeOffset, impurity, left, right);
      gains[b] += gain - previous;
      previous = gain;
    }
    // From the node's last bin on, every sample is on the left: no gain.
    gains[high] -= previous;
  }
}

function doubled(values: Int32Array): Int32Array {
  const out = new Int32Array(2 * values.length);
  out.set(values);
  return out;
}
