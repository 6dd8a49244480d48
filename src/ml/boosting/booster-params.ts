import type { HyperparameterDef } from '../estimator/hyperparameters.js';
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
