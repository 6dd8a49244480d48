import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import type { BinnedFeatures } from './bin-mapper.js';
import { EPSILON, WEIGHT, type SplitCriterion } from './criterion.js';
import { LEAF, type FlatTree } from './flat-tree.js';
import { HELD_HISTOGRAM_BYTES, HistogramPool } from './histogram-pool.js';
import { NodeFrontier } from './node-frontier.js';
import { NodeStore } from './node-store.js';
import { ObliviousLevel } from './oblivious-level.js';
import { partitionByCode } from './partition.js';
import { BestSplit, SplitScanner } from './split-finder.js';
import type { SplitTeam } from './split-team.js';
import { nodeThreshold, separatesBins } from './threshold.js';

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
  /** Infinity when unlimited; otherwise growth is best-first (leaf-wise). */
  maxLeafNodes: number;
  /** scikit-learn's floor on a split's improvement, allowing for rounding (improvement + EPSILON >= it). */
  minImpurityDecrease: number;
  /** A booster's floor on a split's gain (gamma, min_split_gain): a split must gain strictly more. */
  minSplitGain: number;
  /** 'best' tries every bin boundary; 'random' one drawn threshold per feature (extra trees). */
  splitter: 'best' | 'random';
  /** Symmetric trees: every node of a level takes the same split, levels up to maxDepth (CatBoost). */
  oblivious: boolean;
  /**
   * Thresholds at the global bin edges, as histogram boosters place them, rather than midway between
   * the node's own values on either side, as scikit-learn's exact CART does. The training partition
   * is the same; test values between the two differ.
   */
  binEdgeThresholds: boolean;
}

/** The limits of a fully grown scikit-learn tree; models override what their parameters set. */
export const UNLIMITED_GROWTH: Readonly<GrowthLimits> = {
  maxDepth: Infinity,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxFeatures: Infinity,
  maxLeafNodes: Infinity,
  minImpurityDecrease: 0,
  minSplitGain: -Infinity,
  splitter: 'best',
  oblivious: false,
  binEdgeThresholds: false,
};

/**
 * The one tree learner behind every tree model: grows a tree over binned features with histogram
 * split finding, for any SplitCriterion: CART trees depth-first, leaf-wise trees best-first,
 * symmetric trees level by level. One learner serves all the trees of a fit and reuses its sample
 * index array, node store and histogram buffers from tree to tree.
 */
export class TreeLearner {
  private readonly indices: Uint32Array;
  /** Room for one side of a partition. */
  private readonly scratch: Uint32Array;
  /** A team member's own features of a node, in the node's visit order (see findSplitAsTeam). */
  private readonly ownOrder: Uint32Array;
  private readonly featureOrder: Uint32Array;
  private readonly pool: HistogramPool;
  private readonly nodes: NodeStore;
  private readonly best: BestSplit;
  private readonly rightSums: Float64Array;
  private readonly width: number;
  private readonly level: ObliviousLevel;
  // Per-tree settings, set by grow().
  private criterion!: SplitCriterion;
  private scanner!: SplitScanner;
  private limits!: GrowthLimits;
  private rng!: Random;
  private treeWeight = 0;
  private minWeightLeaf = 0;
  /** How many features of featureOrder this tree may split on (all, or its column sample). */
  private nCandidates: number;

  /**
   * X is the matrix binned was made from: bins choose the split, raw values place its threshold.
   * heldHistogramBytes bounds the histograms kept by nodes waiting to be split. With a team, this
   * learner is one of several on as many threads growing the same trees (see SplitTeam): nodes
   * that scan every feature share the features out; the trees come out the same as alone.
   */
  constructor(
    private readonly X: Matrix,
    private readonly binned: BinnedFeatures,
    width: number,
    heldHistogramBytes = HELD_HISTOGRAM_BYTES,
    private readonly team: SplitTeam | null = null,
  ) {
    this.width = width;
    this.indices = new Uint32Array(binned.nRows);
    this.scratch = new Uint32Array(binned.nRows);
    this.ownOrder = new Uint32Array(binned.nFeatures);
    this.featureOrder = Uint32Array.from({ length: binned.nFeatures }, (_, f) => f);
    this.nCandidates = binned.nFeatures;
    this.pool = new HistogramPool(binned, width, heldHistogramBytes);
    this.nodes = new NodeStore(width);
    this.best = new BestSplit(width);
    this.rightSums = new Float64Array(width);
    this.level = new ObliviousLevel(binned, width);
  }

