import type { SplitCriterion } from './criterion.js';
import { LEAF, type FlatTree } from './flat-tree.js';

type Column = Uint32Array | Int32Array | Float64Array;

/**
 * The tree while it grows: one growable typed array per node field, so adding a node allocates
 * nothing once the capacity is reached. A node is evaluated (its best split found) as soon as it
 * is created; the candidate split waits here until the builder decides to apply it.
 */
export class NodeStore {
  count = 0;
  private capacity = 0;
  start = new Uint32Array(0);
  size = new Uint32Array(0);
  depth = new Int32Array(0);
  /** Histogram buffer held while the node waits in the frontier, or -1. */
  buffer = new Int32Array(0);
  impurity = new Float64Array(0);
  /** The node's sum vector, criterion.width per node. */
  sums = new Float64Array(0);
  /** The left child's sums of the node's best split, as its histograms gave them; criterion.width per node. */
  splitLeft = new Float64Array(0);
  splitFeature = new Int32Array(0);
  splitBin = new Int32Array(0);
  threshold = new Float64Array(0);
  improvement = new Float64Array(0);
  left = new Int32Array(0);
  right = new Int32Array(0);

  constructor(private readonly width: number) {
    this.reserve(64);
  }

  clear(): void {
    this.count = 0;
  }

  add(start: number, size: number, depth: number): number {
    if (this.count === this.capacity) this.reserve(2 * this.capacity);
    const id = this.count++;
    this.start[id] = start;
    this.size[id] = size;
    this.depth[id] = depth;
    this.buffer[id] = -1;
    this.splitFeature[id] = LEAF;
    this.left[id] = LEAF;
    this.right[id] = LEAF;
    return id;
  }

  /** Trims the nodes into a FlatTree; a node never split (even with a candidate) is a leaf. */
  toFlatTree(criterion: SplitCriterion): FlatTree {
    const n = this.count;
    const nOutputs = criterion.nOutputs;
    const feature = this.splitFeature.slice(0, n);
    const left = this.left.slice(0, n);
    const weight = new Float64Array(n);
    const value = new Float64Array(n * nOutputs);
    for (let i = 0; i < n; i++) {
      if (left[i] === LEAF) feature[i] = LEAF;
      weight[i] = this.sums[i * this.width + 1];
      criterion.nodeValue(this.sums, i * this.width, value, i * nOutputs);
    }
    return {
      nodeCount: n,
      nOutputs,
      feature,
      threshold: this.threshold.slice(0, n),
      left,
      right: this.right.slice(0, n),
      value,
      impurity: this.impurity.slice(0, n),
      weight,
    };
  }

  private reserve(capacity: number): void {
    const w = this.width;
    this.start = resized(this.start, capacity);
    this.size = resized(this.size, capacity);
    this.depth = resized(this.depth, capacity);
    this.buffer = resized(this.buffer, capacity);
    this.impurity = resized(this.impurity, capacity);
    this.sums = resized(this.sums, capacity * w);
    this.splitLeft = resized(this.splitLeft, capacity * w);
    this.splitFeature = resized(this.splitFeature, capacity);
    this.splitBin = resized(this.splitBin, capacity);
    this.threshold = resized(this.threshold, capacity);
    this.improvement = resized(this.improvement, capacity);
    this.left = resized(this.left, capacity);
    this.right = resized(this.right, capacity);
    this.capacity = capacity;
  }
}

function resized<T extends Column>(values: T, length: number): T {
  const out = new (values.constructor as new (length: number) => T)(length);
  out.set(values);
  return out;
}
