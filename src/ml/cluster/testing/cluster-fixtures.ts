import { readFileSync } from 'node:fs';
import { matrixFromRows, type Matrix } from '../../core/matrix.js';
import { resolveHyperparameters } from '../../estimator/hyperparameters.js';
import type { Estimator } from '../../estimator/estimator.js';
import type { ModelSpec } from '../../estimator/model-spec.js';
import { decodeState, encodeState } from '../../estimator/state-codec.js';

/**
 * Test support for the clustering parity fixtures (scripts/fixtures/cluster_*.py): the shared data
 * sets as matrices, a fixture file by name, and a model built from its spec with given parameters.
 */
export function readClusterFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../../test/fixtures/parity/${name}`, import.meta.url), 'utf8')) as T;
}

let cached: Record<string, Matrix> | null = null;

export function clusterData(name: string): Matrix {
  if (cached === null) {
    const { data } = readClusterFixture<{ data: Record<string, number[][]> }>('cluster-data.json');
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
