import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { accuracyScore, classificationReport, f1Score, precisionRecallF1, precisionScore, recallScore } from './classification.js';
import { rocAucOvrMacro, rocAucScore } from './roc-auc.js';

interface ClassificationCase {
  name: string;
  nClasses: number;
  averaging: 'binary' | 'macro';
  yTrue: number[];
  yPred: number[];
  proba: number[][] | null;
  expected: { accuracy: number; precision: number; recall: number; f1_score: number; auc_roc: number | null };
  sklearnAucError: string | null;
  zeroDivisionWarnings: string[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/metrics.json', import.meta.url), 'utf8'),
) as { classification: ClassificationCase[] };

// Not bit-exact: means and the trapezoid sum add in a different order than numpy's pairwise sums.
const RELATIVE_TOLERANCE = 1e-9;

function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected)));
}

describe('classificationReport matches scikit-learn 1.2.1', () => {
  for (const c of fixture.classification) {
    it(c.name, () => {
      const report = classificationReport(
        Int32Array.from(c.yTrue),
        Int32Array.from(c.yPred),
        c.proba === null ? null : matrixFromRows(c.proba),
        c.nClasses,
      );
      expect(report.averaging).toBe(c.averaging);
      for (const name of ['accuracy', 'precision', 'recall', 'f1_score', 'auc_roc'] as const) {
        expectClose(report.metrics[name], c.expected[name]);
      }
      // Exactly the metrics scikit-learn warns about get a warning, plus auc_roc whenever it is null.
      const expectedWarnings = [...c.zeroDivisionWarnings, ...(c.expected.auc_roc === null ? ['auc_roc'] : [])];
      expect(Object.keys(report.warnings).sort()).toEqual(expectedWarnings.sort());
    });
  }
});

describe('classificationReport wording', () => {
  it('names the zero-division class and the AUC reasons', () => {
    const report = classificationReport(Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 0, 0, 0), null, 2);
    expect(report.metrics.precision).toBe(0);
    expect(report.warnings.precision).toBe('no predicted samples for class 1; set to 0.0 (zero_division)');
    expect(report.warnings.auc_roc).toMatch(/no class probabilities/);

    const oneClass = classificationReport(Int32Array.of(1, 1), Int32Array.of(1, 0), matrixFromRows([[0.2, 0.8], [0.6, 0.4]]), 2);
    expect(oneClass.metrics.auc_roc).toBeNull();
    expect(oneClass.warnings.auc_roc).toBe('only one class in the test split');

    const proba = matrixFromRows([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.7, 0.2, 0.1]]);
    const absent = classificationReport(Int32Array.of(0, 1, 0), Int32Array.of(0, 1, 2), proba, 3);
    expect(absent.metrics.auc_roc).toBeNull();
    expect(absent.warnings.auc_roc).toMatch(/^class 2 has no samples in y_true/);
    expect(absent.warnings.recall).toBe('no true samples for class 2; set to 0.0 (zero_division)');
  });

  it('refuses rows that are not probabilities for one-vs-rest AUC, like scikit-learn', () => {
    const scores = matrixFromRows([[2, 0, 0], [0, 2, 0], [0, 0, 2]]);
    const report = classificationReport(Int32Array.of(0, 1, 2), Int32Array.of(0, 1, 2), scores, 3);
    expect(report.metrics.auc_roc).toBeNull();
    expect(report.warnings.auc_roc).toMatch(/sums to 2, not 1/);
    expect(() => rocAucOvrMacro(Int32Array.of(0, 1, 2), scores)).toThrow(RangeError);
  });

  it('gives no AUC from non-finite probabilities or decision values, which scikit-learn refuses', () => {
    const yTrue = Int32Array.of(0, 1, 0, 1);
    const nanProba = matrixFromRows([[NaN, NaN], [NaN, NaN], [0.5, 0.5], [0.2, 0.8]]);
    const fromProba = classificationReport(yTrue, Int32Array.of(0, 0, 0, 1), nanProba, 2);
    expect(fromProba.metrics.auc_roc).toBeNull();
    expect(fromProba.warnings.auc_roc).toBe('not computable: the model predicted 4 non-finite probabilities (infinite or NaN) on the test rows');

    const decision = matrixFromRows([[Infinity], [1], [-1], [2]]);
    const fromDecision = classificationReport(yTrue, Int32Array.of(1, 1, 0, 1), null, 2, decision);
    expect(fromDecision.metrics.auc_roc).toBeNull();
    expect(fromDecision.warnings.auc_roc).toBe('not computable: the model predicted 1 non-finite decision value (infinite or NaN) on the test rows');
  });
});

describe('single metrics', () => {
  const yTrue = Int32Array.of(0, 1, 2, 2, 1, 0, 1);
  const yPred = Int32Array.of(0, 2, 2, 2, 1, 1, 1);

  it('agree with the combined pass', () => {
    const all = precisionRecallF1(yTrue, yPred, 'macro');
    expect(precisionScore(yTrue, yPred, 'macro')).toBe(all.precision);
    expect(recallScore(yTrue, yPred, 'macro')).toBe(all.recall);
    expect(f1Score(yTrue, yPred, 'macro')).toBe(all.f1);
    expect(accuracyScore(yTrue, yPred)).toBe(5 / 7);
  });

  it('refuse binary averaging of more than two classes and mismatched lengths', () => {
    expect(() => precisionScore(yTrue, yPred, 'binary')).toThrow(/'binary' needs labels 0 and 1/);
    expect(() => accuracyScore(Int32Array.of(1), Int32Array.of(1, 0))).toThrow(RangeError);
  });
});

/** Naive reference: AUC as the probability that a random positive outscores a random negative, ties half. */
function pairwiseAuc(yTrue: Int32Array, scores: Float64Array): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 1) continue;
    for (let j = 0; j < yTrue.length; j++) {
      if (yTrue[j] === 1) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('rocAucScore', () => {
  it('equals the pairwise definition, ties included', () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + rng.int(200);
      const yTrue = new Int32Array(n);
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        yTrue[i] = rng.next() < 0.4 ? 1 : 0;
        // Few distinct levels, so most scores are tied.
        scores[i] = Math.round((yTrue[i] * 0.3 + rng.next()) * 8) / 8;
      }
      yTrue[0] = 1;
      yTrue[1] = 0;
      // Summation order differs between the two definitions.
      expect(rocAucScore(yTrue, scores)).toBeCloseTo(pairwiseAuc(yTrue, scores), 12);
    }
  });

  it('throws with a single class, as scikit-learn does', () => {
    expect(() => rocAucScore(Int32Array.of(1, 1, 1), Float64Array.of(0.1, 0.5, 0.9))).toThrow(/Only one class/);
  });
});
