import { describe, expect, it } from 'vitest';
import { InvalidHyperparameterError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { growthLimits, treeHyperparameters } from './tree-params.js';

const defs = treeHyperparameters('classification', null);
const limitsFor = (given: Record<string, unknown>, nRows = 200, nFeatures = 30) =>
  growthLimits(resolveHyperparameters('t', defs, given), nRows, nFeatures);

describe('tree hyperparameters', () => {
  it('default to a fully grown tree over every feature', () => {
    expect(limitsFor({})).toEqual({
      maxDepth: Infinity,
      minSamplesSplit: 2,
      minSamplesLeaf: 1,
      minWeightFractionLeaf: 0,
      maxFeatures: 30,
      maxLeafNodes: Infinity,
      minImpurityDecrease: 0,
      minSplitGain: -Infinity,
      splitter: 'best',
      oblivious: false,
      binEdgeThresholds: false,
    });
  });

  it('turn fractions into counts the way scikit-learn rounds them', () => {
    const limits = limitsFor({ min_samples_leaf: 0.013, min_samples_split: 0.051, max_features: 0.25 });
    expect(limits.minSamplesLeaf).toBe(3); // ceil(2.6)
    expect(limits.minSamplesSplit).toBe(11); // ceil(10.2)
    expect(limits.maxFeatures).toBe(7); // floor(7.5)
  });

  it('never let a node split into leaves smaller than min_samples_leaf', () => {
    expect(limitsFor({ min_samples_leaf: 5, min_samples_split: 2 }).minSamplesSplit).toBe(10);
  });

  it('read max_features as sqrt, log2, a count, or 1 = all features', () => {
    expect(limitsFor({ max_features: 'sqrt' }).maxFeatures).toBe(5);
    expect(limitsFor({ max_features: 'log2' }).maxFeatures).toBe(4);
    expect(limitsFor({ max_features: 12 }).maxFeatures).toBe(12);
    expect(limitsFor({ max_features: 1 }).maxFeatures).toBe(30);
    expect(limitsFor({ max_features: 0.01 }).maxFeatures).toBe(1);
    expect(() => limitsFor({ max_features: 31 })).toThrow(InvalidHyperparameterError);
  });

  it('accept exactly scikit-learn constraints', () => {
    const ok = (given: Record<string, unknown>) => expect(() => resolveHyperparameters('t', defs, given)).not.toThrow();
    const bad = (given: Record<string, unknown>) =>
      expect(() => resolveHyperparameters('t', defs, given)).toThrow(InvalidHyperparameterError);
    ok({ criterion: 'log_loss', max_depth: 1, min_samples_split: 0.999, min_samples_leaf: 0.5, max_leaf_nodes: 2 });
    ok({ min_samples_leaf: 1, max_features: 1 });
    ok({ min_weight_fraction_leaf: 0.5, min_impurity_decrease: 3, random_state: 0, max_bins: 2 });
    bad({ criterion: 'squared_error' });
    bad({ max_depth: 0 });
    bad({ min_samples_split: 0 });
    bad({ min_samples_split: 1 });
    bad({ min_samples_split: 1.5 });
    bad({ min_samples_leaf: 0 });
    bad({ min_samples_leaf: 1.5 });
    bad({ max_features: 1.5 });
    bad({ min_weight_fraction_leaf: 0.6 });
    bad({ max_features: 'auto' });
    bad({ max_leaf_nodes: 1 });
    bad({ min_impurity_decrease: -1 });
    bad({ max_bins: 256 });
    bad({ splitter: 'best' });
  });
});
