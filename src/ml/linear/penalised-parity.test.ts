import { describe, expect, it } from 'vitest';
import type { Classifier, Regressor } from '../estimator/estimator.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { elasticNetSpec, lassoSpec } from './elastic-net.js';
import { ridgeClassifierSpec } from './ridge-classifier.js';
import { ridgeSpec } from './ridge.js';
import { classicSplit, createModel, expectSameAnswers, relativeGap } from '../../../test/helpers/ml/classic-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface PenalisedCase {
  model: string;
  dataset: string;
  scale: string;
  params: Record<string, unknown>;
  trainRows: number | null;
  coef: number[][];
  intercept: number[];
  nIter?: number;
  dualGap?: number;
  decision?: number[][];
  predict: number[];
  scores: Record<string, number | null>;
}

const fixture = readParityFixture<{ cases: PenalisedCase[] }>('classic-linear.json');
const SPECS: Record<string, ModelSpec> = {
  ridge: ridgeSpec,
  ridge_classifier: ridgeClassifierSpec,
  lasso: lassoSpec,
  elastic_net: elasticNetSpec,
};

function caseName(c: PenalisedCase): string {
  const rows = c.trainRows === null ? '' : ` first ${c.trainRows} rows`;
  return `${c.model} on ${c.dataset} (${c.scale})${rows} ${JSON.stringify(c.params)}`;
}

/** Our coefficients then intercepts, laid out as scikit-learn's coef_ rows and intercept_. */
function parameters(model: Classifier | Regressor): { coef: number[]; intercept: number[] } {
  const fitted = model.toState().fitted as { weights: Float64Array; hasIntercept: boolean };
  const rows = model.featureImportance()!.coefficients!;
  const nFeatures = rows[0].length;
  const stride = nFeatures + (fitted.hasIntercept ? 1 : 0);
  const intercept = rows.map((_, r) => (fitted.hasIntercept ? fitted.weights[r * stride + nFeatures] : 0));
  return { coef: rows.flat(), intercept };
}

describe('ridge, ridge classifier, lasso and elastic net: parity with scikit-learn 1.2', () => {
  it.each(fixture.cases.map((c) => [caseName(c), c] as const))('%s', (_, c) => {
    const split = classicSplit(c.dataset, c.scale, c.trainRows);
    const spec = SPECS[c.model];
    const model =
      c.model === 'ridge_classifier'
        ? createModel<Classifier>(spec, c.params).fit(split.XTrain, Int32Array.from(split.yTrain), split.nClasses)
        : createModel<Regressor>(spec, c.params).fit(split.XTrain, Float64Array.from(split.yTrain));
    const ours = parameters(model);
    // Cholesky against LAPACK's Cholesky, and coordinate descent taking scikit-learn's steps in
    // scikit-learn's order: the same numbers up to the last bits of dot products. Measured at most
    // 1.7e-12 of the largest coefficient (balanced breast cancer, alpha 0.1); the issue asks for 1e-4.
    expect(relativeGap(ours.coef, c.coef.flat())).toBeLessThan(1e-9);
    expect(relativeGap(ours.intercept, c.intercept)).toBeLessThan(1e-9);
    if (c.nIter !== undefined) expect(model.toState().fitted.nIter).toBe(c.nIter);
    expectSameAnswers(model, split, c);
  });
});
