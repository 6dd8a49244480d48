import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { binFeatures } from './bin-mapper.js';
import { ClassificationCriterion } from './classification-criterion.js';
import type { SplitCriterion } from './criterion.js';
import { addTreeOutputs, LEAF, type FlatTree } from './flat-tree.js';
import { SquaredErrorCriterion } from './regression-criterion.js';
import { NewtonCriterion } from './newton-criterion.js';
import { naiveObliviousSplits } from './oblivious-naive.js';
import { naiveBestSplit } from './split-finder-naive.js';
import { splitValue } from './threshold.js';
import { TreeLearner, UNLIMITED_GROWTH, type GrowthLimits } from './tree-learner.js';

const N_ROWS = 300;
const N_FEATURES = 4;

const X: Matrix = (() => {
  const rng = new Random(11);
  const m = createMatrix(N_ROWS, N_FEATURES);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.int(40) / 4;
  return m;
})();
// A diagonal boundary with every 7th label flipped, so trees must grow deep.
const labels = Int32Array.from({ length: N_ROWS }, (_, r) => Number(X.data[r] + X.data[N_ROWS + r] > 10) ^ Number(r % 7 === 0));
const target = Float64Array.from({ length: N_ROWS }, (_, r) => Math.sin(X.data[r]) + 0.3 * X.data[2 * N_ROWS + r]);
const ones = new Float64Array(N_ROWS).fill(1);

const UNLIMITED: GrowthLimits = { ...UNLIMITED_GROWTH, maxFeatures: N_FEATURES };

function grow(
  criterion: SplitCriterion,
  limits: Partial<GrowthLimits> = {},
  weights = ones,
  heldBytes?: number,
): FlatTree {
  const learner = new TreeLearner(X, binFeatures(X, 255, new Random(0)), criterion.width, heldBytes);
  return learner.grow(criterion, weights, { ...UNLIMITED, ...limits }, new Random(5));
}

/** The training rows reaching each node. */
function nodeMembers(tree: FlatTree): number[][] {
  const members: number[][] = Array.from({ length: tree.nodeCount }, () => []);
  for (let r = 0; r < N_ROWS; r++) {
    let node = 0;
    members[0].push(r);
    while (tree.left[node] !== LEAF) {
      const x = splitValue(X.data[tree.feature[node] * N_ROWS + r]);
      node = x > tree.threshold[node] ? tree.right[node] : tree.left[node];
      members[node].push(r);
    }
  }
  return members;
}

function depthOf(tree: FlatTree, node = 0): number {
  return tree.left[node] === LEAF ? 0 : 1 + Math.max(depthOf(tree, tree.left[node]), depthOf(tree, tree.right[node]));
}

function leaves(tree: FlatTree): number[] {
  return Array.from({ length: tree.nodeCount }, (_, i) => i).filter((i) => tree.left[i] === LEAF);
}

