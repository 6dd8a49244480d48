import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import type { BinnedFeatures } from './bin-mapper.js';
import { WEIGHT, impurityImprovement, type SplitCriterion } from './criterion.js';
import type { FlatTree } from './flat-tree.js';
import { HELD_HISTOGRAM_BYTES, HistogramPool } from './histogram-pool.js';
import { NodeFrontier } from './node-frontier.js';
import { NodeStore } from './node-store.js';
import { partitionByCode } from './partition.js';
import { BestSplit, SplitScanner } from './split-finder.js';
import { nodeThreshold } from './threshold.js';

/** scikit-learn's EPSILON (double machine epsilon): a node this pure is a leaf, a gain this small is none. */
const EPSILON = Number.EPSILON;

/** A node without histograms: a leaf, or a waiting node that gave its buffer back. */
const NO_BUFFER = -1;

/** Growth limits with fractions already turned into counts (see tree-params.ts). */
export interface GrowthLimits {
  /** Infinity when unlimited. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Share of the tree's total sample weight every leaf must hold. */
  minWeightFractionLeaf: number;
  /** Features drawn per split; drawing goes on past constant features until one varies. */
  maxFeatures: number;
  /** Infinity when unlimited; otherwise growth is best-first. */
  maxLeafNodes: number;
  minImpurityDecrease: number;
}

/**
 * The one tree learner behind every tree model: grows a CART tree over binned features with
 * histogram split finding, for any SplitCriterion. One learner serves all the trees of a fit and
 * reuses its sample index array, node store and histogram buffers from tree to tree.
 */
export class TreeLearner {
  private readonly indices: Uint32Array;
  private readonly featureOrder: Uint32Array;
  private readonly pool: HistogramPool;
  private readonly nodes: NodeStore;
  private readonly best: BestSplit;
  private readonly rightSums: Float64Array;
  private readonly width: number;
  // Per-tree settings, set by grow().
  private criterion!: SplitCriterion;
  private scanner!: SplitScanner;
  private limits!: GrowthLimits;
  private rng!: Random;
  private treeWeight = 0;
  private minWeightLeaf = 0;

  /**
   * X is the matrix binned was made from: bins choose the split, raw values place its threshold.
   * heldHistogramBytes bounds the histograms kept by nodes waiting to be split.
   */
  constructor(
    private readonly X: Matrix,
    private readonly binned: BinnedFeatures,
    width: number,
    heldHistogramBytes = HELD_HISTOGRAM_BYTES,
  ) {
    this.width = width;
    this.indices = new Uint32Array(binned.nRows);
    this.featureOrder = Uint32Array.from({ length: binned.nFeatures }, (_, f) => f);
    this.pool = new HistogramPool(binned, width, heldHistogramBytes);
    this.nodes = new NodeStore(width);
    this.best = new BestSplit(width);
    this.rightSums = new Float64Array(width);
  }

  /**
   * Grows one tree. Rows with weight 0 (left out of a bootstrap) take no part, so sample counts
   * (min_samples_*) count distinct rows while impurities use the weights, as in scikit-learn.
   */
  grow(criterion: SplitCriterion, weights: Float64Array, limits: GrowthLimits, rng: Random): FlatTree {
    if (criterion.width !== this.width) throw new Error('criterion width does not match the learner');
    let n = 0;
    for (let row = 0; row < this.binned.nRows; row++) if (weights[row] > 0) this.indices[n++] = row;
    this.criterion = criterion;
    this.limits = limits;
    this.rng = rng;
    this.pool.reset(criterion, this.indices);
    this.nodes.clear();

    const root = this.nodes.add(0, n, 0);
    criterion.sumSamples(this.indices, 0, n, this.nodes.sums, 0);
    this.nodes.impurity[root] = criterion.impurity(this.nodes.sums, 0);
    this.treeWeight = this.nodes.sums[WEIGHT];
    this.minWeightLeaf = limits.minWeightFractionLeaf * this.treeWeight;
    this.scanner = new SplitScanner(this.binned, criterion, {
      minSamplesLeaf: limits.minSamplesLeaf,
      minWeightLeaf: this.minWeightLeaf,
    });

    const frontier = new NodeFrontier(Number.isFinite(limits.maxLeafNodes));
    this.nodes.buffer[root] = this.pool.acquire(0, n);
    this.evaluate(root, NO_BUFFER);
    this.settle(root, frontier);
    let splitsLeft = limits.maxLeafNodes - 1;
    while (frontier.size > 0) {
      const node = frontier.pop();
      if (splitsLeft <= 0) {
        this.releaseBuffer(node);
        continue;
      }
      this.split(node, frontier);
      splitsLeft--;
    }
    return this.nodes.toFlatTree(criterion);
  }