  /**
   * Grows one tree. Rows with weight 0 (left out of a bootstrap or a subsample) take no part, so
   * sample counts (min_samples_*) count distinct rows while impurities use the weights, as in
   * scikit-learn. features, when given, are the only ones the tree may split on (a booster's
   * colsample_bytree); its order does not matter.
   */
  grow(
    criterion: SplitCriterion,
    weights: Float64Array,
    limits: GrowthLimits,
    rng: Random,
    features?: Uint32Array,
  ): FlatTree {
    if (criterion.width !== this.width) throw new Error('criterion width does not match the learner');
    let n = 0;
    for (let row = 0; row < this.binned.nRows; row++) if (weights[row] > 0) this.indices[n++] = row;
    this.criterion = criterion;
    this.limits = limits;
    this.rng = rng;
    this.useFeatures(features);
    this.pool.reset(criterion, this.indices);
    this.nodes.clear();

    const root = this.nodes.add(0, n, 0);
    criterion.sumSamples(this.indices, 0, n, this.nodes.sums, 0);
    this.nodes.impurity[root] = criterion.impurity(this.nodes.sums, 0);
    this.nodes.threshold[root] = NaN;
    this.treeWeight = this.nodes.sums[WEIGHT];
    this.minWeightLeaf = limits.minWeightFractionLeaf * this.treeWeight;
    this.scanner = new SplitScanner(this.binned, criterion, {
      minSamplesLeaf: limits.minSamplesLeaf,
      minWeightLeaf: this.minWeightLeaf,
    });
    this.nodes.buffer[root] = this.pool.acquire(0, n);
    if (limits.oblivious) this.growLevels(root);
    else this.growNodes(root);
    return this.nodes.toFlatTree(criterion);
  }

  /**
   * Adds the tree just grown (with its values as they are now, after any shrinkage) to out, an
   * nRows x tree.nOutputs column-major block, for the rows it grew on: each leaf's value goes to its
   * slice of the partitioned sample indices, with no walk down the tree per row, as scikit-learn's
   * boosters update their training predictions. The partition is the split by bin code, which the
   * tree's thresholds reproduce for training values. Returns false, adding nothing, when some rows
   * took no part (weight 0, as in a subsample): they would need the walk.
   */
  addLeafValues(tree: FlatTree, out: Float64Array): boolean {
    const { nodes, indices } = this;
    const nRows = this.binned.nRows;
    if (nodes.size[0] !== nRows) return false;
    const { left, value, nOutputs } = tree;
    for (let node = 0; node < tree.nodeCount; node++) {
      if (left[node] !== LEAF) continue;
      const end = nodes.start[node] + nodes.size[node];
      for (let k = 0; k < nOutputs; k++) {
        const v = value[node * nOutputs + k];
        const column = k * nRows;
        for (let i = nodes.start[node]; i < end; i++) out[column + indices[i]] += v;
      }
    }
    return true;
  }

  private useFeatures(features: Uint32Array | undefined): void {
    const order = this.featureOrder;
    if (features) {
      order.set(features);
      this.nCandidates = features.length;
    } else {
      // Every tree starts from the same order, as each of scikit-learn's trees gets a fresh
      // splitter: the per-node shuffles then depend on the tree's own seed only, never on the
      // trees grown before it on this learner (which differ by thread in a parallel forest).
      for (let f = 0; f < order.length; f++) order[f] = f;
      this.nCandidates = order.length;
    }
  }

