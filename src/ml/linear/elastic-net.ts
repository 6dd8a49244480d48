import type { Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import type { FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { centreProblem, packCentredSolution } from './centering.js';
import { elasticNetCoordinateDescent } from './coordinate-descent.js';
import { LinearRegressorBase, type LinearRegressorFit } from './linear-regressor-base.js';

/** scikit-learn 1.2 Lasso's names, defaults and constraints (ElasticNet adds l1_ratio). */
export const lassoHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'alpha',
    description: 'Penalty strength multiplying the L1 (and for elastic_net the L2) term',
    default: 1.0,
    float: { min: 0 },
  },
  { name: 'fit_intercept', description: 'Learn an unpenalised intercept (the data is centred first)', default: true, bool: true },
  { name: 'max_iter', description: 'Maximum number of coordinate descent sweeps', default: 1000, int: { min: 1 } },
  {
    name: 'tol',
    description: 'Check the duality gap once a sweep changes no coefficient by more than tol x the largest; stop below tol x y\'y',
    default: 1e-4,
    float: { min: 0 },
  },
  { name: 'positive', description: 'Constrain every coefficient to be >= 0', default: false, bool: true },
  {
    name: 'selection',
    description: '"cyclic" visits the features in order; "random" draws one at random each step (seeded by random_state)',
    default: 'cyclic',
    choices: ['cyclic', 'random'],
  },
  {
    name: 'random_state',
    description: 'Seed for selection="random"',
    default: null,
    int: { min: 0, max: 4294967295 },
    nullable: true,
  },
];

export const elasticNetHyperparameters: readonly HyperparameterDef[] = [
  lassoHyperparameters[0],
  {
    name: 'l1_ratio',
    description: 'Mix of the penalties: 1 is the lasso (L1 only), 0 ridge-like (L2 only)',
    default: 0.5,
    float: { min: 0, max: 1 },
  },
  ...lassoHyperparameters.slice(1),
];

/**
 * Linear regression with the elastic-net penalty, as scikit-learn's ElasticNet:
 * minimise ||y - Xw||^2 / (2 n) + alpha l1_ratio ||w||_1 + alpha (1 - l1_ratio) ||w||^2 / 2 by
 * coordinate descent on the centred data, from zero coefficients.
 */
export class ElasticNet extends LinearRegressorBase {
  readonly modelType: string = 'elastic_net';

  protected l1Ratio(): number {
    return this.params.l1_ratio as number;
  }

  protected learn(X: Matrix, y: Float64Array, ctx: FitContext): LinearRegressorFit {
    const problem = centreProblem(X, y, 1, this.params.fit_intercept as boolean);
    const n = problem.nRows;
    const alpha = this.params.alpha as number;
    const maxIter = this.params.max_iter as number;
    const seed = (this.params.random_state as number | null) ?? 0;
    const result = elasticNetCoordinateDescent(
      {
        design: problem.design,
        target: problem.targets,
        nRows: n,
        nCols: problem.nCols,
        l1: alpha * this.l1Ratio() * n,
        l2: alpha * (1 - this.l1Ratio()) * n,
        positive: this.params.positive as boolean,
      },
      {
        maxIter,
        tol: this.params.tol as number,
        random: this.params.selection === 'random' ? new Random(seed) : null,
        onIteration: (iteration) => ctx.onProgress?.(iteration / maxIter),
      },
    );
    return {
      weights: packCentredSolution(problem, result.coef),
      // scikit-learn reports the gap per sample (dual_gap_).
      facts: { nIter: result.nIter, dualGap: result.gap / n, converged: result.converged },
    };
  }
}

/** The elastic net with l1_ratio = 1, as scikit-learn's Lasso. */
export class Lasso extends ElasticNet {
  override readonly modelType: string = 'lasso';

  protected override l1Ratio(): number {
    return 1;
  }
}

const FIT_FACTS = ['nIter', 'dualGap', 'converged'] as const;

export const elasticNetSpec: ModelSpec = {
  modelType: 'elastic_net',
  aliases: [],
  taskType: 'regression',
  family: 'linear',
  description: 'Least squares with a mixed L1/L2 penalty, by coordinate descent with a duality-gap stop',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: elasticNetHyperparameters,
  create: (params) => new ElasticNet(params),
  restore: (state) =>
    new ElasticNet(resolveHyperparameters('elastic_net', elasticNetHyperparameters, state.params)).loadState(
      state.fitted,
      FIT_FACTS,
    ),
};

export const lassoSpec: ModelSpec = {
  modelType: 'lasso',
  aliases: ['lasso_regression'],
  taskType: 'regression',
  family: 'linear',
  description: 'Least squares with an L1 penalty (sparse coefficients), by coordinate descent with a duality-gap stop',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: lassoHyperparameters,
  create: (params) => new Lasso(params),
  restore: (state) =>
    new Lasso(resolveHyperparameters('lasso', lassoHyperparameters, state.params)).loadState(state.fitted, FIT_FACTS),
};
