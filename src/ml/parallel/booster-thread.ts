import { workerData } from 'node:worker_threads';
import { Random } from '../core/random.js';
import { NewtonCriterion } from '../tree/newton-criterion.js';
import { TreeLearner } from '../tree/tree-learner.js';
import { ORDER_N_FEATURES, ORDER_OUTPUT, ORDER_RNG, STARTED, type BoosterThreadData } from './booster-team.js';
import { SplitExchange, stopTeam, TeamStop, TeamStoppedError } from './split-exchange.js';

/**
 * A helper thread of a boosted fit: grows every tree alongside the caller's learner, building and
 * scanning its share of the features, until the team is stopped.
 */
const { work, exchange, rank, order, features, started } = workerData as BoosterThreadData;

const member = new SplitExchange(exchange, rank, work.binned.nFeatures);
let learner: TreeLearner | null = null;
Atomics.add(started, STARTED, 1);
Atomics.notify(started, STARTED);
try {
  for (;;) {
    member.meet();
    const nFeatures = order[ORDER_N_FEATURES];
    const { gradients, hessians, weights, nOutputs, regularisation } = work;
    const criterion = new NewtonCriterion(gradients, hessians, weights, nOutputs, order[ORDER_OUTPUT], 1, regularisation);
    learner ??= new TreeLearner(work.X, work.binned, criterion.width, undefined, member);
    const rng = Random.fromState(order.subarray(ORDER_RNG, ORDER_RNG + 4));
    learner.grow(criterion, weights, work.limits, rng, nFeatures < 0 ? undefined : features.slice(0, nFeatures));
  }
} catch (error) {
  // The caller's own stop ends the thread quietly; anything else stops the team, so nobody waits for this thread.
  if (!(error instanceof TeamStoppedError)) {
    stopTeam(exchange, TeamStop.FAILED);
    throw error;
  }
}
