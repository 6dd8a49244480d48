import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { treeModelSpec } from '../tree/tree-model.js';
import type { TreeTask } from '../tree/tree-params.js';
import { BoostedClassifier, BoostedRegressor, type BoosterDefinition, type BoosterImportance } from './boosted-model.js';
import type { BoostPlan } from './booster.js';
import type { BoostingLoss } from './losses.js';

/** A booster in its two forms: what they share, and what the catalogue says of each. */
export interface BoosterFamily {
  /** The model types are `${stem}_classifier` and `${stem}_regressor`. */
  stem: string;
  hyperparameters(task: TreeTask): readonly HyperparameterDef[];
  importance: BoosterImportance;
  loss(params: ResolvedParams, nClasses: number | null): BoostingLoss;
  plan(params: ResolvedParams, nRows: number, nFeatures: number, nClasses: number | null): BoostPlan;
  classifier: { description: string; aliases?: readonly string[] };
  regressor: { description: string; aliases?: readonly string[] };
}

type BoosterClass<M> = new (params?: Record<string, unknown>) => M;

/** The classifier and regressor classes of a booster family, and their catalogue entries. */
export function boosterModels(family: BoosterFamily): {
  Classifier: BoosterClass<BoostedClassifier>;
  Regressor: BoosterClass<BoostedRegressor>;
  classifierSpec: ModelSpec;
  regressorSpec: ModelSpec;
} {
  const definition = (task: TreeTask): BoosterDefinition => ({
    modelType: `${family.stem}_${task === 'classification' ? 'classifier' : 'regressor'}`,
    hyperparameters: family.hyperparameters(task),
    importance: family.importance,
    loss: family.loss,
    plan: family.plan,
  });
  const classifier = definition('classification');
  const regressor = definition('regression');
  class Classifier extends BoostedClassifier {
    constructor(params: Record<string, unknown> = {}) {
      super(classifier, params);
    }
  }
  class Regressor extends BoostedRegressor {
    constructor(params: Record<string, unknown> = {}) {
      super(regressor, params);
    }
  }
  return {
    Classifier,
    Regressor,
    classifierSpec: treeModelSpec(classifier, Classifier, { family: 'boosting', ...family.classifier }),
    regressorSpec: treeModelSpec(regressor, Regressor, { family: 'boosting', ...family.regressor }),
  };
}
