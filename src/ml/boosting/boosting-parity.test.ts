import { describe, expect, it } from 'vitest';
import { AdaBoostClassifier } from '../ensemble/ada-boost.js';
import { AdaBoostRegressor } from '../ensemble/ada-boost-regressor.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { loadTreeData, meanScore } from '../../../test/helpers/ml/tree-fixtures.js';
import { GradientBoostingClassifier, GradientBoostingRegressor } from './gradient-boosting.js';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from './hist-gradient-boosting.js';
import { LightGBMClassifier, LightGBMRegressor } from './lightgbm.js';
import { XGBoostClassifier, XGBoostRegressor } from './xgboost.js';

/** test/fixtures/parity/boosting-<dataset>.json, written by scripts/fixtures/boosting.py. */
interface BoostingFixture {
  command: string;
  models: Record<string, AnchorRun[]>;
}

/** One anchor configuration, fitted once per seed on the training rows of trees-<dataset>.json. */
interface AnchorRun {
  params: Record<string, unknown>;
  seeds: number[];
  test_scores: number[];
  test_score_mean: number;
  feature_importances_mean: number[] | null;
}

type ModelClass = new (params: Record<string, unknown>) => unknown;

interface Ours {
  classifier: ModelClass;
  regressor: ModelClass;
  /** Our parameters for the anchor's. */
  params(anchor: Record<string, unknown>): Record<string, unknown>;
}

const OURS: Record<string, Ours> = {
  gradient_boosting: { classifier: GradientBoostingClassifier, regressor: GradientBoostingRegressor, params: (p) => p },
  hist_gradient_boosting: {
    classifier: HistGradientBoostingClassifier,
    regressor: HistGradientBoostingRegressor,
    params: (p) => p,
  },
  ada_boost: { classifier: AdaBoostClassifier, regressor: AdaBoostRegressor, params: (p) => p },
  // tree_method='hist' is how we grow every tree anyway.
  xgboost: { classifier: XGBoostClassifier, regressor: XGBoostRegressor, params: ({ tree_method: _, ...p }) => p },
  // The anchor is HistGradientBoosting set up as LightGBM's defaults (see the fixture script): ours runs on its own defaults.
  lightgbm: { classifier: LightGBMClassifier, regressor: LightGBMRegressor, params: () => ({}) },
};

/**
 * Mean test scores over the anchor's seeds must agree within 0.02 (accuracy or r2). Deterministic
 * anchors (HistGradientBoosting, XGBoost without subsampling) differ from us only where equally
 * good splits are broken differently; stochastic ones also by the random draws (numpy's stream is
 * not ours), which is why their fixtures average twenty seeds.
 */
const TOLERANCE = 0.02;

/**
 * Where a measured difference is larger, and why. SAMME.R on wine drives most sample weights to
 * ~1e-16 within a few rounds; from the ninth stump on, two thresholds of feature 5 tie to 1e-16 in
 * Gini and rounding picks one (scikit-learn 1.595, we 1.57): the rest of the ensemble follows, and
 * two of the 54 test rows flip (0.833 against 0.870) whatever the seed.
 */
const MEASURED_EXCEPTIONS: Record<string, number> = { 'wine ada_boost {}': 0.04 };

for (const dataset of ['iris', 'wine', 'breast_cancer', 'diabetes']) {
  describe(`boosters on ${dataset} score like their anchors (mean over the anchor's seeds)`, () => {
    const fixture = readParityFixture<BoostingFixture>(`boosting-${dataset}.json`);
    for (const [model, ours] of Object.entries(OURS)) {
      for (const run of fixture.models[model]) {
        const label = `${dataset} ${model} ${JSON.stringify(run.params)}`;
        it(label, () => {
          const data = loadTreeData(dataset);
          const Model = data.fixture.task === 'classification' ? ours.classifier : ours.regressor;
          const params = ours.params(run.params);
          const score = meanScore(data, (seed) => new Model({ ...params, random_state: seed }), run.seeds);
          expect(Math.abs(score - run.test_score_mean)).toBeLessThanOrEqual(MEASURED_EXCEPTIONS[label] ?? TOLERANCE);
        });
      }
    }
  });
}
