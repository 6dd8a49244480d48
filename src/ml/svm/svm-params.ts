import type { Matrix } from '../core/matrix.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import { resolveGamma, type KernelKind, type KernelSpec } from './kernel.js';

/** The kernel and solver hyperparameters scikit-learn 1.2's SVC and SVR share, with its defaults and constraints. */
export const libsvmHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'C',
    description: 'Penalty on margin violations; smaller values regularise more',
    default: 1.0,
    float: { min: 0, exclusiveMin: true },
  },
  {
    name: 'kernel',
    description: 'Kernel function: linear x.y, poly (gamma x.y + coef0)^degree, rbf exp(-gamma |x-y|^2), sigmoid tanh(gamma x.y + coef0)',
    default: 'rbf',
    choices: ['linear', 'poly', 'rbf', 'sigmoid'],
  },
  { name: 'degree', description: 'Degree of the poly kernel', default: 3, int: { min: 0 } },
  {
    name: 'gamma',
    description: '"scale": 1 / (n_features * Var(X)); "auto": 1 / n_features; or a number >= 0 (rbf, poly, sigmoid)',
    default: 'scale',
    choices: ['scale', 'auto'],
    float: { min: 0 },
  },
  { name: 'coef0', description: 'Constant term of the poly and sigmoid kernels', default: 0.0, float: {} },
  {
    name: 'shrinking',
    description: "Set aside variables stuck at a bound during the solve (libsvm's shrinking heuristic)",
    default: true,
    bool: true,
  },
  {
    name: 'tol',
    description: 'Stop when the largest violation of the optimality conditions is below this',
    default: 1e-3,
    float: { min: 0, exclusiveMin: true },
  },
  {
    name: 'cache_size',
    description: 'Megabytes of kernel rows kept between solver iterations',
    default: 200,
    float: { min: 0, exclusiveMin: true },
  },
  { name: 'max_iter', description: 'Solver iteration limit; -1 for none', default: -1, int: { min: -1 } },
];

/** The kernel of a fit: gamma resolved against the training rows (so it is saved as a number). */
export function kernelOf(params: Readonly<ResolvedParams>, X: Matrix): KernelSpec {
  return {
    kind: params.kernel as KernelKind,
    gamma: resolveGamma(params.gamma as number | string, X),
    degree: params.degree as number,
    coef0: params.coef0 as number,
  };
}
