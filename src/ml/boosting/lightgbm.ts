import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { RANDOM_STATE_DEF, seedOf } from '../tree/tree-params.js';
import { boosterModels } from './booster-family.js';
import { boosterThreads, FRACTION, learningRateDef, nJobsDef, roundsDef } from './booster-params.js';
import type { BoostPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss } from './losses.js';

/** LightGBM's parameters through its scikit-learn wrapper (LGBMClassifier / LGBMRegressor), with core aliases. */
const HYPERPARAMETERS: HyperparameterDef[] = [
  roundsDef('n_estimators', 100, ['num_iterations']),
  learningRateDef(0.1),
  {
    name: 'num_leaves',
    aliases: ['max_leaves'],
    description: 'Leaves per tree, grown leaf-wise (best gain first).',
    default: 31,
    int: { min: 2 },
  },
  { name: 'max_depth', description: 'Maximum depth of each tree; -1 (or 0) for no limit.', default: -1, int: { min: -1 } },
  {
    name: 'min_child_samples',
    aliases: ['min_data_in_leaf'],
    description: 'Minimum samples in each leaf.',
    default: 20,
    int: { min: 1 },
  },
  {
    name: 'min_child_weight',
    aliases: ['min_sum_hessian_in_leaf'],
    description: 'Smallest hessian sum a leaf may hold.',
    default: 1e-3,
    float: { min: 0 },
  },
  {
    name: 'min_split_gain',
    aliases: ['min_gain_to_split'],
    description: 'Smallest gain a split must bring.',
    default: 0,
    float: { min: 0 },
  },
  { name: 'reg_lambda', aliases: ['lambda_l2'], description: 'L2 penalty on leaf values.', default: 0, float: { min: 0 } },
  { name: 'reg_alpha', aliases: ['lambda_l1'], description: 'L1 penalty on leaf values.', default: 0, float: { min: 0 } },
  {
    name: 'subsample',
    aliases: ['bagging_fraction'],
    description: 'Share of the rows drawn for bagging; used only when subsample_freq > 0.',
    default: 1,
    float: FRACTION,
  },
  {
    name: 'subsample_freq',
    aliases: ['bagging_freq'],
    description: 'Draw new bagging rows every this many iterations; 0 turns bagging off.',
    default: 0,
    int: { min: 0 },
  },
  {
    name: 'colsample_bytree',
    aliases: ['feature_fraction'],
    description: 'Share of the features each tree may split on.',
    default: 1,
    float: FRACTION,
  },
  { name: 'max_bin', description: 'Histogram bins per feature.', default: MAX_BINS, int: { min: 2, max: MAX_BINS } },
  nJobsDef(['num_threads']),
  RANDOM_STATE_DEF,
];

function lightgbmPlan(params: ResolvedParams, _nRows: number, _nFeatures: number, nClasses: number | null): BoostPlan {
  const maxDepth = params.max_depth as number;
  const minChildSamples = params.min_child_samples as number;
  const subsample = params.subsample as number;
  const every = params.subsample_freq as number;
  return {
    nIterations: params.n_estimators as number,
    learningRate: params.learning_rate as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bin as number,
    limits: {
      ...UNLIMITED_GROWTH,
      maxDepth: maxDepth > 0 ? maxDepth : Infinity,
      maxLeafNodes: params.num_leaves as number,
      minSamplesLeaf: minChildSamples,
      minSamplesSplit: 2 * minChildSamples,
      minImpurityDecrease: -Infinity,
      minSplitGain: params.min_split_gain as number,
      binEdgeThresholds: true,
    },
    criterion: {
      kind: 'newton',
      regularisation: {
        lambda: params.reg_lambda as number,
        alpha: params.reg_alpha as number,
        minChildWeight: params.min_child_weight as number,
      },
    },
    // boost_from_average: regression and binary start from the prior; multiclass softmax starts from 0.
    initialRaw: nClasses !== null && nClasses > 2 ? 0 : 'prior',
    vectorLeaves: false,
    rowSampling: subsample < 1 && every > 0 ? { fraction: subsample, method: 'exact', every } : null,
    columnFraction: params.colsample_bytree as number,
    nThreads: boosterThreads(params),
    earlyStopping: null,
  };
}

const DESCRIPTION =
  "LightGBM's algorithm implemented by our own gradient-boosting engine (not the LightGBM library): leaf-wise " +
  'histogram trees with num_leaves and min_child_samples, under LightGBM\'s parameter names and defaults. ' +
  'Importance is the total split gain (LightGBM\'s importance_type="gain").';

const models = boosterModels({
  stem: 'lightgbm',
  hyperparameters: () => HYPERPARAMETERS,
  importance: 'total_gain',
  // LightGBM's softmax hessian is K/(K-1) p(1-p).
  loss: (_params, nClasses) =>
    nClasses === null ? new SquaredErrorLoss() : logLossFor(nClasses, nClasses > 1 ? nClasses / (nClasses - 1) : 1),
  plan: lightgbmPlan,
  classifier: { description: DESCRIPTION, aliases: ['lgbm_classifier'] },
  regressor: { description: DESCRIPTION, aliases: ['lgbm_regressor'] },
});

/** LightGBM's algorithm (LGBMClassifier), on our own engine. */
export const LightGBMClassifier = models.Classifier;
/** LightGBM's algorithm (LGBMRegressor), on our own engine. */
export const LightGBMRegressor = models.Regressor;
export const lightgbmClassifierSpec = models.classifierSpec;
export const lightgbmRegressorSpec = models.regressorSpec;