describe('TreeLearner', () => {
  const cases: [string, SplitCriterion][] = [
    ['gini', new ClassificationCriterion(labels, ones, 2, 'gini')],
    ['entropy', new ClassificationCriterion(labels, ones, 2, 'entropy')],
    ['squared_error', new SquaredErrorCriterion(target, ones)],
  ];

  for (const [name, criterion] of cases) {
    it(`makes every split the best one of its node (${name}, every value its own bin)`, () => {
      const tree = grow(criterion);
      const members = nodeMembers(tree);
      const limits = { minSamplesLeaf: 1, minWeightLeaf: 0 };
      for (let node = 0; node < tree.nodeCount; node++) {
        if (tree.left[node] === LEAF) continue;
        const samples = Uint32Array.from(members[node]);
        const bestProxy = Math.max(
          ...Array.from({ length: N_FEATURES }, (_, f) => naiveBestSplit(X, samples, f, criterion, limits).proxy),
        );
        const chosen = naiveBestSplit(X, samples, tree.feature[node], criterion, limits);
        // Relative 1e-12: the learner's sums come from histograms (and subtraction), in another order.
        expect(Math.abs(chosen.proxy - bestProxy)).toBeLessThanOrEqual(1e-12 * Math.abs(bestProxy));
        expect(tree.threshold[node]).toBe(chosen.threshold);
      }
    });
  }

  it('grows until leaves are pure, and stores class probabilities and sample weights per node', () => {
    const tree = grow(new ClassificationCriterion(labels, ones, 2, 'gini'));
    const members = nodeMembers(tree);
    expect(tree.weight[0]).toBe(N_ROWS);
    for (const leaf of leaves(tree)) {
      const rows = members[leaf];
      expect(tree.weight[leaf]).toBe(rows.length);
      const ones1 = rows.filter((r) => labels[r] === 1).length;
      expect(tree.value[2 * leaf + 1]).toBeCloseTo(ones1 / rows.length, 15);
      // A leaf may stay impure only when its rows cannot be told apart.
      if (tree.impurity[leaf] > 0) {
        const rowKey = (r: number) => Array.from({ length: N_FEATURES }, (_, f) => X.data[f * N_ROWS + r]).join();
        const keys = new Set(rows.map(rowKey));
        expect(keys.size).toBe(1);
      }
    }
  });

  it('honours max_depth, min_samples_leaf and min_samples_split', () => {
    const criterion = new SquaredErrorCriterion(target, ones);
    expect(depthOf(grow(criterion, { maxDepth: 3 }))).toBe(3);
    const leafy = grow(criterion, { minSamplesLeaf: 12 });
    const members = nodeMembers(leafy);
    for (const leaf of leaves(leafy)) expect(members[leaf].length).toBeGreaterThanOrEqual(12);
    const split = grow(criterion, { minSamplesSplit: 40 });
    const splitMembers = nodeMembers(split);
    for (let node = 0; node < split.nodeCount; node++) {
      if (split.left[node] !== LEAF) expect(splitMembers[node].length).toBeGreaterThanOrEqual(40);
    }
  });

  it('grows best-first to exactly max_leaf_nodes leaves, starting with the same root split', () => {
    const criterion = new ClassificationCriterion(labels, ones, 2, 'gini');
    const full = grow(criterion);
    const limited = grow(criterion, { maxLeafNodes: 6 });
    expect(leaves(limited).length).toBe(6);
    expect(limited.feature[0]).toBe(full.feature[0]);
    expect(limited.threshold[0]).toBe(full.threshold[0]);
  });

  it('grows the same tree when no waiting node may keep histograms (no subtraction at all)', () => {
    // Integer weights make every histogram sum exact, by subtraction or not, so the trees are identical.
    const criterion = new ClassificationCriterion(labels, ones, 2, 'entropy');
    for (const limits of [{}, { maxLeafNodes: 40 }]) {
      expect(grow(criterion, limits, ones, 0)).toEqual(grow(criterion, limits));
    }
  });

  it('makes a single leaf when no split decreases impurity by min_impurity_decrease', () => {
    const tree = grow(new SquaredErrorCriterion(target, ones), { minImpurityDecrease: 1e6 });
    expect(tree.nodeCount).toBe(1);
  });

  it('ignores rows of weight 0 and counts weights in impurities', () => {
    const rng = new Random(2);
    const weights = Float64Array.from({ length: N_ROWS }, () => rng.int(3));
    const tree = grow(new ClassificationCriterion(labels, weights, 2, 'gini'), {}, weights);
    expect(tree.weight[0]).toBe(weights.reduce((a, b) => a + b, 0));
    const members = nodeMembers(tree);
    for (const leaf of leaves(tree)) {
      const weighted = members[leaf].reduce((sum, r) => sum + weights[r], 0);
      expect(tree.weight[leaf]).toBe(weighted);
    }
  });
});

