import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { threadsForJobs } from '../parallel/thread-count.js';
import type { TreeTask } from '../tree/tree-params.js';

/** A share in (0, 1]: subsample, colsample_bytree and their kin. */
export const FRACTION = { min: 0, exclusiveMin: true, max: 1 } as const;

/** The loss every booster minimises: the log loss for classification, squared error for regression. */
export function lossDef(task: TreeTask): HyperparameterDef {
  return task === 'classification'
    ? {
        name: 'loss',
        description: 'Loss to minimise: the log loss (binomial, or multinomial for more than two classes).',
        default: 'log_loss',
        choices: ['log_loss'],
      }
    : {
        name: 'loss',
        description: 'Loss to minimise: squared error.',
        default: 'squared_error',
        choices: ['squared_error'],
      };
}

/** The number of boosting iterations, under the library's own name. */
export function roundsDef(name: string, defaultValue: number, aliases?: readonly string[]): HyperparameterDef {
  return {
    name,
    ...(aliases ? { aliases } : {}),
    description: 'Boosting iterations: one tree each (one per class for more than two classes, except CatBoost).',
    default: defaultValue,
    int: { min: 1 },
  };
}

/** The shrinkage of every tree's leaf values. */
export function learningRateDef(defaultValue: number, aliases?: readonly string[]): HyperparameterDef {
  return {
    name: 'learning_rate',
    ...(aliases ? { aliases } : {}),
    description: "Shrinks each tree's leaf values.",
    default: defaultValue,
    float: { min: 0, exclusiveMin: true },
  };
}

/** XGBoost's and LightGBM's thread count: null, 0 or -1 every core (their defaults), -2 all but one, a count up to the cores. */
export function nJobsDef(aliases: readonly string[]): HyperparameterDef {
  return {
    name: 'n_jobs',
    aliases,
    description:
      'Threads building each tree\'s histograms: null, 0 or -1 every core, -2 all but one, a count up to the cores. ' +
      'The model is the same whatever the count.',
    default: null,
    int: {},
    nullable: true,
  };
}

/** The threads an n_jobs of nJobsDef asks for. */
export function boosterThreads(params: ResolvedParams): number {
  const nJobs = params.n_jobs as number | null;
  return threadsForJobs(nJobs === null || nJobs === 0 ? -1 : nJobs);
}