  /** Applies the node's candidate split: partitions its samples, then evaluates both children. */
  private split(node: number, frontier: NodeFrontier): void {
    const nodes = this.nodes;
    const start = nodes.start[node];
    const size = nodes.size[node];
    const feature = nodes.splitFeature[node];
    const codes = this.binned.columns[feature];
    const nLeft = partitionByCode(this.indices, start, start + size, codes, nodes.splitBin[node]);
    const column = this.X.data.subarray(feature * this.X.nRows, (feature + 1) * this.X.nRows);
    nodes.threshold[node] = nodeThreshold(column, this.indices, start, start + nLeft, start + size);
    const depth = nodes.depth[node] + 1;
    const left = nodes.add(start, nLeft, depth);
    const right = nodes.add(start + nLeft, size - nLeft, depth);
    nodes.left[node] = left;
    nodes.right[node] = right;
    this.setChildSums(left);
    this.setChildSums(right);

    // The larger child inherits the parent's histograms and derives its own by subtraction.
    const larger = nLeft >= size - nLeft ? left : right;
    const smaller = larger === left ? right : left;
    const largerEnd = nodes.start[larger] + nodes.size[larger];
    const inherited = nodes.buffer[node];
    if (inherited === NO_BUFFER) {
      nodes.buffer[larger] = this.pool.acquire(nodes.start[larger], largerEnd);
    } else {
      nodes.buffer[larger] = inherited;
      this.pool.handDown(inherited, nodes.start[larger], largerEnd);
    }
    nodes.buffer[smaller] = this.pool.acquire(nodes.start[smaller], nodes.start[smaller] + nodes.size[smaller]);
    this.evaluate(larger, inherited === NO_BUFFER ? NO_BUFFER : nodes.buffer[smaller]);
    this.evaluate(smaller, NO_BUFFER);
    this.settle(left, frontier);
    this.settle(right, frontier);
  }

  /**
   * Sums each child over its own samples rather than as parent minus sibling, so leaf values are
   * exact means and proportions (as scikit-learn's), with no rounding carried down the tree.
   */
  private setChildSums(child: number): void {
    const { sums, impurity, start, size } = this.nodes;
    const offset = child * this.width;
    this.criterion.sumSamples(this.indices, start[child], start[child] + size[child], sums, offset);
    impurity[child] = this.criterion.impurity(sums, offset);
  }

  /**
   * Queues a node that has a split to apply, keeping its histograms for its children while the
   * pool allows; gives back the histograms of one that will stay a leaf.
   */
  private settle(node: number, frontier: NodeFrontier): void {
    if (this.nodes.splitFeature[node] >= 0) {
      frontier.push(node, this.nodes.improvement[node]);
      if (!this.pool.mayHold()) this.releaseBuffer(node);
    } else {
      this.releaseBuffer(node);
    }
  }

  private releaseBuffer(node: number): void {
    if (this.nodes.buffer[node] === NO_BUFFER) return;
    this.pool.release(this.nodes.buffer[node]);
    this.nodes.buffer[node] = NO_BUFFER;
  }

  /** Finds and records the node's best split, unless a stopping rule makes it a leaf. */
  private evaluate(node: number, siblingBuffer: number): void {
    const nodes = this.nodes;
    const { maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease } = this.limits;
    const size = nodes.size[node];
    const offset = node * this.width;
    const weight = nodes.sums[offset + WEIGHT];
    const impurity = nodes.impurity[node];
    if (
      nodes.depth[node] >= maxDepth ||
      size < minSamplesSplit ||
      size < 2 * minSamplesLeaf ||
      weight < 2 * this.minWeightLeaf ||
      impurity <= EPSILON
    ) {
      return;
    }
    this.findBestSplit(node, siblingBuffer);
    const best = this.best;
    if (!best.found) return;
    const leftWeight = best.leftSums[WEIGHT];
    for (let k = 0; k < this.width; k++) this.rightSums[k] = nodes.sums[offset + k] - best.leftSums[k];
    const improvement = impurityImprovement(
      this.treeWeight,
      weight,
      impurity,
      leftWeight,
      this.criterion.impurity(best.leftSums, 0),
      this.criterion.impurity(this.rightSums, 0),
    );
    if (improvement + EPSILON < minImpurityDecrease) return;
    nodes.splitFeature[node] = best.feature;
    nodes.splitBin[node] = best.bin;
    nodes.improvement[node] = improvement;
  }

  /**
   * scikit-learn's feature sampling: draw features without replacement until maxFeatures have
   * been examined, constant ones included, but keep drawing while every one drawn was constant.
   */
  private findBestSplit(node: number, siblingBuffer: number): void {
    const { featureOrder, pool, rng, best } = this;
    const nFeatures = featureOrder.length;
    const buffer = this.nodes.buffer[node];
    const hist = pool.histogram(buffer);
    const maxFeatures = this.limits.maxFeatures;
    best.reset();
    let visited = 0;
    let constant = 0;
    for (let i = 0; i < nFeatures && (visited < maxFeatures || visited === constant); i++) {
      const j = i + rng.int(nFeatures - i);
      const f = featureOrder[j];
      featureOrder[j] = featureOrder[i];
      featureOrder[i] = f;
      visited++;
      pool.prepare(buffer, f, siblingBuffer);
      const low = pool.low(buffer, f);
      const high = pool.high(buffer, f);
      if (!this.scanner.scan(hist, f, low, high, this.nodes.sums, node * this.width, best)) constant++;
    }
  }
}
