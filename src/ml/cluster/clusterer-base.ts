import { NotFittedError } from '../estimator/errors.js';
import type { Clusterer, FeatureImportance, FitContext } from '../estimator/estimator.js';
import type { Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { nearestCentres } from './assign.js';
import { checkPredictionInput } from './clustering-input.js';
import { FittedStateReader } from './fitted-state.js';

/** What every fitted clustering holds: the cluster of each training row. */
export interface ClusteringFit {
  labels: Int32Array;
}

/**
 * The part every clustering model shares: options until fit, a separate fitted state after it,
 * NotFitted before, no feature importance, and a saved state of plain values.
 */
export abstract class ClustererBase<Fit extends ClusteringFit> implements Clusterer {
  readonly task = 'clustering';
  protected fitted: Fit | null = null;

  constructor(
    readonly modelType: string,
    readonly params: Readonly<ResolvedParams>,
  ) {}

  fit(X: Matrix, ctx: FitContext = {}): this {
    this.fitted = null;
    this.fitted = this.learn(X, ctx);
    return this;
  }

  /** Cluster index of every training row (-1 for noise). */
  get labels(): Int32Array {
    return this.requireFitted().labels;
  }

  featureImportance(): FeatureImportance | null {
    return null;
  }

  toState(): ModelState {
    return { modelType: this.modelType, params: { ...this.params }, fitted: this.encode(this.requireFitted()) };
  }

  /** Installs a fitted state read back from a saved model. */
  restoreFit(fit: Fit): this {
    this.fitted = fit;
    return this;
  }

  protected abstract learn(X: Matrix, ctx: FitContext): Fit;

  protected abstract encode(fit: Fit): { [key: string]: StateValue };

  protected requireFitted(): Fit {
    if (this.fitted === null) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}

/** A clustering whose clusters are centres: new rows join the nearest one. */
export interface CentroidFit extends ClusteringFit {
  /** One row per cluster. */
  clusterCenters: Matrix;
}

export abstract class CentroidClusterer<Fit extends CentroidFit> extends ClustererBase<Fit> {
  get clusterCenters(): Matrix {
    return this.requireFitted().clusterCenters;
  }

  /** Nearest centre of each row (scikit-learn's predict). */
  predict(X: Matrix): Int32Array {
    const { clusterCenters } = this.requireFitted();
    checkPredictionInput(this.modelType, X, clusterCenters.nCols);
    return nearestCentres(X, clusterCenters);
  }
}

interface ClusteringSpecParts<Fit extends ClusteringFit> {
  modelType: string;
  aliases?: readonly string[];
  family?: string;
  description: string;
  hyperparameters: readonly HyperparameterDef[];
  checkParams?(params: Readonly<ResolvedParams>): void;
  create(params: ResolvedParams): ClustererBase<Fit>;
  decode(state: FittedStateReader): Fit;
}

/** The catalogue entry of a clustering model: no importance, scaled inputs, restored through `decode`. */
export function clusteringSpec<Fit extends ClusteringFit>(parts: ClusteringSpecParts<Fit>): ModelSpec {
  const { modelType, hyperparameters } = parts;
  return {
    modelType,
    aliases: parts.aliases ?? [],
    taskType: 'clustering',
    family: parts.family ?? 'cluster',
    description: parts.description,
    importanceMethod: null,
    needsScaling: true,
    hyperparameters,
    checkParams: parts.checkParams,
    create: (params) => parts.create(params),
    restore: (state) =>
      parts.create(resolveHyperparameters(modelType, hyperparameters, state.params)).restoreFit(parts.decode(new FittedStateReader(state))),
  };
}
