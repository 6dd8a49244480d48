import { describe, expect, it } from 'vitest';
import { matrixFromRows, takeRows } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { expectationMaximisation, meanLogLikelihood } from './expectation-maximisation.js';
import { GaussianMixture, gaussianMixtureSpec } from './gaussian-mixture.js';
import type { CovarianceType } from './gaussian-parameters.js';
import { mostLikelyComponent, weightedLogProb } from './gaussian-log-prob.js';

interface FromKMeansCase {
  dataset: string;
  nComponents: number;
  covarianceType: CovarianceType;
  initialLabels: number[];
  weights: number[];
  means: number[];
  covariances: number[];
  lowerBound: number;
  nIter: number;
  converged: boolean;
  labels: number[];
  score: number;
}

interface SeededCase {
  dataset: string;
  nComponents: number;
  covarianceType: CovarianceType;
  scoreMean: number;
}

const { gaussianMixture } = readParityFixture<{ gaussianMixture: { fromKMeans: FromKMeansCase[]; seeded: SeededCase[] } }>(
  'cluster-mixture.json',
);
const model = (params: Record<string, unknown>) => createFromSpec<GaussianMixture>(gaussianMixtureSpec, params);

function expectClose(actual: ArrayLike<number>, expected: number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(Math.abs(actual[i] - value)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(value))));
}

describe("EM from scikit-learn's starting point reaches scikit-learn's mixture", () => {
  it.each(gaussianMixture.fromKMeans.map((c) => [`${c.dataset} k=${c.nComponents} ${c.covarianceType}`, c] as const))('%s', (_name, c) => {
    const X = clusterData(c.dataset);
    const n = X.nRows;
    const resp = new Float64Array(n * c.nComponents);
    c.initialLabels.forEach((label, i) => (resp[label * n + i] = 1));
    const run = expectationMaximisation(X, resp, c.nComponents, { covarianceType: c.covarianceType, regCovar: 1e-6, tol: 1e-3, maxIter: 100 });
    expect(run.nIter).toBe(c.nIter);
    expect(run.converged).toBe(c.converged);
    // The same EM steps with sums in other orders (BLAS, numpy's pairwise sums): agreement to
    // about 1e-9 relative over up to 100 iterations.
    expect(Math.abs(run.lowerBound - c.lowerBound)).toBeLessThanOrEqual(1e-9 * Math.abs(c.lowerBound));
    expectClose(run.params.weights, c.weights, 1e-8);
    expectClose(run.params.means, c.means, 1e-8);
    expectClose(run.params.covariances, c.covariances, 1e-7);
    expect(Math.abs(meanLogLikelihood(X, run.params) - c.score)).toBeLessThanOrEqual(1e-9 * Math.abs(c.score));
    expect(Array.from(mostLikelyComponent(weightedLogProb(X, run.params), n, c.nComponents))).toEqual(c.labels);
  });
});

describe('GaussianMixture fits as well as scikit-learn', () => {
  it.each(gaussianMixture.seeded.map((c) => [`${c.dataset} k=${c.nComponents} ${c.covarianceType}`, c] as const))(
    '%s: mean log-likelihood over 30 seeds within 1%',
    (_name, c) => {
      const X = clusterData(c.dataset);
      let total = 0;
      for (let seed = 0; seed < 30; seed++) {
        total += model({ n_components: c.nComponents, covariance_type: c.covarianceType, random_state: seed }).fit(X).score(X);
      }
      // Our k-means starts differ from numpy's draws, so single fits land in other local optima;
      // averaged over the same number of seeds the likelihoods agree to well within 1%.
      expect(Math.abs(total / 30 - c.scoreMean)).toBeLessThanOrEqual(0.01 * Math.abs(c.scoreMean));
    },
  );
});

describe('GaussianMixture contract', () => {
  const iris = clusterData('iris');

  it('predicts the training labels, row by row as in a batch, for every init', () => {
    for (const init of ['kmeans', 'k-means++', 'random', 'random_from_data']) {
      const fit = model({ n_components: 3, init_params: init, random_state: 1 }).fit(iris);
      expect(fit.predict(iris)).toEqual(fit.labels);
      expect(fit.predict(takeRows(iris, [77]))[0]).toBe(fit.labels[77]);
      expect(Math.abs(fit.mixture.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it('keeps the best of n_init starts and reproduces a seed', () => {
    const one = model({ n_components: 3, random_state: 5, init_params: 'random' }).fit(iris);
    const five = model({ n_components: 3, random_state: 5, init_params: 'random', n_init: 5 }).fit(iris);
    expect(five.lowerBound).toBeGreaterThanOrEqual(one.lowerBound);
    expect(model({ n_components: 3, random_state: 5, init_params: 'random' }).fit(iris).labels).toEqual(one.labels);
  });

  it('max_iter 0 keeps the initial mixture and saves its -Infinity lower bound', () => {
    const fit = model({ n_components: 2, max_iter: 0, random_state: 0 }).fit(iris);
    expect(fit.lowerBound).toBe(-Infinity);
    const restored = roundTrip<GaussianMixture>(gaussianMixtureSpec, fit);
    expect(restored.lowerBound).toBe(-Infinity);
  });

  it("refuses what scikit-learn refuses, with its message", () => {
    expect(() => model({ n_components: 4 }).fit(takeRows(iris, [0, 1, 2]))).toThrow(
      'Expected n_samples >= n_components but got n_components = 4, n_samples = 3',
    );
    // Two identical rows per component and no regularisation: a singular covariance.
    const collapsed = matrixFromRows([[0, 0], [0, 0], [5, 5], [5, 5]]);
    expect(() => model({ n_components: 2, reg_covar: 0, random_state: 0 }).fit(collapsed)).toThrow(InvalidTrainingDataError);
    expect(() => model({ n_components: 2, reg_covar: 0, random_state: 0 }).fit(collapsed)).toThrow(/ill-defined empirical covariance/);
  });

  it('is NotFitted before fit and round-trips through the state codec for every covariance type', () => {
    expect(() => model({}).predict(iris)).toThrow(NotFittedError);
    for (const covarianceType of ['full', 'tied', 'diag', 'spherical']) {
      const fit = model({ n_components: 3, covariance_type: covarianceType, random_state: 2 }).fit(iris);
      const restored = roundTrip<GaussianMixture>(gaussianMixtureSpec, fit);
      expect(restored.predict(iris)).toEqual(fit.predict(iris));
      expect(restored.score(iris)).toBe(fit.score(iris));
      expect(adjustedRandScore(restored.labels, fit.labels)).toBe(1);
    }
  });

  it("declares scikit-learn's defaults", () => {
    expect(resolveHyperparameters('gaussian_mixture', gaussianMixtureSpec.hyperparameters, {})).toEqual({
      n_components: 1, covariance_type: 'full', tol: 1e-3, reg_covar: 1e-6, max_iter: 100, n_init: 1, init_params: 'kmeans', random_state: null,
    });
  });
});
