import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';

/** [0, 1): Adam's decay rates. */
const UNIT_INTERVAL_OPEN_ABOVE = { min: 0, max: 1, exclusiveMax: true };

/** scikit-learn 1.2 MLPClassifier's and MLPRegressor's names, defaults and constraints. */
export const mlpHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'hidden_layer_sizes',
    description: 'Units per hidden layer: a number for one layer, or a list such as [64, 32] for several',
    default: 100,
    int: { min: 1 },
    intList: { min: 1 },
  },
  {
    name: 'activation',
    description: 'Hidden-layer activation: identity, logistic (sigmoid), tanh or relu',
    default: 'relu',
    choices: ['identity', 'logistic', 'tanh', 'relu'],
  },
  {
    name: 'solver',
    description: '"adam" or "sgd" (mini-batch stochastic), or "lbfgs" (full-batch quasi-Newton, good on small data)',
    default: 'adam',
    choices: ['lbfgs', 'sgd', 'adam'],
  },
  { name: 'alpha', description: 'L2 penalty on the weights', default: 1e-4, float: { min: 0 } },
  {
    name: 'batch_size',
    description: 'Rows per mini-batch; "auto" is min(200, n_samples) (not used by lbfgs)',
    default: 'auto',
    choices: ['auto'],
    int: { min: 1 },
  },
  {
    name: 'learning_rate',
    description: 'sgd schedule: "constant", "invscaling" (init / t^power_t) or "adaptive" (divided by 5 when progress stalls)',
    default: 'constant',
    choices: ['constant', 'invscaling', 'adaptive'],
  },
  {
    name: 'learning_rate_init',
    description: 'Initial step size (sgd and adam)',
    default: 1e-3,
    float: { min: 0, exclusiveMin: true },
  },
  { name: 'power_t', description: 'Exponent of the invscaling schedule', default: 0.5, float: { min: 0 } },
  { name: 'max_iter', description: 'Maximum epochs (sgd, adam) or L-BFGS iterations', default: 200, int: { min: 1 } },
  { name: 'shuffle', description: 'Shuffle the rows before every epoch (sgd, adam)', default: true, bool: true },
  {
    name: 'random_state',
    description: 'Seed of the initial weights, the shuffles and the early-stopping split',
    default: null,
    int: { min: 0, max: 4294967295 },
    nullable: true,
  },
  {
    name: 'tol',
    description: 'Stop after n_iter_no_change epochs improving the loss (or validation score) by less than this',
    default: 1e-4,
    float: { min: 0 },
  },
  { name: 'momentum', description: 'Momentum of sgd', default: 0.9, float: { min: 0, max: 1 } },
  { name: 'nesterovs_momentum', description: "Use Nesterov's momentum (sgd)", default: true, bool: true },
  {
    name: 'early_stopping',
    description: 'Set validation_fraction of the rows aside, stop when their score stops improving and keep the best weights',
    default: false,
    bool: true,
  },
  {
    name: 'validation_fraction',
    description: 'Share of the rows set aside by early_stopping',
    default: 0.1,
    float: { min: 0, max: 1, exclusiveMax: true },
  },
  { name: 'beta_1', description: "Adam's decay of the first-moment estimate", default: 0.9, float: UNIT_INTERVAL_OPEN_ABOVE },
  { name: 'beta_2', description: "Adam's decay of the second-moment estimate", default: 0.999, float: UNIT_INTERVAL_OPEN_ABOVE },
  { name: 'epsilon', description: "Adam's numerical-stability term", default: 1e-8, float: { min: 0, exclusiveMin: true } },
  {
    name: 'n_iter_no_change',
    description: 'Epochs without improvement by tol before stopping (sgd, adam)',
    default: 10,
    int: { min: 1 },
  },
  { name: 'max_fun', description: 'Most loss evaluations L-BFGS may make', default: 15000, int: { min: 1 } },
];

/** Hidden layer widths from hidden_layer_sizes. */
export function hiddenLayers(params: Readonly<ResolvedParams>): number[] {
  const sizes = params.hidden_layer_sizes as number | number[];
  return Array.isArray(sizes) ? [...sizes] : [sizes];
}

/** scikit-learn's batch size: "auto" is min(200, n); a number is clipped to [1, n]. */
export function batchSize(params: Readonly<ResolvedParams>, nRows: number): number {
  const size = params.batch_size;
  return size === 'auto' ? Math.min(200, nRows) : Math.max(1, Math.min(size as number, nRows));
}
