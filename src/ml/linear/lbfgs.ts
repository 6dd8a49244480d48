import { dot, maxAbs } from '../kernels/blas1.js';
import { LbfgsMemory } from './lbfgs-memory.js';
import { LineSearch } from './line-search.js';

/** f(x), writing the gradient at x into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Iteration limit; scipy (and so scikit-learn) checks it after an iteration, so 0 still runs one. */
  maxIter: number;
  /** Stop when max |gradient_i| <= gtol: scipy's `gtol`, scikit-learn's `tol`. */
  gtol: number;
  /** Stop when (f_old - f) / max(|f_old|, |f|, 1) <= ftol; scipy's default. */
  ftol?: number;
  /** Correction pairs kept; scipy's `maxcor` default. */
  memory?: number;
  /** Function evaluations allowed per line search; scipy's `maxls` default. */
  maxLineSearch?: number;
  /** Stop once more than this many evaluations were made in all (scipy's `maxfun`); no limit by default. */
  maxEvaluations?: number;
  /** Called after every completed iteration with the iteration count. */
  onIteration?: (iteration: number) => void;
}

/** Why the minimiser stopped: small gradient, small decrease, the iteration limit, or a failed line search. */
export type LbfgsStatus = 'gradient' | 'decrease' | 'max_iter' | 'max_evaluations' | 'line_search';

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  nIter: number;
  status: LbfgsStatus;
}

/** L-BFGS-B's upper bound on a step along the search direction when no variable has bounds. */
const STEP_MAX = 1e10;

/**
 * Unconstrained limited-memory BFGS following scipy's L-BFGS-B (v3.0) step for step when no
 * variable is bounded: the same first step (length 1 along -g), the same Moré-Thuente search and
 * constants, the same update-skipping rule, the same restart from steepest descent when a line
 * search fails, and the same stopping tests in the same order. Following it this closely is what
 * lets a model stopped by the iteration limit land where scikit-learn's does.
 */
export function minimizeLbfgs(userObjective: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  let evaluations = 0;
  const objective: Objective = (point, gradientOut) => {
    evaluations++;
    return userObjective(point, gradientOut);
  };
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const x = Float64Array.from(x0);
  const gradient = new Float64Array(n);
  let f = objective(x, gradient);
  if (maxAbs(n, gradient, 0, 1) <= options.gtol) return { x, f, nIter: 0, status: 'gradient' };

  const line: LineWorkspace = {
    objective,
    x,
    gradient,
    direction: new Float64Array(n),
    xStart: new Float64Array(n),
    search: new LineSearch(),
    maxEvaluations: options.maxLineSearch ?? 20,
  };
  const gradientStart = new Float64Array(n);
  const memory = new LbfgsMemory(n, options.memory ?? 10);
  let iteration = 0;

  for (;;) {
    memory.direction(gradient, line.direction);
    const fStart = f;
    line.xStart.set(x);
    gradientStart.set(gradient);
    // L-BFGS-B's first step has length 1 (at most); later ones try the full quasi-Newton step.
    const directionLength = Math.sqrt(dot(n, line.direction, 0, 1, line.direction, 0, 1));
    const firstStep = iteration === 0 ? Math.min(1 / directionLength, STEP_MAX) : 1;
    const accepted = searchAlongDirection(line, f, firstStep);
    if (accepted === null) {
      x.set(line.xStart);
      gradient.set(gradientStart);
      f = fStart;
      // With curvature pairs, the direction may be what failed: retry from steepest descent.
      if (memory.count === 0) return { x, f, nIter: iteration + 1, status: 'line_search' };
      memory.reset();
      continue;
    }
    f = accepted;

    iteration++;
    options.onIteration?.(iteration);
    if (iteration >= options.maxIter) return { x, f, nIter: iteration, status: 'max_iter' };
    if (evaluations > (options.maxEvaluations ?? Infinity)) return { x, f, nIter: iteration, status: 'max_evaluations' };
    if (maxAbs(n, gradient, 0, 1) <= options.gtol) return { x, f, nIter: iteration, status: 'gradient' };
    if (fStart - f <= ftol * Math.max(Math.abs(fStart), Math.abs(f), 1)) {
      return { x, f, nIter: iteration, status: 'decrease' };
    }
    memory.update(line.direction, line.search.stp, gradient, gradientStart);
  }
}

/** Buffers the line search shares with the minimiser: it moves x (and its gradient) along direction. */
interface LineWorkspace {
  objective: Objective;
  x: Float64Array;
  gradient: Float64Array;
  direction: Float64Array;
  xStart: Float64Array;
  search: LineSearch;
  maxEvaluations: number;
}

/**
 * Searches x = xStart + step * direction for a step satisfying the Wolfe conditions. Returns f at
 * the accepted point (x and gradient hold it too), or null when the direction is not a descent
 * direction or the evaluation budget runs out.
 */
function searchAlongDirection(line: LineWorkspace, f0: number, firstStep: number): number | null {
  const { x, gradient, direction, xStart, search } = line;
  const n = x.length;
  const slope = dot(n, gradient, 0, 1, direction, 0, 1);
  if (!(slope < 0)) return null;
  search.start(f0, slope, firstStep, 0, STEP_MAX);
  for (let evaluations = 0; evaluations < line.maxEvaluations; evaluations++) {
    const step = search.stp;
    for (let i = 0; i < n; i++) x[i] = step * direction[i] + xStart[i];
    const f = line.objective(x, gradient);
    if (search.next(f, dot(n, gradient, 0, 1, direction, 0, 1)) !== 'evaluate') return f;
  }
  return null;
}