  /** Node by node: depth-first like scikit-learn's trees, or best-first within a leaf budget. */
  private growNodes(root: number): void {
    const frontier = new NodeFrontier(Number.isFinite(this.limits.maxLeafNodes));
    this.evaluate(root, NO_BUFFER);
    this.settle(root, frontier);
    let splitsLeft = this.limits.maxLeafNodes - 1;
    while (frontier.size > 0) {
      const node = frontier.pop();
      if (splitsLeft <= 0) {
        this.releaseBuffer(node);
        continue;
      }
      this.split(node, frontier);
      splitsLeft--;
    }
  }

  /**
   * Level by level, each level's one split chosen by the gain it brings summed over the level's
   * nodes. Every node of a level holds its histograms at once, whatever the pool's memory bound.
   * Nodes left without samples stay leaves (their value is 0 under a booster's criterion).
   */
  private growLevels(root: number): void {
    const { nodes, level, pool } = this;
    level.start(root, NO_BUFFER);
    for (let depth = 0; depth < this.limits.maxDepth && level.size > 0; depth++) {
      this.shuffleCandidates();
      const { criterion, featureOrder, nCandidates } = this;
      const split = level.bestSplit(pool, nodes, criterion, featureOrder, nCandidates, this.limits.minSplitGain);
      if (split.feature < 0) break;
      const threshold = this.binEdge(split.feature, split.bin);
      const nParents = level.advance();
      for (let i = 0; i < nParents; i++) {
        const node = level.parent(i);
        nodes.splitFeature[node] = split.feature;
        nodes.splitBin[node] = split.bin;
        nodes.threshold[node] = threshold;
        this.applySplit(node, false);
        const left = nodes.left[node];
        const right = nodes.right[node];
        if (nodes.size[left] === 0 || nodes.size[right] === 0) {
          // Every sample went one way: the non-empty child has exactly the parent's histograms.
          const full = nodes.size[left] === 0 ? right : left;
          nodes.buffer[full] = nodes.buffer[node];
          nodes.buffer[node] = NO_BUFFER;
          level.add(full, NO_BUFFER);
        } else {
          const larger = this.passBuffers(node);
          const smaller = larger === left ? right : left;
          level.add(larger, nodes.buffer[smaller]);
          level.add(smaller, NO_BUFFER);
        }
      }
    }
    const nLeaves = level.advance();
    for (let i = 0; i < nLeaves; i++) this.releaseBuffer(level.parent(i));
  }

  /** The booster's threshold above the last bin going left (see BinnedFeatures.edges). */
  private binEdge(feature: number, bin: number): number {
    return bin === 0 ? -Infinity : this.binned.edges[feature][bin - 1];
  }

  /** A random order of the candidate features, so that equal gains go to a random one. */
  private shuffleCandidates(): void {
    const order = this.featureOrder;
    for (let i = this.nCandidates - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const f = order[i];
      order[i] = order[j];
      order[j] = f;
    }
  }

  /** Applies the node's candidate split, then evaluates both children and queues those to split. */
  private split(node: number, frontier: NodeFrontier): void {
    const nodes = this.nodes;
    this.applySplit(node, true);
    const inherited = nodes.buffer[node] !== NO_BUFFER;
    const larger = this.passBuffers(node);
    const smaller = larger === nodes.left[node] ? nodes.right[node] : nodes.left[node];
    this.evaluate(larger, inherited ? nodes.buffer[smaller] : NO_BUFFER);
    this.evaluate(smaller, NO_BUFFER);
    this.settle(nodes.left[node], frontier);
    this.settle(nodes.right[node], frontier);
  }

