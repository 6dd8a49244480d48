import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../estimator/model-spec.js';
import { classicSplit, expectSameAnswers, fitClassifier, relativeGap, rowMajor } from '../../../test/helpers/ml/classic-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { maxAbsDifference } from '../../../test/helpers/ml/parity-dataset.js';
import { bernoulliNaiveBayesSpec } from './bernoulli-nb.js';
import { gaussianNaiveBayesSpec } from './gaussian-nb.js';
import { multinomialNaiveBayesSpec } from './multinomial-nb.js';
import type { NaiveBayesBase } from './naive-bayes-base.js';

interface BayesCase {
  model: string;
  dataset: string;
  scale: string;
  params: Record<string, unknown>;
  jll: number[][];
  proba: number[][];
  predict: number[];
  scores: Record<string, number | null>;
  theta?: number[][];
  variance?: number[][];
  featureLogProb?: number[][];
  classLogPrior?: number[];
}

const fixture = readParityFixture<{ cases: BayesCase[] }>('classic-bayes.json');
const SPECS: Record<string, ModelSpec> = {
  gaussian_naive_bayes: gaussianNaiveBayesSpec,
  multinomial_naive_bayes: multinomialNaiveBayesSpec,
  bernoulli_naive_bayes: bernoulliNaiveBayesSpec,
};

describe('naive Bayes parity with scikit-learn 1.2', () => {
  it.each(fixture.cases.map((c) => [`${c.model} on ${c.dataset} (${c.scale}) ${JSON.stringify(c.params)}`, c] as const))(
    '%s',
    (_, c) => {
      const split = classicSplit(c.dataset, c.scale);
      const model = fitClassifier<NaiveBayesBase>(SPECS[c.model], split, c.params);
      const tables = model.toState().fitted as Record<string, Float64Array>;
      // Closed-form estimates (means, variances, log frequencies) summed in another order than
      // numpy's pairwise sums: measured at most 3e-16 relative, the last bit.
      if (c.theta) {
        expect(relativeGap(tables.theta, c.theta.flat())).toBeLessThan(1e-12);
        expect(relativeGap(tables.variance, c.variance!.flat())).toBeLessThan(1e-12);
      } else {
        expect(relativeGap(tables.featureLogProb, c.featureLogProb!.flat())).toBeLessThan(1e-12);
        expect(relativeGap(tables.classLogPrior, c.classLogPrior!)).toBeLessThan(1e-12);
      }
      expect(relativeGap(rowMajor(model.predictJointLogProba(split.XTest)), c.jll.flat())).toBeLessThan(1e-12);
      const proba = model.predictProba(split.XTest);
      expect(maxAbsDifference(c.proba, proba)).toBeLessThan(1e-9);
      expectSameAnswers(model, split, c);
    },
  );
});
