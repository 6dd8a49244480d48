import { describe, expect, it } from 'vitest';
import { LEAF, type FlatTree } from './flat-tree.js';
import { meanImportances, treeImportances } from './impurity-importance.js';

/** A hand-made tree: root splits on feature 2, its left child on feature 0. */
function handTree(): FlatTree {
  return {
    nodeCount: 5,
    nOutputs: 1,
    feature: Int32Array.of(2, 0, LEAF, LEAF, LEAF),
    threshold: Float64Array.of(0.5, 1.5, 0, 0, 0),
    left: Int32Array.of(1, 3, LEAF, LEAF, LEAF),
    right: Int32Array.of(2, 4, LEAF, LEAF, LEAF),
    value: new Float64Array(5),
    impurity: Float64Array.of(0.5, 0.4, 0, 0.1, 0),
    weight: Float64Array.of(10, 6, 4, 3, 3),
  };
}

function stump(): FlatTree {
  return { ...handTree(), nodeCount: 1, feature: Int32Array.of(LEAF), left: Int32Array.of(LEAF), right: Int32Array.of(LEAF) };
}

describe('impurity importances', () => {
  it('sums each split’s weighted impurity decrease per feature, normalised to 1', () => {
    // Root: 10*0.5 - 6*0.4 - 4*0 = 2.6 to feature 2; left child: 6*0.4 - 3*0.1 - 3*0 = 2.1 to feature 0.
    const importances = treeImportances(handTree(), 3);
    expect(importances[0]).toBeCloseTo(2.1 / 4.7, 15);
    expect(importances[1]).toBe(0);
    expect(importances[2]).toBeCloseTo(2.6 / 4.7, 15);
  });

  it('averages over the trees that split, skipping single-leaf trees, as scikit-learn does', () => {
    const mean = meanImportances([handTree(), stump()], 3);
    expect(Array.from(mean)).toEqual(Array.from(treeImportances(handTree(), 3)));
  });

  it('reports zeros, never NaN, when no tree split', () => {
    expect(Array.from(meanImportances([stump(), stump()], 3))).toEqual([0, 0, 0]);
  });
});
