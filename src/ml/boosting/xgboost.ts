import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { RANDOM_STATE_DEF, seedOf } from '../tree/tree-params.js';
import { boosterModels } from './booster-family.js';
import { boosterThreads, FRACTION, learningRateDef, nJobsDef, roundsDef } from './booster-params.js';
import type { BoostPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss } from './losses.js';

/** XGBoost's kRtEps: a split must gain more than this, whatever gamma says. */
const RT_EPS = 1e-6;

/** XGBoost's softmax hessian is 2p(1-p). */
const SOFTMAX_HESSIAN_SCALE = 2;

/** XGBoost 1.7's parameters through its scikit-learn wrapper, with their core aliases. */
const HYPERPARAMETERS: HyperparameterDef[] = [
  roundsDef('n_estimators', 100),
  { name: 'max_depth', description: 'Maximum depth of each tree, grown depth-wise.', default: 6, int: { min: 1 } },
  learningRateDef(0.3, ['eta']),
  {
    name: 'min_child_weight',
    description: 'Smallest hessian sum a child may hold (the row count, for squared error).',
    default: 1,
    float: { min: 0 },
  },
  {
    name: 'gamma',
    aliases: ['min_split_loss'],
    description: 'Smallest loss reduction a split must bring.',
    default: 0,
    float: { min: 0 },
  },
  { name: 'reg_lambda', aliases: ['lambda'], description: 'L2 penalty on leaf weights.', default: 1, float: { min: 0 } },
  { name: 'reg_alpha', aliases: ['alpha'], description: 'L1 penalty on leaf weights.', default: 0, float: { min: 0 } },
  { name: 'subsample', description: 'Chance each row has of being used by a round\'s trees.', default: 1, float: FRACTION },
  { name: 'colsample_bytree', description: 'Share of the features each tree may split on.', default: 1, float: FRACTION },
  {
    name: 'max_bin',
    description: `Histogram bins per feature; at most ${MAX_BINS} (XGBoost allows 256, one of which is its missing bin).`,
    default: MAX_BINS,
    int: { min: 2, max: MAX_BINS },
  },
  {
    name: 'base_score',
    description: 'Starting prediction (a probability for binary classification); null for XGBoost 1.7\'s 0.5.',
    default: null,
    float: {},
    nullable: true,
  },
  nJobsDef(['nthread']),
  RANDOM_STATE_DEF,
];

/** XGBoost 1.7 starts from base_score 0.5: a raw value for regression and softmax, a probability for binary:logistic. */
function initialRaw(params: ResolvedParams, nClasses: number | null): number {
  const base = (params.base_score as number | null) ?? 0.5;
  if (nClasses !== 2) return base;
  if (!(base > 0 && base < 1)) {
    throw new InvalidHyperparameterError('base_score', 'base_score must be a probability in (0, 1) for binary classification');
  }
  return Math.log(base / (1 - base));
}

function xgboostPlan(params: ResolvedParams, _nRows: number, _nFeatures: number, nClasses: number | null): BoostPlan {
  const subsample = params.subsample as number;
  return {
    nIterations: params.n_estimators as number,
    learningRate: params.learning_rate as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bin as number,
    limits: {
      ...UNLIMITED_GROWTH,
      maxDepth: params.max_depth as number,
      minImpurityDecrease: -Infinity,
      minSplitGain: Math.max(params.gamma as number, RT_EPS),
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
    initialRaw: initialRaw(params, nClasses),
    vectorLeaves: false,
    rowSampling: subsample < 1 ? { fraction: subsample, method: 'bernoulli', every: 1 } : null,
    columnFraction: params.colsample_bytree as number,
    nThreads: boosterThreads(params),
    earlyStopping: null,
  };
}

const DESCRIPTION =
  "XGBoost's algorithm implemented by our own gradient-boosting engine (not the XGBoost library): depth-wise " +
  'second-order trees with reg_lambda, gamma and min_child_weight, under XGBoost\'s parameter names and defaults. ' +
  'Importance is XGBoost\'s "gain": the mean gain of the splits on each feature.';

const models = boosterModels({
  stem: 'xgboost',
  hyperparameters: () => HYPERPARAMETERS,
  importance: 'gain',
  loss: (_params, nClasses) => (nClasses === null ? new SquaredErrorLoss() : logLossFor(nClasses, SOFTMAX_HESSIAN_SCALE)),
  plan: xgboostPlan,
  classifier: { description: DESCRIPTION, aliases: ['xgb_classifier'] },
  regressor: { description: DESCRIPTION, aliases: ['xgb_regressor'] },
});

/** XGBoost's algorithm (XGBClassifier: binary:logistic or multi:softprob), on our own engine. */
export const XGBoostClassifier = models.Classifier;
/** XGBoost's algorithm (XGBRegressor: reg:squarederror), on our own engine. */
export const XGBoostRegressor = models.Regressor;
export const xgboostClassifierSpec = models.classifierSpec;
export const xgboostRegressorSpec = models.regressorSpec;
