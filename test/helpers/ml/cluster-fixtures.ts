import { readParityFixture } from './parity-fixture.js';
import { matrixFromRows, type Matrix } from '../../../src/ml/core/matrix.js';
import { resolveHyperparameters } from '../../../src/ml/estimator/hyperparameters.js';
import type { Estimator } from '../../../src/ml/estimator/estimator.js';
import type { ModelSpec } from '../../../src/ml/estimator/model-spec.js';
import { decodeState, encodeState } from '../../../src/ml/estimator/state-codec.js';

/**
 * Test support for the clustering parity fixtures (scripts/fixtures/cluster_*.py): the shared data
 * sets as matrices and a model built from its spec with given parameters.
 */

let cached: Record<string, Matrix> | null = null;

export function clusterData(name: string): Matrix {
  if (cached === null) {
    const { data } = readParityFixture<{ data: Record<string, number[][]> }>('cluster-data.json');
    cached = Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, matrixFromRows(rows)]));
  }
  const X = cached[name];
  if (!X) throw new Error(`no data set '${name}' in cluster-data.json`);
  return X;
}

export function createFromSpec<T>(spec: ModelSpec, given: Record<string, unknown> = {}): T {
  return spec.create(resolveHyperparameters(spec.modelType, spec.hyperparameters, given)) as T;
}

/** A fitted model saved to JSON and restored, as a model file would do it. */
export function roundTrip<T>(spec: ModelSpec, model: Estimator): T {
  return spec.restore(decodeState(JSON.parse(JSON.stringify(encodeState(model.toState()))))) as T;
}
