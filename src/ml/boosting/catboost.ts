import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import { UNLIMITED_GROWTH } from '../tree/tree-learner.js';
import { RANDOM_STATE_DEF, seedOf } from '../tree/tree-params.js';
import { boosterModels } from './booster-family.js';
import { learningRateDef, roundsDef } from './booster-params.js';
import type { BoostPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss } from './losses.js';

/** CatBoost's parameters, with its sklearn-style aliases. */
const HYPERPARAMETERS: HyperparameterDef[] = [
  roundsDef('iterations', 1000, ['n_estimators', 'num_boost_round', 'num_trees']),
  // CatBoost picks a learning rate from the data when none is given; 0.03 is its usual choice.
  learningRateDef(0.03, ['eta']),
  {
    name: 'depth',
    aliases: ['max_depth'],
    description: 'Depth of every (symmetric) tree.',
    default: 6,
    int: { min: 1, max: 16 },
  },
  { name: 'l2_leaf_reg', aliases: ['reg_lambda'], description: 'L2 penalty on leaf values.', default: 3, float: { min: 0 } },
  {
    name: 'border_count',
    aliases: ['max_bin'],
    description: 'Split borders per feature (bins - 1).',
    default: MAX_BINS - 1,
    int: { min: 1, max: MAX_BINS - 1 },
  },
  RANDOM_STATE_DEF,
];

function catboostPlan(params: ResolvedParams, _nRows: number, _nFeatures: number, nClasses: number | null): BoostPlan {
  return {
    nIterations: params.iterations as number,
    learningRate: params.learning_rate as number,
    seed: seedOf(params.random_state),
    maxBins: (params.border_count as number) + 1,
    limits: {
      ...UNLIMITED_GROWTH,
      maxDepth: params.depth as number,
      minImpurityDecrease: -Infinity,
      minSplitGain: 0,
      oblivious: true,
    },
    criterion: { kind: 'newton', regularisation: { lambda: params.l2_leaf_reg as number, alpha: 0, minChildWeight: 0 } },
    // boost_from_average is on for RMSE and off for Logloss and MultiClass.
    initialRaw: nClasses === null ? 'prior' : 0,
    vectorLeaves: true,
    rowSampling: null,
    columnFraction: 1,
    nThreads: 1,
    earlyStopping: null,
  };
}

const DESCRIPTION =
  "CatBoost's tree shape implemented by our own gradient-boosting engine (not the CatBoost library): symmetric " +
  '(oblivious) trees, one split per level, with depth and l2_leaf_reg under CatBoost\'s names; one leaf vector per ' +
  'class. Plain gradient boosting: no ordered boosting, no categorical statistics, no random score noise. ' +
  'Importance is the total split gain.';

const models = boosterModels({
  stem: 'catboost',
  hyperparameters: () => HYPERPARAMETERS,
  importance: 'total_gain',
  loss: (_params, nClasses) => (nClasses === null ? new SquaredErrorLoss() : logLossFor(nClasses)),
  plan: catboostPlan,
  classifier: { description: DESCRIPTION },
  regressor: { description: DESCRIPTION },
});

/** CatBoost's symmetric-tree boosting (CatBoostClassifier: Logloss or MultiClass), on our own engine. */
export const CatBoostClassifier = models.Classifier;
/** CatBoost's symmetric-tree boosting (CatBoostRegressor: RMSE), on our own engine. */
export const CatBoostRegressor = models.Regressor;
export const catboostClassifierSpec = models.classifierSpec;
export const catboostRegressorSpec = models.regressorSpec;
