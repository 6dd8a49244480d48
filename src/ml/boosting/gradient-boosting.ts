import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { growthLimits, seedOf, treeHyperparameters, withOverrides, type TreeTask } from '../tree/tree-params.js';
import { boosterModels } from './booster-family.js';
import { FRACTION, learningRateDef, lossDef, roundsDef } from './booster-params.js';
import type { BoostPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss } from './losses.js';

/** scikit-learn 1.2's GradientBoosting parameters: its tree parameters, depth 3 and friedman_mse, and the boosting ones. */
function gradientBoostingHyperparameters(task: TreeTask): HyperparameterDef[] {
  return [
    lossDef(task),
    learningRateDef(0.1),
    roundsDef('n_estimators', 100),
    {
      name: 'subsample',
      description: 'Share of the rows each stage learns from, drawn without replacement (below 1: stochastic boosting).',
      default: 1,
      float: FRACTION,
    },
    ...withOverrides(treeHyperparameters('regression', null), [
      {
        name: 'criterion',
        description: 'Split quality: Friedman\'s mean squared error improvement, on the residuals.',
        default: 'friedman_mse',
        choices: ['friedman_mse'],
      },
      {
        name: 'max_depth',
        description: 'Maximum depth of each tree; null grows until leaves are pure or too small.',
        default: 3,
        int: { min: 1 },
        nullable: true,
      },
    ]),
  ];
}

function gradientBoostingPlan(params: ResolvedParams, nRows: number, nFeatures: number, nClasses: number | null): BoostPlan {
  const subsample = params.subsample as number;
  return {
    nIterations: params.n_estimators as number,
    learningRate: params.learning_rate as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bins as number,
    limits: growthLimits(params, nRows, nFeatures),
    // scikit-learn's multinomial deviance scales its Newton leaves by (K-1)/K.
    criterion: { kind: 'friedman', leafScale: nClasses !== null && nClasses > 2 ? (nClasses - 1) / nClasses : 1 },
    initialRaw: 'prior',
    vectorLeaves: false,
    rowSampling: subsample < 1 ? { fraction: subsample, method: 'exact', every: 1 } : null,
    columnFraction: 1,
    nThreads: 1,
    earlyStopping: null,
  };
}

const models = boosterModels({
  stem: 'gradient_boosting',
  hyperparameters: gradientBoostingHyperparameters,
  importance: 'gradient_boosting',
  loss: (_params, nClasses) => (nClasses === null ? new SquaredErrorLoss() : logLossFor(nClasses)),
  plan: gradientBoostingPlan,
  classifier: {
    description:
      "Gradient boosting as scikit-learn's GradientBoostingClassifier: depth-3 trees fitted in sequence to the " +
      'log loss, each correcting the ones before.',
  },
  regressor: {
    description:
      "Gradient boosting as scikit-learn's GradientBoostingRegressor: depth-3 trees fitted in sequence to the residuals.",
  },
});

/** scikit-learn's GradientBoostingClassifier: shallow friedman_mse trees on the log loss's residuals, Newton leaves. */
export const GradientBoostingClassifier = models.Classifier;
/** scikit-learn's GradientBoostingRegressor: shallow trees fitted one after the other to the residuals. */
export const GradientBoostingRegressor = models.Regressor;
export const gradientBoostingClassifierSpec = models.classifierSpec;
export const gradientBoostingRegressorSpec = models.regressorSpec;
