import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, DecisionTreeRegressor } from '../tree/decision-tree.js';
import { accuracy, loadTreeData, meanScore, type TreeFixtureData } from '../../../test/helpers/ml/tree-fixtures.js';
import { ExtraTreesClassifier, ExtraTreesRegressor } from './extra-trees.js';
import { RandomForestClassifier, RandomForestRegressor } from './random-forest.js';

/** test/fixtures/parity/trees-<dataset>.json, written by scripts/fixtures/trees.py (scikit-learn 1.2.1). */
interface TreeFixture extends TreeFixtureData {
  decision_tree: {
    seeds: number[];
    test_predictions_seed0: number[];
    tie_free_test_positions: number[];
    variants: TreeVariant[];
    test_score_mean: number;
    train_score_all_rows_seed0: number;
  };
  random_forest: ForestResults;
  extra_trees: ForestResults;
}

interface ForestResults {
  seeds: number[];
  test_score_mean: number;
  feature_importances_mean: number[];
}

/** A decision tree with non-default hyperparameters, fitted with random_state=0. */
interface TreeVariant {
  params: Record<string, unknown>;
  test_predictions_seed0: number[];
  /** Test positions whose prediction is the same for every seed, i.e. not decided by a tie. */
  tie_free_test_positions: number[];
}

const load = (name: string) => loadTreeData<TreeFixture>(name);

describe('decision trees match scikit-learn', () => {
  it('fit all of iris exactly, as scikit-learn does', () => {
    const { fixture, X, nClasses } = load('iris');
    const model = new DecisionTreeClassifier({ random_state: 0 }).fit(X, Int32Array.from(fixture.y), nClasses);
    expect(accuracy(fixture.y, model.predict(X))).toBe(fixture.decision_tree.train_score_all_rows_seed0);
    expect(fixture.decision_tree.train_score_all_rows_seed0).toBe(1);
  });

  for (const name of ['iris', 'wine', 'breast_cancer']) {
    const { decision_tree } = load(name).fixture;
    for (const variant of [{ ...decision_tree, params: {} }, ...decision_tree.variants]) {
      it(`predict the ${name} test rows like DecisionTreeClassifier(${JSON.stringify(variant.params)}), ties aside`, () => {
        const { Xtrain, ytrain, Xtest, nClasses } = load(name);
        const model = new DecisionTreeClassifier({ ...variant.params, random_state: 0 });
        const predictions = model.fit(Xtrain, Int32Array.from(ytrain), nClasses).predict(Xtest);
        // Rows whose scikit-learn prediction changes with the seed depend on which of several equally
        // good splits is taken (a random draw in both libraries), so only the others are compared.
        const positions = variant.tie_free_test_positions;
        const expected = positions.map((i) => variant.test_predictions_seed0[i]);
        expect(accuracy(expected, positions.map((i) => predictions[i]))).toBeGreaterThanOrEqual(0.97);
      });
    }
  }

  for (const variant of load('diabetes').fixture.decision_tree.variants) {
    it(`predict the diabetes test rows like DecisionTreeRegressor(${JSON.stringify(variant.params)}), ties aside`, () => {
      const { Xtrain, ytrain, Xtest } = load('diabetes');
      const model = new DecisionTreeRegressor({ ...variant.params, random_state: 0 });
      const predictions = model.fit(Xtrain, Float64Array.from(ytrain)).predict(Xtest);
      for (const i of variant.tie_free_test_positions) {
        const expected = variant.test_predictions_seed0[i];
        // Leaf means add the same targets in another order than scikit-learn, hence not bit-exact.
        expect(Math.abs(predictions[i] - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
      }
    });
  }

  it('score diabetes like DecisionTreeRegressor, over the same ten seeds', () => {
    const data = load('diabetes');
    const seeds = data.fixture.decision_tree.seeds;
    const ours = meanScore(data, (seed) => new DecisionTreeRegressor({ random_state: seed }), seeds);
    // Fully grown regression trees break many ties at random (our draws are not numpy's), and
    // single-sample leaves make r2 swing by ~0.03 from seed to seed even in scikit-learn.
    expect(Math.abs(ours - data.fixture.decision_tree.test_score_mean)).toBeLessThanOrEqual(0.05);
  });
});

const FORESTS = {
  random_forest: [RandomForestClassifier, RandomForestRegressor],
  extra_trees: [ExtraTreesClassifier, ExtraTreesRegressor],
} as const;

describe('forests match scikit-learn on the mean test score over five seeds', () => {
  for (const [kind, [Classifier, Regressor]] of Object.entries(FORESTS) as [keyof typeof FORESTS, (typeof FORESTS)[keyof typeof FORESTS]][]) {
    for (const name of ['iris', 'wine', 'breast_cancer', 'diabetes']) {
      it(`${kind} on ${name}`, () => {
        const data = load(name);
        const Model = data.fixture.task === 'classification' ? Classifier : Regressor;
        const ours = meanScore(data, (seed) => new Model({ random_state: seed }), data.fixture[kind].seeds);
        // Bootstraps, feature draws and random thresholds come from another generator than numpy's:
        // the forests are different samples of the same distribution, and 5-seed means on 45..171
        // test rows still wander by about a percent.
        expect(Math.abs(ours - data.fixture[kind].test_score_mean)).toBeLessThanOrEqual(0.02);
      });
    }
  }

  it('rank the iris petal features first, with importances summing to 1', () => {
    const { Xtrain, ytrain, nClasses, fixture } = load('iris');
    const { seeds, feature_importances_mean: expected } = fixture.random_forest;
    const mean = new Float64Array(expected.length);
    for (const seed of seeds) {
      const forest = new RandomForestClassifier({ random_state: seed }).fit(Xtrain, Int32Array.from(ytrain), nClasses);
      const { values } = forest.featureImportance();
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.min(values[2], values[3])).toBeGreaterThan(Math.max(values[0], values[1]));
      values.forEach((v, f) => (mean[f] += v / seeds.length));
    }
    // The two petal features are near-substitutes, so one forest's split of credit between them
    // moves by ~0.03 (std) from seed to seed in scikit-learn; 5-seed means agree to ~0.02.
    expected.forEach((e, f) => expect(Math.abs(mean[f] - e)).toBeLessThanOrEqual(0.05));
  });
});
