import { describe, expect, it } from 'vitest';
import type { Classifier, Regressor } from '../estimator/estimator.js';
import { maxAbsDifference } from '../../../test/helpers/ml/parity-dataset.js';
import { classicSplit, classifierScores, expectSameAnswers, fitClassifier, fitRegressor, relativeGap, type ClassicSplit } from '../../../test/helpers/ml/classic-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { svcSpec, type Svc } from './svc.js';
import { svrSpec, type Svr } from './svr.js';

interface SvmCase {
  model: 'svc' | 'svr';
  dataset: string;
  scale: string;
  params: Record<string, unknown>;
  gamma: number;
  nIter: number[];
  support: number[];
  nSupport: number[];
  dualCoef: number[][];
  intercept: number[];
  coef?: number[][];
  decision?: number[][];
  proba?: number[][];
  sigmoids?: { A: number[]; B: number[] };
  predict: number[];
  scores: Record<string, number | null>;
}

const fixture = readParityFixture<{ cases: SvmCase[] }>('classic-svm.json');

/** scikit-learn's dual_coef_ and intercept_ from our libsvm model (negated for a binary SVC, as scikit-learn does). */
function dualOf(model: Classifier | Regressor, binary: boolean): { dualCoef: number[]; intercept: number[] } {
  const fitted = model.toState().fitted as { svCoef?: Float64Array; dualCoef?: Float64Array; rho: Float64Array | number };
  const sign = binary ? -1 : 1;
  const coef = fitted.svCoef ?? fitted.dualCoef!;
  const rho = typeof fitted.rho === 'number' ? [fitted.rho] : Array.from(fitted.rho);
  return { dualCoef: Array.from(coef, (c) => sign * c), intercept: rho.map((r) => -sign * r) };
}

/**
 * Probabilities from sigmoids fitted on other cross-validation folds than libsvm's: the slopes A
 * agree to 7% (measured: 0.3% to 7%), the probabilities to 0.041 at worst (wine, linear kernel; 0.022
 * on iris, 0.026 on breast cancer), and the ranking they give, the AUC, was identical in every case.
 */
function expectCloseProbabilities(model: Svc, split: ClassicSplit, c: SvmCase, auc: number): void {
  const fitted = model.toState().fitted as { probA: Float64Array };
  c.sigmoids!.A.forEach((A, pair) => expect(Math.abs(fitted.probA[pair] - A) / Math.abs(A)).toBeLessThan(0.15));
  expect(maxAbsDifference(c.proba!, model.predictProba(split.XTest)!)).toBeLessThan(0.06);
  expect(Math.abs(classifierScores(model, split).auc_roc! - auc)).toBeLessThan(0.01);
}

describe('SVC and SVR parity with scikit-learn 1.2 (libsvm)', () => {
  it.each(fixture.cases.map((c) => [`${c.model} on ${c.dataset} (${c.scale}) ${JSON.stringify(c.params)}`, c] as const))(
    '%s',
    (_, c) => {
      const split = classicSplit(c.dataset, c.scale);
      const model =
        c.model === 'svc' ? fitClassifier<Svc>(svcSpec, split, c.params) : fitRegressor<Svr>(svrSpec, split, c.params);
      const fitted = model.toState().fitted as {
        kernel: { gamma: number };
        supportIndices: Int32Array;
        nSupport?: Int32Array;
        nIter: Int32Array | number;
      };
      expect(fitted.kernel.gamma).toBeCloseTo(c.gamma, 12);
      // The same SMO steps in the same order, on the same float32 kernel values: the same number of
      // iterations, the same support vectors, and coefficients equal up to the last bits of the kernel
      // sums (measured: bit-identical in 8 of the 18 cases, at most 5.2e-13 relative).
      expect(typeof fitted.nIter === 'number' ? [fitted.nIter] : Array.from(fitted.nIter)).toEqual(c.nIter);
      expect(Array.from(fitted.supportIndices)).toEqual(c.support);
      if (fitted.nSupport) expect(Array.from(fitted.nSupport)).toEqual(c.nSupport);
      const ours = dualOf(model, c.model === 'svc' && split.nClasses === 2);
      expect(relativeGap(ours.dualCoef, c.dualCoef.flat())).toBeLessThan(1e-9);
      expect(relativeGap(ours.intercept, c.intercept)).toBeLessThan(1e-9);
      if (c.coef) expect(relativeGap(model.featureImportance()!.coefficients!.flat(), c.coef.flat())).toBeLessThan(1e-9);
      else expect(model.featureImportance()).toBeNull();
      // Platt's sigmoids come from a random 5-fold cross-validation, whose folds differ from libsvm's:
      // the probabilities (and the AUC read from them) are compared separately below.
      const { auc_roc: aucFromProbabilities, ...otherScores } = c.scores;
      expectSameAnswers(model, split, c.sigmoids ? { ...c, scores: otherScores } : c);
      if (c.sigmoids) expectCloseProbabilities(model as Svc, split, c, aucFromProbabilities!);
    },
  );
});