  /**
   * Partitions the node's samples by its split, places the threshold, and adds both children with
   * their sums. `evaluated`: the split is the node's own best, whose left sums evaluate() kept.
   */
  private applySplit(node: number, evaluated: boolean): void {
    const nodes = this.nodes;
    const start = nodes.start[node];
    const size = nodes.size[node];
    const feature = nodes.splitFeature[node];
    const codes = this.binned.columns[feature];
    const nLeft = partitionByCode(this.indices, start, start + size, codes, nodes.splitBin[node], this.scratch);
    const preferred = nodes.threshold[node];
    if (!separatesBins(this.binned, feature, nodes.splitBin[node], preferred)) {
      const column = this.X.data.subarray(feature * this.X.nRows, (feature + 1) * this.X.nRows);
      nodes.threshold[node] = nodeThreshold(column, this.indices, start, start + nLeft, start + size, preferred);
    }
    const depth = nodes.depth[node] + 1;
    const left = nodes.add(start, nLeft, depth);
    const right = nodes.add(start + nLeft, size - nLeft, depth);
    nodes.left[node] = left;
    nodes.right[node] = right;
    if (evaluated && this.criterion.childSumsFromSplit) {
      this.setChildSumsFromSplit(node, left, right);
    } else {
      this.setChildSums(left);
      this.setChildSums(right);
    }
  }

  /**
   * The larger child inherits the parent's histograms and derives its own by subtraction; the
   * smaller gets a fresh buffer. Returns the larger child.
   */
  private passBuffers(node: number): number {
    const nodes = this.nodes;
    const left = nodes.left[node];
    const right = nodes.right[node];
    const larger = nodes.size[left] >= nodes.size[right] ? left : right;
    const smaller = larger === left ? right : left;
    const largerEnd = nodes.start[larger] + nodes.size[larger];
    const inherited = nodes.buffer[node];
    if (inherited === NO_BUFFER) {
      nodes.buffer[larger] = this.pool.acquire(nodes.start[larger], largerEnd);
    } else {
      nodes.buffer[larger] = inherited;
      nodes.buffer[node] = NO_BUFFER;
      this.pool.handDown(inherited, nodes.start[larger], largerEnd);
    }
    nodes.buffer[smaller] = this.pool.acquire(nodes.start[smaller], nodes.start[smaller] + nodes.size[smaller]);
    return larger;
  }

  /**
   * Sums each child over its own samples rather than as parent minus sibling, so leaf values are
   * exact means and proportions (as scikit-learn's), with no rounding carried down the tree.
   */
  private setChildSums(child: number): void {
    const { sums, impurity, start, size, threshold } = this.nodes;
    const offset = child * this.width;
    this.criterion.sumSamples(this.indices, start[child], start[child] + size[child], sums, offset);
    impurity[child] = this.criterion.impurity(sums, offset);
    threshold[child] = NaN;
  }

  /** The children's sums as the split's histograms gave them: its left sums, and the node's minus those. */
  private setChildSumsFromSplit(node: number, left: number, right: number): void {
    const { sums, splitLeft, impurity, threshold } = this.nodes;
    const width = this.width;
    for (let k = 0; k < width; k++) {
      sums[left * width + k] = splitLeft[node * width + k];
      sums[right * width + k] = sums[node * width + k] - splitLeft[node * width + k];
    }
    impurity[left] = this.criterion.impurity(sums, left * width);
    impurity[right] = this.criterion.impurity(sums, right * width);
    threshold[left] = NaN;
    threshold[right] = NaN;
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
    const { nodes, criterion } = this;
    const { maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, minSplitGain } = this.limits;
    const size = nodes.size[node];
    const offset = node * this.width;
    const weight = nodes.sums[offset + WEIGHT];
    const impurity = nodes.impurity[node];
    if (
      nodes.depth[node] >= maxDepth ||
      size < minSamplesSplit ||
      size < 2 * minSamplesLeaf ||
      weight < 2 * this.minWeightLeaf ||
      criterion.isPure(impurity)
    ) {
      return;
    }
    this.findBestSplit(node, siblingBuffer);
    const best = this.best;
    if (!best.found) return;
    for (let k = 0; k < this.width; k++) this.rightSums[k] = nodes.sums[offset + k] - best.leftSums[k];
    const improvement = criterion.improvement(this.treeWeight, nodes.sums, offset, impurity, best.leftSums, this.rightSums);
    if (improvement + EPSILON < minImpurityDecrease || !(improvement > minSplitGain)) return;
    nodes.splitFeature[node] = best.feature;
    nodes.splitBin[node] = best.bin;
    nodes.threshold[node] = this.limits.binEdgeThresholds ? this.binEdge(best.feature, best.bin) : best.threshold;
    nodes.improvement[node] = improvement;
    nodes.splitLeft.set(best.leftSums, offset);
  }

