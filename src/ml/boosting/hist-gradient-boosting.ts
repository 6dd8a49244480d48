import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { RANDOM_STATE_DEF, seedOf, type TreeTask } from '../tree/tree-params.js';
import { boosterModels } from './booster-family.js';
import { threadsForJobs } from '../parallel/thread-count.js';
import { learningRateDef, lossDef, roundsDef } from './booster-params.js';
import type { BoostPlan, EarlyStoppingPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss } from './losses.js';

/** scikit-learn's rule for early_stopping='auto': on only above this many training rows. */
const AUTO_EARLY_STOPPING_ROWS = 10_000;

/** scikit-learn's min_hessian_to_split: a child needs at least this much hessian. */
const MIN_HESSIAN_TO_SPLIT = 1e-3;

/** scikit-learn 1.2's HistGradientBoosting parameters, with its names and defaults. */
function histGradientBoostingHyperparameters(task: TreeTask): HyperparameterDef[] {
  return [
    lossDef(task),
    learningRateDef(0.1),
    roundsDef('max_iter', 100),
    {
      name: 'max_leaf_nodes',
      description: 'Leaves per tree, grown best-first by gain; null for no limit.',
      default: 31,
      int: { min: 2 },
      nullable: true,
    },
    {
      name: 'max_depth',
      description: 'Maximum depth of each tree; null for no limit.',
      default: null,
      int: { min: 1 },
      nullable: true,
    },
    { name: 'min_samples_leaf', description: 'Minimum samples in each leaf.', default: 20, int: { min: 1 } },
    { name: 'l2_regularization', description: 'L2 penalty on leaf values.', default: 0, float: { min: 0 } },
    {
      name: 'max_bins',
      description: 'Histogram bins per feature, besides the bin for missing values.',
      default: MAX_BINS,
      int: { min: 2, max: MAX_BINS },
    },
    {
      name: 'early_stopping',
      description: `Stop when the validation loss stops improving; "auto": above ${AUTO_EARLY_STOPPING_ROWS} training rows.`,
      default: 'auto',
      choices: ['auto'],
      bool: true,
    },
    {
      name: 'scoring',
      description: 'What early stopping watches: the loss on the validation rows.',
      default: 'loss',
      choices: ['loss'],
    },
    {
      name: 'validation_fraction',
      description: 'Share of the training rows held out for early stopping (stratified for classification).',
      default: 0.1,
      float: { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true },
    },
    {
      name: 'n_iter_no_change',
      description: 'Early stopping waits this many iterations for an improvement larger than tol.',
      default: 10,
      int: { min: 1 },
    },
    { name: 'tol', description: 'Smallest validation score improvement that counts.', default: 1e-7, float: { min: 0 } },
    RANDOM_STATE_DEF,
  ];
}

function earlyStoppingPlan(params: ResolvedParams, nRows: number, nClasses: number | null): EarlyStoppingPlan | null {
  const on = params.early_stopping === 'auto' ? nRows > AUTO_EARLY_STOPPING_ROWS : params.early_stopping === true;
  if (!on) return null;
  return {
    validationFraction: params.validation_fraction as number,
    nIterNoChange: params.n_iter_no_change as number,
    tol: params.tol as number,
    stratify: nClasses !== null,
  };
}

function histGradientBoostingPlan(
  params: ResolvedParams,
  nRows: number,
  _nFeatures: number,
  nClasses: number | null,
): BoostPlan {
  const minSamplesLeaf = params.min_samples_leaf as number;
  return {
    nIterations: params.max_iter as number,
    learningRate: params.learning_rate as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bins as number,
    limits: {
      ...UNLIMITED_GROWTH,
      maxDepth: (params.max_depth as number | null) ?? Infinity,
      maxLeafNodes: (params.max_leaf_nodes as number | null) ?? Infinity,
      minSamplesLeaf,
      minSamplesSplit: 2 * minSamplesLeaf,
      minImpurityDecrease: -Infinity,
      minSplitGain: 0,
      binEdgeThresholds: true,
    },
    criterion: {
      kind: 'newton',
      regularisation: { lambda: params.l2_regularization as number, alpha: 0, minChildWeight: MIN_HESSIAN_TO_SPLIT },
    },
    initialRaw: 'prior',
    vectorLeaves: false,
    rowSampling: null,
    columnFraction: 1,
    nThreads: threadsForJobs(-1),
    earlyStopping: earlyStoppingPlan(params, nRows, nClasses),
  };
}

const DESCRIPTION = (estimator: string) =>
  `Histogram gradient boosting as scikit-learn's ${estimator}: ` +
  'leaf-wise trees of up to 31 leaves on binned features, with optional early stopping. Importance is the total ' +
  'split gain (scikit-learn 1.2 reports none for this model).';

const models = boosterModels({
  stem: 'hist_gradient_boosting',
  hyperparameters: histGradientBoostingHyperparameters,
  importance: 'total_gain',
  loss: (_params, nClasses) => (nClasses === null ? new SquaredErrorLoss() : logLossFor(nClasses)),
  plan: histGradientBoostingPlan,
  classifier: { description: DESCRIPTION('HistGradientBoostingClassifier') },
  regressor: { description: DESCRIPTION('HistGradientBoostingRegressor') },
});

/** scikit-learn's HistGradientBoostingClassifier: leaf-wise second-order trees on binned features. */
export const HistGradientBoostingClassifier = models.Classifier;
/** scikit-learn's HistGradientBoostingRegressor. */
export const HistGradientBoostingRegressor = models.Regressor;
export const histGradientBoostingClassifierSpec = models.classifierSpec;
export const histGradientBoostingRegressorSpec = models.regressorSpec;
