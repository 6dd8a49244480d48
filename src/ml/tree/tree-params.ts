import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { MAX_BINS } from './bin-mapper.js';
import { UNLIMITED_GROWTH, type GrowthLimits } from './tree-learner.js';

export type TreeTask = 'classification' | 'regression';

/**
 * The hyperparameters every tree model shares, with scikit-learn 1.2's names, defaults and
 * constraints, except that min_samples_split refuses 1 as scikit-learn 1.3 does (1.2 let the
 * integer through its fraction range and grew as if given 2). JSON cannot tell 1 from 1.0, so
 * where scikit-learn takes both a count and a fraction, an integer is a count except for
 * max_features and max_samples, where 1 reads as the fraction 1.0 ("all"): that is
 * scikit-learn's own default spelling for them, and one feature per split or a one-row bootstrap
 * is never what 1 is meant to say. min_samples_split's fraction 1.0 is therefore out of reach.
 */
export function treeHyperparameters(task: TreeTask, maxFeaturesDefault: string | number | null): HyperparameterDef[] {
  return [
    criterionDef(task),
    {
      name: 'max_depth',
      description: 'Maximum depth of a tree; null grows until leaves are pure or too small to split.',
      default: null,
      int: { min: 1 },
      nullable: true,
    },
    {
      name: 'min_samples_split',
      description:
        'Minimum samples to split a node: a count (>= 2), or a fraction of the training rows below 1 ' +
        "(JSON cannot tell 1.0 from 1, and 1 is the count scikit-learn refuses).",
      default: 2,
      int: { min: 2 },
      float: { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true },
    },
    {
      name: 'min_samples_leaf',
      description: 'Minimum samples in each leaf: a count (>= 1), or a fraction of the training rows.',
      default: 1,
      int: { min: 1 },
      float: { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true },
    },
    {
      name: 'min_weight_fraction_leaf',
      description: 'Minimum share of the total sample weight (bootstrap counts) in each leaf.',
      default: 0,
      float: { min: 0, max: 0.5 },
    },
    {
      name: 'max_features',
      description:
        'Features drawn per split: a count, a fraction of the features (1 = all), "sqrt", "log2", or null for all.',
      default: maxFeaturesDefault,
      int: { min: 1 },
      float: { min: 0, exclusiveMin: true, max: 1 },
      choices: ['sqrt', 'log2'],
      nullable: true,
    },
    {
      name: 'max_leaf_nodes',
      description: 'Maximum leaves per tree, grown best-first by impurity decrease; null for unlimited.',
      default: null,
      int: { min: 2 },
      nullable: true,
    },
    {
      name: 'min_impurity_decrease',
      description: 'Split a node only if the weighted impurity decrease is at least this much.',
      default: 0,
      float: { min: 0 },
    },
    RANDOM_STATE_DEF,
    {
      name: 'max_bins',
      description:
        'Histogram resolution per feature: up to this many distinct values, every value is a split ' +
        'candidate (exact CART); beyond, quantile bins.',
      default: MAX_BINS,
      int: { min: 2, max: MAX_BINS },
    },
  ];
}

/** The seed of every randomised tree model. */
export const RANDOM_STATE_DEF: HyperparameterDef = {
  name: 'random_state',
  description: 'Seed for feature sampling, bootstraps and subsamples; null draws a fresh seed on every fit.',
  default: null,
  int: { min: 0, max: 4294967295 },
  nullable: true,
};

/** defs with some replaced by same-named ones (another default or range), in their original order. */
export function withOverrides(
  defs: readonly HyperparameterDef[],
  overrides: readonly HyperparameterDef[],
): HyperparameterDef[] {
  return defs.map((def) => overrides.find((o) => o.name === def.name) ?? def);
}

/** scikit-learn's splitter, which its single trees take: 'random' grows an extra tree (ExtraTreeClassifier). */
export const SPLITTER_DEF: HyperparameterDef = {
  name: 'splitter',
  description: 'Split search: "best" tries every threshold; "random" draws one per feature (an extremely randomised tree).',
  default: 'best',
  choices: ['best', 'random'],
};

function criterionDef(task: TreeTask): HyperparameterDef {
  return task === 'classification'
    ? {
        name: 'criterion',
        description: 'Split quality: Gini impurity, or entropy ("log_loss" is the same, in bits).',
        default: 'gini',
        choices: ['gini', 'entropy', 'log_loss'],
      }
    : {
        name: 'criterion',
        description: 'Split quality: squared error (variance reduction).',
        default: 'squared_error',
        choices: ['squared_error'],
      };
}

/** Turns the hyperparameters into absolute limits for a training set of nRows x nFeatures. */
export function growthLimits(params: ResolvedParams, nRows: number, nFeatures: number): GrowthLimits {
  const minSamplesLeaf = countOf(params.min_samples_leaf as number, nRows, false, Math.ceil);
  const splitValue = params.min_samples_split as number;
  const minSamplesSplit = Number.isInteger(splitValue) ? splitValue : Math.max(2, Math.ceil(splitValue * nRows));
  return {
    ...UNLIMITED_GROWTH,
    maxDepth: (params.max_depth as number | null) ?? Infinity,
    minSamplesSplit: Math.max(minSamplesSplit, 2 * minSamplesLeaf),
    minSamplesLeaf,
    minWeightFractionLeaf: params.min_weight_fraction_leaf as number,
    maxFeatures: resolveMaxFeatures(params.max_features as string | number | null, nFeatures),
    maxLeafNodes: (params.max_leaf_nodes as number | null) ?? Infinity,
    minImpurityDecrease: params.min_impurity_decrease as number,
    splitter: params.splitter === 'random' ? 'random' : 'best',
  };
}

function resolveMaxFeatures(value: string | number | null, nFeatures: number): number {
  if (value === null) return nFeatures;
  if (value === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (value === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  const count = countOf(value as number, nFeatures, true, Math.floor);
  if (count > nFeatures) {
    const message = `max_features must be <= the ${nFeatures} features, got ${value}`;
    throw new InvalidHyperparameterError('max_features', message);
  }
  return Math.max(1, count);
}

/**
 * A count-or-fraction hyperparameter as a count of `total`; see treeHyperparameters for when 1
 * is a fraction. round is how scikit-learn rounds that parameter's fraction.
 */
export function countOf(value: number, total: number, oneIsAll: boolean, round: (x: number) => number): number {
  const fraction = !Number.isInteger(value) || (oneIsAll && value === 1);
  return fraction ? round(value * total) : value;
}

/** The seed for a fit: the given random_state, or a fresh one when it is null. */
export function seedOf(randomState: unknown): number {
  return typeof randomState === 'number' ? randomState : Math.floor(Math.random() * 4294967296);
}