describe('TreeLearner, as the boosters grow trees', () => {
  const rng = new Random(21);
  const gradients = Float32Array.from({ length: 3 * N_ROWS }, () => rng.normal());
  const hessians = Float32Array.from({ length: 3 * N_ROWS }, () => 0.1 + rng.next());
  const newton = (nDims: number) =>
    new NewtonCriterion(gradients, hessians, ones, 3, 0, nDims, { lambda: 1, alpha: 0, minChildWeight: 0 });

  /** The depth of every node, root 0. */
  function depths(tree: FlatTree): number[] {
    const depth = new Array<number>(tree.nodeCount).fill(0);
    for (let node = 0; node < tree.nodeCount; node++) {
      if (tree.left[node] !== LEAF) depth[tree.left[node]] = depth[tree.right[node]] = depth[node] + 1;
    }
    return depth;
  }

  for (const nDims of [1, 3]) {
    it(`grows symmetric trees level by level like the naive reference (${nDims} output(s) per leaf)`, () => {
      // Continuous features, so no two candidate splits tie.
      const Xc = createMatrix(N_ROWS, N_FEATURES, Float64Array.from({ length: N_ROWS * N_FEATURES }, () => rng.normal()));
      const binned = binFeatures(Xc, 32, new Random(0));
      const criterion = newton(nDims);
      const tree = new TreeLearner(Xc, binned, criterion.width).grow(
        criterion,
        ones,
        // Six levels: past 16 nodes a level's buffers grow while its parents are still being split.
        { ...UNLIMITED, maxDepth: 6, minSplitGain: 0, minImpurityDecrease: -Infinity, oblivious: true },
        new Random(3),
      );
      const all = Uint32Array.from({ length: N_ROWS }, (_, r) => r);
      const expected = naiveObliviousSplits(binned, criterion, all, 6, 0);
      expect(expected.length).toBe(6);
      // Every node but the root is the child of exactly one node: no level overwrote an earlier one.
      const children = [...tree.left, ...tree.right].filter((child) => child !== LEAF).sort((a, b) => a - b);
      expect(children).toEqual(Array.from({ length: tree.nodeCount - 1 }, (_, i) => i + 1));
      const depth = depths(tree);
      expected.forEach((split, d) => {
        const level = Array.from({ length: tree.nodeCount }, (_, i) => i).filter((i) => depth[i] === d && tree.left[i] !== LEAF);
        expect(level.length).toBeGreaterThan(0);
        let gain = 0;
        for (const node of level) {
          expect(tree.feature[node]).toBe(split.feature);
          expect(tree.threshold[node]).toBe(binned.edges[split.feature][split.bin - 1]);
          const [l, r] = [tree.left[node], tree.right[node]];
          gain += tree.weight[node] * tree.impurity[node] - tree.weight[l] * tree.impurity[l] - tree.weight[r] * tree.impurity[r];
        }
        expect(gain).toBeCloseTo(split.gain, 9);
      });
      expect(tree.nOutputs).toBe(nDims);
    });
  }

  it('splits only on the features it is given (colsample_bytree)', () => {
    const criterion = newton(1);
    const learner = new TreeLearner(X, binFeatures(X, 255, new Random(0)), criterion.width);
    const tree = learner.grow(criterion, ones, { ...UNLIMITED, maxDepth: 6 }, new Random(1), Uint32Array.of(3, 1));
    const used = new Set(Array.from(tree.feature).filter((f) => f !== LEAF));
    expect([...used].sort()).toEqual([1, 3]);
    // The next tree, given no subset, may use every feature again.
    const full = learner.grow(criterion, ones, { ...UNLIMITED, maxDepth: 6 }, new Random(1));
    expect(new Set(Array.from(full.feature).filter((f) => f !== LEAF)).size).toBe(N_FEATURES);
  });

  it('puts thresholds on bin edges when asked, and splits only for more gain than minSplitGain', () => {
    const criterion = newton(1);
    const binned = binFeatures(X, 255, new Random(0));
    const learner = new TreeLearner(X, binned, criterion.width);
    const limits = { ...UNLIMITED, maxDepth: 3, minImpurityDecrease: -Infinity, minSplitGain: 0, binEdgeThresholds: true };
    const tree = learner.grow(criterion, ones, limits, new Random(1));
    for (let node = 0; node < tree.nodeCount; node++) {
      if (tree.left[node] !== LEAF) expect(Array.from(binned.edges[tree.feature[node]])).toContain(tree.threshold[node]);
    }
    const gains = Array.from({ length: tree.nodeCount }, (_, node) =>
      tree.left[node] === LEAF
        ? 0
        : tree.weight[node] * tree.impurity[node] -
          tree.weight[tree.left[node]] * tree.impurity[tree.left[node]] -
          tree.weight[tree.right[node]] * tree.impurity[tree.right[node]],
    );
    const floor = gains.filter((g) => g > 0).sort((a, b) => a - b)[1];
    const pruned = learner.grow(criterion, ones, { ...limits, minSplitGain: floor }, new Random(1));
    expect(pruned.nodeCount).toBeLessThan(tree.nodeCount);
    expect(pruned.nodeCount).toBeGreaterThan(1);
  });

  describe('adds a grown tree to the training rows from its leaves, as walking it would', () => {
    const shapes: [string, Partial<GrowthLimits>][] = [
      ['depth-first', { maxDepth: 5 }],
      ['best-first', { maxLeafNodes: 9 }],
      ['symmetric', { maxDepth: 6, minSplitGain: 0, minImpurityDecrease: -Infinity, oblivious: true }],
    ];
    for (const [name, limits] of shapes) {
      it(name, () => {
        const criterion = newton(3);
        const learner = new TreeLearner(X, binFeatures(X, 255, new Random(0)), criterion.width);
        const tree = learner.grow(criterion, ones, { ...UNLIMITED, ...limits }, new Random(2));
        const fromLeaves = new Float64Array(3 * N_ROWS).fill(0.5);
        const walked = new Float64Array(3 * N_ROWS).fill(0.5);
        expect(learner.addLeafValues(tree, fromLeaves)).toBe(true);
        addTreeOutputs(tree, X, walked);
        expect(fromLeaves).toEqual(walked);
      });
    }

    it('and declines when some rows took no part (a subsample)', () => {
      const criterion = newton(1);
      const learner = new TreeLearner(X, binFeatures(X, 255, new Random(0)), criterion.width);
      const half = Float64Array.from({ length: N_ROWS }, (_, r) => r % 2);
      const tree = learner.grow(criterion, half, { ...UNLIMITED, maxDepth: 4 }, new Random(2));
      const out = new Float64Array(N_ROWS);
      expect(learner.addLeafValues(tree, out)).toBe(false);
      expect(out.every((v) => v === 0)).toBe(true);
    });
  });
});
