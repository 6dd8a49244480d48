import type { Random } from '../core/random.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { predictionKernel } from './kernel.js';
import { solveClassPair, type ClassPair } from './libsvm-train.js';
import { fitSigmoid, type Sigmoid } from './platt.js';

const FOLDS = 5;

/**
 * Platt's sigmoid for one pair of classes, as libsvm's svm_binary_svc_probability: decision values
 * for every row from a 5-fold cross-validation over a random permutation (each fold predicted by a
 * model trained on the other four, with the same bounds), then the sigmoid fitted to them. A fold
 * whose training part holds one class only gets the constant decision +1 or -1 (0 when empty).
 */
export function crossValidatedSigmoid(pair: ClassPair, params: Readonly<ResolvedParams>, rng: Random): Sigmoid {
  const { kernel, rows, nFeatures, labels } = pair;
  const l = labels.length;
  const order = rng.shuffle(Int32Array.from({ length: l }, (_, i) => i));
  const decision = new Float64Array(l);
  for (let fold = 0; fold < FOLDS; fold++) {
    const begin = Math.floor((fold * l) / FOLDS);
    const end = Math.floor(((fold + 1) * l) / FOLDS);
    const training = [...order.subarray(0, begin), ...order.subarray(end)];
    const held = order.subarray(begin, end);
    const trainLabels = Int8Array.from(training, (i) => labels[i]);
    const positives = trainLabels.filter((label) => label > 0).length;
    if (positives === 0 || positives === training.length) {
      const constant = training.length === 0 ? 0 : positives > 0 ? 1 : -1;
      for (const i of held) decision[i] = constant;
      continue;
    }
    const trainRows = gather(rows, nFeatures, training);
    const solution = solveClassPair({ ...pair, rows: trainRows, labels: trainLabels }, params);
    for (const i of held) {
      let sum = 0;
      for (let t = 0; t < training.length; t++) {
        if (solution.coef[t] !== 0) sum += solution.coef[t] * predictionKernel(kernel, nFeatures, rows, i, trainRows, t);
      }
      decision[i] = sum - solution.rho;
    }
  }
  return fitSigmoid(decision, labels);
}

function gather(rows: Float64Array, p: number, picked: number[]): Float64Array {
  const out = new Float64Array(picked.length * p);
  picked.forEach((row, r) => out.set(rows.subarray(row * p, (row + 1) * p), r * p));
  return out;
}
