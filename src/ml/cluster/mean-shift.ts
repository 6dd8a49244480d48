import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { reducedDistance, reducedDistanceBlock } from '../kernels/distances.js';
import { EUCLIDEAN, nearestCentres, squaredDistanceToCentre } from './assign.js';
import { binSeeds, estimateBandwidth, rowsOf } from './bandwidth.js';
import { checkClusteringInput } from './clustering-input.js';
import { CentroidClusterer, clusteringSpec, type CentroidFit } from './clusterer-base.js';
import { matrixState } from './fitted-state.js';

const MODEL_TYPE = 'mean_shift';

/** scikit-learn 1.2 names, defaults and constraints (no explicit seeds). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  {
    name: 'bandwidth',
    description: 'Radius of the flat kernel; null estimates it like scikit-learn\'s estimate_bandwidth (quantile 0.3).',
    default: null,
    float: { min: 0, exclusiveMin: true },
    nullable: true,
  },
  {
    name: 'bin_seeding',
    description: 'Start from grid cells of size bandwidth that hold rows, instead of from every row (much faster on large data).',
    default: false,
    bool: true,
  },
  { name: 'min_bin_freq', description: 'Fewest rows a grid cell needs to become a seed (with bin_seeding).', default: 1, int: { min: 1 } },
  {
    name: 'cluster_all',
    description: 'Assign every row to its nearest mode; false labels rows farther than bandwidth from every mode as noise (-1).',
    default: true,
    bool: true,
  },
  { name: 'max_iter', description: 'Most mean-shift steps per seed.', default: 300, int: { min: 0 } },
];

/** clusterCenters: the modes found, densest first. */
export interface MeanShiftFit extends CentroidFit {
  bandwidth: number;
  nIter: number;
}

/** Mean shift (Comaniciu and Meer 2002) with a flat kernel: seeds climb to density modes; near-duplicate modes merge. */
export class MeanShift extends CentroidClusterer<MeanShiftFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  get bandwidth(): number {
    return this.requireFitted().bandwidth;
  }

  protected learn(X: Matrix, ctx: FitContext): MeanShiftFit {
    checkClusteringInput(MODEL_TYPE, X);
    const bandwidth = (this.params.bandwidth as number | null) ?? estimateBandwidth(X);
    const seeds = this.params.bin_seeding ? binSeeds(X, bandwidth, this.params.min_bin_freq as number) : rowsOf(X);
    const modes = new Map<string, Mode>();
    let nIter = 0;
    const climber = new Climber(X, bandwidth, this.params.max_iter as number);
    seeds.forEach((seed, s) => {
      const mode = climber.climb(seed);
      nIter = Math.max(nIter, mode.iterations);
      // Seeds that reach bit-identical modes are one mode, as scikit-learn's dict keyed by the mode tuple makes them.
      if (mode.intensity > 0) modes.set(mode.centre.join(','), mode);
      if ((s & 63) === 63) ctx.onProgress?.(s / seeds.length);
    });
    if (modes.size === 0) {
      throw new InvalidTrainingDataError(
        `No point was within bandwidth=${bandwidth} of any seed. Try a different seeding strategy or increase the bandwidth.`,
      );
    }
    const clusterCenters = distinctModes([...modes.values()], bandwidth, X.nCols);
    let labels = nearestCentres(X, clusterCenters);
    if (!this.params.cluster_all) labels = labelsWithinBandwidth(X, clusterCenters, labels, bandwidth);
    return { labels, clusterCenters, bandwidth, nIter };
  }

  protected encode(fit: MeanShiftFit): { [key: string]: StateValue } {
    return {
      labels_: fit.labels,
      cluster_centers_: matrixState(fit.clusterCenters),
      bandwidth: fit.bandwidth,
      n_iter_: fit.nIter,
    };
  }
}

interface Mode {
  centre: Float64Array;
  /** Rows within bandwidth of the mode. */
  intensity: number;
  iterations: number;
}

/** Moves a point to the mean of the rows within bandwidth until it moves less than bandwidth / 1000. */
class Climber {
  private readonly distances: Float64Array;
  private readonly radius: number;

  constructor(
    private readonly X: Matrix,
    private readonly bandwidth: number,
    private readonly maxIter: number,
  ) {
    this.distances = new Float64Array(X.nRows);
    this.radius = bandwidth * bandwidth;
  }

  climb(seed: Float64Array): Mode {
    const { X, distances } = this;
    const stop = 1e-3 * this.bandwidth;
    let mean = seed;
    let intensity = 0;
    let iterations = 0;
    for (;;) {
      reducedDistanceBlock(EUCLIDEAN, X.nCols, mean, 1, 0, 1, X.data, X.nRows, distances);
      const next = new Float64Array(X.nCols);
      intensity = 0;
      for (let i = 0; i < X.nRows; i++) {
        if (distances[i] > this.radius) continue;
        intensity++;
        for (let f = 0; f < X.nCols; f++) next[f] += X.data[f * X.nRows + i];
      }
      if (intensity === 0) break;
      for (let f = 0; f < X.nCols; f++) next[f] /= intensity;
      let shift = 0;
      for (let f = 0; f < X.nCols; f++) shift += (next[f] - mean[f]) ** 2;
      mean = next;
      if (Math.sqrt(shift) < stop || iterations === this.maxIter) break;
      iterations++;
    }
    return { centre: mean, intensity, iterations };
  }
}

/**
 * Modes sorted by intensity, then by their coordinates, both descending (scikit-learn's order);
 * each mode kept removes every later mode within bandwidth of it.
 */
function distinctModes(modes: Mode[], bandwidth: number, nFeatures: number): Matrix {
  modes.sort((a, b) => b.intensity - a.intensity || compareDescending(a.centre, b.centre));
  const kept: Float64Array[] = [];
  const removed = new Uint8Array(modes.length);
  const radius = bandwidth * bandwidth;
  for (let i = 0; i < modes.length; i++) {
    if (removed[i]) continue;
    kept.push(modes[i].centre);
    for (let j = i + 1; j < modes.length; j++) {
      if (reducedDistance(EUCLIDEAN, nFeatures, modes[i].centre, 0, 1, modes[j].centre, 0, 1) <= radius) removed[j] = 1;
    }
  }
  const centres = createMatrix(kept.length, nFeatures);
  kept.forEach((centre, c) => centre.forEach((value, f) => (centres.data[f * kept.length + c] = value)));
  return centres;
}

function compareDescending(a: Float64Array, b: Float64Array): number {
  for (let f = 0; f < a.length; f++) if (a[f] !== b[f]) return b[f] - a[f];
  return 0;
}

/** cluster_all=false: rows farther than bandwidth from their nearest mode are noise. */
function labelsWithinBandwidth(X: Matrix, centres: Matrix, labels: Int32Array, bandwidth: number): Int32Array {
  return labels.map((label, i) => (squaredDistanceToCentre(X, i, centres, label) <= bandwidth * bandwidth ? label : -1));
}

export const meanShiftSpec = clusteringSpec<MeanShiftFit>({
  modelType: MODEL_TYPE,
  description: 'Mean shift: finds the modes of the data density with a flat kernel of radius bandwidth; the number of clusters follows.',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new MeanShift(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    clusterCenters: state.matrix('cluster_centers_'),
    bandwidth: state.number('bandwidth'),
    nIter: state.number('n_iter_'),
  }),
});
