import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { threadsForJobs } from '../parallel/thread-count.js';
import type { GrowPlan } from '../tree/tree-ensemble.js';
import type { TreeModelDefinition } from '../tree/tree-model.js';
import { countOf, growthLimits, seedOf, treeHyperparameters, type TreeTask } from '../tree/tree-params.js';

/**
 * What tells a random forest from extra trees, scikit-learn's two averaging forests: whether rows
 * are bootstrapped by default, and whether each split takes the best threshold or a random one.
 */
export interface ForestKind {
  bootstrapDefault: boolean;
  splitter: 'best' | 'random';
}

function forestHyperparameters(task: TreeTask, kind: ForestKind): HyperparameterDef[] {
  return [
    { name: 'n_estimators', description: 'Number of trees.', default: 100, int: { min: 1 } },
    // scikit-learn 1.2 defaults: sqrt(features) per split for classification, all of them for regression.
    ...treeHyperparameters(task, task === 'classification' ? 'sqrt' : 1),
    {
      name: 'bootstrap',
      description: 'Grow each tree on a bootstrap sample of the rows.',
      default: kind.bootstrapDefault,
      bool: true,
    },
    {
      name: 'max_samples',
      description: 'Rows drawn per bootstrap: a count, a fraction of the rows (1 = all), or null for all.',
      default: null,
      int: { min: 1 },
      float: { min: 0, exclusiveMin: true, max: 1 },
      nullable: true,
    },
    {
      name: 'n_jobs',
      description:
        'Threads growing trees at once: -1 every core, -2 all but one, null one (scikit-learn\'s None); ' +
        'a count above the cores uses the cores. The forest is the same whatever the count.',
      default: -1,
      int: {},
      nullable: true,
    },
  ];
}

function checkForestParams(params: Readonly<ResolvedParams>): void {
  if (params.n_jobs === 0) {
    throw new InvalidHyperparameterError('n_jobs', 'n_jobs == 0 has no meaning: use a count of threads, -1 for every core or null for one');
  }
  if (!params.bootstrap && params.max_samples !== null) {
    throw new InvalidHyperparameterError('max_samples', 'max_samples can only be set when bootstrap is true');
  }
}

function forestPlan(kind: ForestKind, params: ResolvedParams, nRows: number, nFeatures: number): GrowPlan {
  checkForestParams(params);
  const maxSamples = params.max_samples as number | null;
  const plan: GrowPlan = {
    nTrees: params.n_estimators as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bins as number,
    limits: { ...growthLimits(params, nRows, nFeatures), splitter: kind.splitter },
    nThreads: threadsForJobs(params.n_jobs as number | null),
  };
  if (!params.bootstrap) return plan;
  const nDraws = maxSamples === null ? nRows : Math.max(1, countOf(maxSamples, nRows, true, roundHalfEven));
  if (nDraws > nRows) {
    const message = `max_samples must be <= the ${nRows} training rows, got ${maxSamples}`;
    throw new InvalidHyperparameterError('max_samples', message);
  }
  return { ...plan, bootstrapDraws: nDraws };
}

/** Python's round(), which scikit-learn uses for a fractional max_samples. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

export function forestDefinition(modelType: string, task: TreeTask, kind: ForestKind): TreeModelDefinition {
  return {
    modelType,
    hyperparameters: forestHyperparameters(task, kind),
    checkParams: checkForestParams,
    plan: (params, nRows, nFeatures) => forestPlan(kind, params, nRows, nFeatures),
  };
}