  /**
   * scikit-learn's feature sampling: draw features without replacement until maxFeatures have
   * been examined, constant ones included, but keep drawing while every one drawn was constant.
   */
  private findBestSplit(node: number, siblingBuffer: number): void {
    const { featureOrder, pool, rng, best, scanner } = this;
    const nFeatures = this.nCandidates;
    const buffer = this.nodes.buffer[node];
    const hist = pool.histogram(buffer);
    const maxFeatures = this.limits.maxFeatures;
    const random = this.limits.splitter === 'random';
    const sumsOffset = node * this.width;
    best.reset();
    if (!random && maxFeatures >= nFeatures) {
      if (this.team) {
        this.findSplitAsTeam(this.team, node, siblingBuffer);
        return;
      }
      pool.prepareAll(buffer, featureOrder, nFeatures, siblingBuffer);
    }
    let visited = 0;
    let constant = 0;
    for (let i = 0; i < nFeatures && (visited < maxFeatures || visited === constant); i++) {
      const f = this.drawFeature(i);
      visited++;
      pool.prepare(buffer, f, siblingBuffer);
      const low = pool.low(buffer, f);
      const high = pool.high(buffer, f);
      const varies = random
        ? scanner.scanRandom(hist, f, low, high, this.nodes.sums, sumsOffset, best, rng.next())
        : scanner.scan(hist, f, low, high, this.nodes.sums, sumsOffset, best);
      if (!varies) constant++;
    }
  }

  /**
   * findBestSplit of a team member when every feature is scanned: the same draws shuffle the
   * feature order as alone, this member builds and scans its own features in that order, and the
   * exchange makes the best of all members everyone's.
   */
  private findSplitAsTeam(team: SplitTeam, node: number, siblingBuffer: number): void {
    const { featureOrder, pool, best, scanner, ownOrder } = this;
    const nFeatures = this.nCandidates;
    for (let i = 0; i < nFeatures; i++) this.drawFeature(i);
    let nOwn = 0;
    for (let i = 0; i < nFeatures; i++) if (team.owns(featureOrder[i])) ownOrder[nOwn++] = featureOrder[i];
    const buffer = this.nodes.buffer[node];
    const hist = pool.histogram(buffer);
    pool.prepareAll(buffer, ownOrder, nOwn, siblingBuffer);
    let position = -1;
    for (let i = 0; i < nFeatures; i++) {
      const f = featureOrder[i];
      if (!team.owns(f)) continue;
      const before = best.proxy;
      scanner.scan(hist, f, pool.low(buffer, f), pool.high(buffer, f), this.nodes.sums, node * this.width, best);
      if (best.proxy > before) position = i;
    }
    team.exchange(best, position);
  }

  /**
   * The i-th feature a node visits: drawn from the candidates not yet visited (featureOrder[i..])
   * and swapped into place i, one rng draw each, as scikit-learn's splitter draws them.
   */
  private drawFeature(i: number): number {
    const order = this.featureOrder;
    const j = i + this.rng.int(this.nCandidates - i);
    const f = order[j];
    order[j] = order[i];
    order[i] = f;
    return f;
  }
}
