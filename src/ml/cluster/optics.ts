import type { Matrix } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { checkClusteringInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { metricDef, minkowskiPowerDef, resolveMetric, neighbourSearchDefs } from './distance-param.js';
import { clusterOpticsDbscan, xiClusters, xiLabels } from './optics-extract.js';
import { opticsGraph, type OpticsGraph } from './optics-graph.js';

const MODEL_TYPE = 'optics';

/** An absolute count, or a fraction of the rows (scikit-learn's int > 1 or float in (0, 1]). */
const COUNT_OR_FRACTION = { int: { min: 2 }, float: { min: 0, max: 1, exclusiveMin: true } } as const;

/** scikit-learn 1.2 names, defaults and constraints; max_eps null stands for its default np.inf. */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  {
    name: 'min_samples',
    description: 'Rows (the row itself included) within the core distance of a core point; a fraction means that share of the rows.',
    default: 5,
    ...COUNT_OR_FRACTION,
  },
  {
    name: 'max_eps',
    description: 'Largest radius searched around a point; null searches all distances (scikit-learn\'s np.inf).',
    default: null,
    float: { min: 0 },
    nullable: true,
  },
  metricDef('minkowski'),
  minkowskiPowerDef(2),
  {
    name: 'cluster_method',
    description: 'How clusters are read off the reachability plot: "xi" (steepness) or "dbscan" (a cut at eps).',
    default: 'xi',
    choices: ['xi', 'dbscan'],
  },
  { name: 'eps', description: 'The cut for cluster_method="dbscan"; null uses max_eps.', default: null, float: { min: 0 }, nullable: true },
  {
    name: 'xi',
    description: 'Least relative steepness of the reachability plot that bounds a cluster (cluster_method="xi").',
    default: 0.05,
    float: { min: 0, max: 1 },
  },
  {
    name: 'predecessor_correction',
    description: 'Shrink xi clusters whose last point was reached from outside them (Schubert and Gertz 2018).',
    default: true,
    bool: true,
  },
  {
    name: 'min_cluster_size',
    description: 'Fewest rows in an xi cluster, or a fraction of the rows; null uses min_samples.',
    default: null,
    ...COUNT_OR_FRACTION,
    nullable: true,
  },
  ...neighbourSearchDefs(['auto', 'ball_tree', 'kd_tree', 'brute'], 30),
];

export interface OpticsFit extends ClusteringFit, OpticsGraph {}

/** OPTICS: orders rows by density reachability, then extracts clusters by the Xi method or a DBSCAN cut. */
export class Optics extends ClustererBase<OpticsFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
    const { eps, max_eps: maxEps } = params;
    if (params.cluster_method === 'dbscan' && eps !== null && maxEps !== null && (eps as number) > (maxEps as number)) {
      throw new InvalidHyperparameterError('eps', `Specify an epsilon smaller than ${maxEps}. Got ${eps}.`);
    }
  }

  get reachability(): Float64Array {
    return this.requireFitted().reachability;
  }

  get ordering(): Int32Array {
    return this.requireFitted().ordering;
  }

  get coreDistances(): Float64Array {
    return this.requireFitted().coreDistances;
  }

  protected learn(X: Matrix, ctx: FitContext): OpticsFit {
    checkClusteringInput(MODEL_TYPE, X, 2);
    const n = X.nRows;
    const minSamples = countOf('min_samples', this.params.min_samples as number, n);
    const maxEps = (this.params.max_eps as number | null) ?? Infinity;
    const metric = resolveMetric(this.params.metric as string, this.params.p as number | null);
    const graph = opticsGraph(X, minSamples, maxEps, metric, ctx);
    if (this.params.cluster_method === 'dbscan') {
      return { ...graph, labels: clusterOpticsDbscan(graph, (this.params.eps as number | null) ?? maxEps) };
    }
    const minClusterSize = this.params.min_cluster_size === null ? minSamples : countOf('min_cluster_size', this.params.min_cluster_size as number, n);
    const clusters = xiClusters(graph, this.params.xi as number, minSamples, minClusterSize, this.params.predecessor_correction as boolean);
    return { ...graph, labels: xiLabels(graph.ordering, clusters) };
  }

  protected encode(fit: OpticsFit): { [key: string]: StateValue } {
    return {
      labels_: fit.labels,
      ordering_: fit.ordering,
      core_distances_: fit.coreDistances,
      reachability_: fit.reachability,
      predecessor_: fit.predecessor,
    };
  }
}

/** A count given as an integer > 1 or as a fraction of n (then at least 2), checked against n as scikit-learn does. */
function countOf(name: string, value: number, n: number): number {
  if (value > n) {
    throw new InvalidTrainingDataError(`${name} must be no greater than the number of samples (${n}). Got ${value}`);
  }
  return value <= 1 ? Math.max(2, Math.trunc(value * n)) : value;
}

export const opticsSpec = clusteringSpec<OpticsFit>({
  modelType: MODEL_TYPE,
  description: 'OPTICS: orders rows by how densely they are reachable and finds clusters of varying density; sparse rows are noise (-1).',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new Optics(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    ordering: state.int32('ordering_'),
    coreDistances: state.float64('core_distances_'),
    reachability: state.float64('reachability_'),
    predecessor: state.int32('predecessor_'),
  }),
});
