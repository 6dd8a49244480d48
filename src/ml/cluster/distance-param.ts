import type { HyperparameterDef } from '../estimator/hyperparameters.js';
import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { DistanceMetric } from '../kernels/distances.js';

/** The metric names scikit-learn accepts that our distance kernels compute (its aliases included). */
export const METRIC_NAMES = ['euclidean', 'l2', 'manhattan', 'l1', 'cityblock', 'chebyshev', 'minkowski'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export function metricDef(defaultMetric: MetricName | null, names: readonly string[] = METRIC_NAMES): HyperparameterDef {
  return {
    name: 'metric',
    description: 'Distance between rows: euclidean (l2), manhattan (l1, cityblock), chebyshev, or minkowski with power p.',
    default: defaultMetric,
    choices: names,
    ...(defaultMetric === null ? { nullable: true as const } : {}),
  };
}

/** scikit-learn's `p`: the Minkowski power, read only when metric is "minkowski". */
export function minkowskiPowerDef(defaultP: number | null): HyperparameterDef {
  return {
    name: 'p',
    description: 'Power of the Minkowski metric (1 is manhattan, 2 is euclidean); used only with metric="minkowski".',
    default: defaultP,
    float: { min: 1 },
    ...(defaultP === null ? { nullable: true as const } : {}),
  };
}

/** The kernel metric for a name; minkowski with p 1 or 2 is computed as manhattan or euclidean, as scikit-learn does. */
export function resolveMetric(name: string | null, p: number | null = null): DistanceMetric {
  switch (name ?? 'euclidean') {
    case 'euclidean':
    case 'l2':
      return { kind: 'euclidean', p: 2 };
    case 'manhattan':
    case 'l1':
    case 'cityblock':
      return { kind: 'manhattan', p: 1 };
    case 'chebyshev':
      return { kind: 'chebyshev', p: Infinity };
    case 'minkowski': {
      const power = p ?? 2;
      if (power === 2) return { kind: 'euclidean', p: 2 };
      if (power === 1) return { kind: 'manhattan', p: 1 };
      return { kind: 'minkowski', p: power };
    }
    default:
      throw new InvalidHyperparameterError('metric', `Unsupported metric '${name}'`);
  }
}

/** The reduced form of a radius, to compare with reduced distances (what scikit-learn's trees do). */
export function reducedRadius(metric: DistanceMetric, radius: number): number {
  if (metric.kind === 'euclidean') return radius * radius;
  if (metric.kind === 'minkowski') return Math.pow(radius, metric.p);
  return radius;
}

/**
 * scikit-learn's algorithm and leaf_size for its neighbour search trees. Accepted so that
 * scikit-learn settings carry over; the search here is always exact, so neither changes a result.
 */
export function neighbourSearchDefs(choices: readonly string[], leafSize: number): HyperparameterDef[] {
  return [
    {
      name: 'algorithm',
      description: 'Neighbour search in scikit-learn. Every choice gives the same clusters here: an exact search.',
      default: 'auto',
      choices,
    },
    { name: 'leaf_size', description: "Leaf size of scikit-learn's search trees; accepted for compatibility, no effect.", default: leafSize, int: { min: 1 } },
  ];
}
