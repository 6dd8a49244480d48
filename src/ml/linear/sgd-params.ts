import type { Matrix } from '../core/matrix.js';
import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { validationSplit } from '../preprocessing/validation-split.js';
import type { SgdLearningRate, SgdOptions, SgdPenalty } from './plain-sgd.js';
import { sgdLoss } from './sgd-losses.js';

/** Where scikit-learn's SGDClassifier and SGDRegressor differ in their shared parameters. */
export interface SgdDefaults {
  losses: readonly string[];
  loss: string;
  learningRate: SgdLearningRate;
  eta0: number;
  powerT: number;
}

/** scikit-learn 1.2's SGD hyperparameters, with one estimator's defaults. */
export function sgdHyperparameters(defaults: SgdDefaults): HyperparameterDef[] {
  return [
    { name: 'loss', description: 'Loss minimised per sample', default: defaults.loss, choices: defaults.losses },
    {
      name: 'penalty',
      description: 'Regularisation: "l2", "l1" (truncated gradient), "elasticnet", or null for none',
      default: 'l2',
      choices: ['l2', 'l1', 'elasticnet'],
      nullable: true,
    },
    { name: 'alpha', description: 'Regularisation strength (and the scale of the "optimal" learning rate)', default: 1e-4, float: { min: 0 } },
    { name: 'l1_ratio', description: 'Share of L1 in the elasticnet penalty', default: 0.15, float: { min: 0, max: 1 } },
    { name: 'fit_intercept', description: 'Learn an unpenalised intercept', default: true, bool: true },
    { name: 'max_iter', description: 'Maximum number of epochs (passes over the training rows)', default: 1000, int: { min: 1 } },
    {
      name: 'tol',
      description: 'Stop after n_iter_no_change epochs without improving the loss (or validation score) by tol; null never stops early',
      default: 1e-3,
      float: {},
      nullable: true,
    },
    { name: 'shuffle', description: 'Shuffle the rows before every epoch', default: true, bool: true },
    {
      name: 'epsilon',
      description: 'Width of the huber and epsilon-insensitive losses',
      default: 0.1,
      float: { min: 0 },
    },
    {
      name: 'random_state',
      description: 'Seed of the shuffles and of the early-stopping split',
      default: null,
      int: { min: 0, max: 4294967295 },
      nullable: true,
    },
    {
      name: 'learning_rate',
      description:
        '"optimal": 1 / (alpha (t + t0)); "invscaling": eta0 / t^power_t; "constant": eta0; ' +
        '"adaptive": eta0, divided by 5 when progress stalls',
      default: defaults.learningRate,
      choices: ['constant', 'optimal', 'invscaling', 'adaptive'],
    },
    { name: 'eta0', description: 'Initial learning rate (all schedules but "optimal")', default: defaults.eta0, float: { min: 0 } },
    { name: 'power_t', description: 'Exponent of the "invscaling" schedule', default: defaults.powerT, float: {} },
    {
      name: 'early_stopping',
      description: 'Set validation_fraction of the training rows aside and stop when their score stops improving',
      default: false,
      bool: true,
    },
    {
      name: 'validation_fraction',
      description: 'Share of the training rows set aside by early_stopping',
      default: 0.1,
      float: { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
    },
    { name: 'n_iter_no_change', description: 'Epochs without improvement before stopping', default: 5, int: { min: 1 } },
    {
      name: 'average',
      description: 'true or n: return the average of the weights over the steps from the first (or the n-th) on',
      default: false,
      bool: true,
      int: { min: 0 },
    },
  ];
}

/** scikit-learn's checks that involve two parameters. */
export function checkSgdParams(params: Readonly<ResolvedParams>): void {
  if (params.learning_rate === 'optimal' && params.alpha === 0) {
    throw new InvalidHyperparameterError('alpha', "alpha must be > 0 since learning_rate is 'optimal'");
  }
  if (params.learning_rate !== 'optimal' && (params.eta0 as number) <= 0) {
    throw new InvalidHyperparameterError('eta0', `eta0 must be > 0 with learning_rate '${params.learning_rate as string}'`);
  }
}

/** The solver options of one binary (or regression) problem. */
export function sgdOptions(params: Readonly<ResolvedParams>, seed: number, onEpoch?: (epoch: number) => void): SgdOptions {
  const average = params.average;
  return {
    loss: sgdLoss(params.loss as string, params.epsilon as number),
    penalty: params.penalty as SgdPenalty,
    alpha: params.alpha as number,
    l1Ratio: params.l1_ratio as number,
    fitIntercept: params.fit_intercept as boolean,
    maxIter: params.max_iter as number,
    tol: params.tol as number | null,
    nIterNoChange: params.n_iter_no_change as number,
    shuffle: params.shuffle as boolean,
    seed,
    learningRate: params.learning_rate as SgdLearningRate,
    eta0: params.eta0 as number,
    powerT: params.power_t as number,
    average: average === true ? 1 : average === false ? 0 : (average as number),
    onEpoch,
  };
}

/**
 * The early-stopping rows (1 = validation): validation_fraction of the rows, stratified by class for
 * a classifier, as scikit-learn's _make_validation_split; null without early stopping.
 */
export function validationMask(params: Readonly<ResolvedParams>, X: Matrix, seed: number, labels?: Int32Array): Uint8Array | null {
  if (params.early_stopping !== true) return null;
  const mask = new Uint8Array(X.nRows);
  for (const row of validationSplit(X.nRows, params.validation_fraction as number, seed, labels).test) mask[row] = 1;
  return mask;
}
