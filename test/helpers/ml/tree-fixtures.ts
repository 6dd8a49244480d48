import { readParityFixture } from './parity-fixture.js';
import { matrixFromRows, takeRows, type Matrix } from '../../../src/ml/core/matrix.js';

/**
 * Test support for test/fixtures/parity/trees-<dataset>.json (scripts/fixtures/trees.py): the data
 * set, its split, and scikit-learn's answers, plus the metric both sides are scored with. The
 * boosting fixtures (scripts/fixtures/boosting.py) reuse the same data and split.
 */
export interface TreeFixtureData {
  command: string;
  task: 'classification' | 'regression';
  features: string[];
  classes: string[] | null;
  X: number[][];
  y: number[];
  train: number[];
  test: number[];
}

export interface LoadedSplit<F> {
  fixture: F;
  X: Matrix;
  Xtrain: Matrix;
  Xtest: Matrix;
  ytrain: number[];
  ytest: number[];
  /** 0 for regression. */
  nClasses: number;
}

/** The data set of trees-<name>.json, split as scikit-learn split it. */
export function loadTreeData<F extends TreeFixtureData>(name: string): LoadedSplit<F> {
  const fixture = readParityFixture<F>(`trees-${name}.json`);
  const X = matrixFromRows(fixture.X);
  const pick = (rows: number[]) => rows.map((r) => fixture.y[r]);
  return {
    fixture,
    X,
    Xtrain: takeRows(X, fixture.train),
    Xtest: takeRows(X, fixture.test),
    ytrain: pick(fixture.train),
    ytest: pick(fixture.test),
    nClasses: fixture.classes?.length ?? 0,
  };
}

export function accuracy(yTrue: number[], yPred: ArrayLike<number>): number {
  return yTrue.filter((y, i) => y === yPred[i]).length / yTrue.length;
}

export function r2(yTrue: number[], yPred: ArrayLike<number>): number {
  const mean = yTrue.reduce((a, b) => a + b, 0) / yTrue.length;
  let residual = 0;
  let total = 0;
  yTrue.forEach((y, i) => {
    residual += (y - yPred[i]) ** 2;
    total += (y - mean) ** 2;
  });
  return 1 - residual / total;
}

interface AnyModel {
  predict(X: Matrix): ArrayLike<number>;
}

/** A model fitted on the training rows as its task fits, and its test score (accuracy or r2). */
export function testScore(data: LoadedSplit<TreeFixtureData>, make: (seed: number) => unknown, seed: number): number {
  const { fixture, Xtrain, ytrain, Xtest, ytest, nClasses } = data;
  const model = make(seed) as { fit: (...args: unknown[]) => AnyModel };
  const fitted =
    fixture.task === 'classification'
      ? model.fit(Xtrain, Int32Array.from(ytrain), nClasses)
      : model.fit(Xtrain, Float64Array.from(ytrain));
  const predictions = fitted.predict(Xtest);
  return fixture.task === 'classification' ? accuracy(ytest, predictions) : r2(ytest, predictions);
}

export function meanScore(data: LoadedSplit<TreeFixtureData>, make: (seed: number) => unknown, seeds: number[]): number {
  return seeds.reduce((sum, seed) => sum + testScore(data, make, seed), 0) / seeds.length;
}
