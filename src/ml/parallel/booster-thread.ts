import { workerData } from 'node:worker_threads';
import { Random } from '../core/random.js';
import { NewtonCriterion } from '../tree/newton-criterion.js';
import { TreeLearner } from '../tree/tree-learner.js';
import { ORDER_N_FEATURES, ORDER_OUTPUT, ORDER_RNG, STARTED, type BoosterThreadData, type HelperFailure } from './booster-team.js';
import { SplitExchange, stopTeam, TeamStop, TeamStoppedError } from './split-exchange.js';

/**
 * A helper thread of a boosted fit: grows every tree alongside the caller's learner, building and
 * scanning its share of the features, until the team is stopped.
 */
const { work, exchange, rank, order, features, started, port } = workerData as BoosterThreadData;

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
    // Every member has finished the tree before the caller writes the next one's inputs (this
    // tree's weights are read until its last node, and a tree may end without any meeting).
    member.meet();
  }
} catch (error) {
  // A stopped team ends the thread quietly. Anything else stops the team, so that nobody waits for
  // this thread, with the reason left on the port, where the caller reads it.
  if (!(error instanceof TeamStoppedError)) {
    const failure: HelperFailure = error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
    port.postMessage(failure);
    stopTeam(exchange, TeamStop.FAILED);
  }
}
