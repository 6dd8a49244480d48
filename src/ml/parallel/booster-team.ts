import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import type { BinnedFeatures } from '../tree/bin-mapper.js';
import type { NewtonRegularisation } from '../tree/newton-criterion.js';
import type { GrowthLimits } from '../tree/tree-learner.js';
import { SplitExchange, splitExchangeMemory, stopTeam, TeamStop, TeamStoppedError, type SplitExchangeMemory } from './split-exchange.js';
import { sharedMatrix } from './shared-memory.js';
import { awaitStarted, startFitThread, stopFitThreads, type FitThread } from './worker-start.js';

/** What every tree of a one-output Newton booster shares, as the helper threads receive it. */
export interface BoosterTeamWork {
  X: Matrix;
  binned: BinnedFeatures;
  limits: GrowthLimits;
  regularisation: NewtonRegularisation;
  /** Gradients and hessians per row and output (stride nOutputs), in shared memory, rewritten every iteration. */
  gradients: Float32Array;
  hessians: Float32Array;
  nOutputs: number;
  /** Per-row weights in shared memory (a subsample rewrites them). */
  weights: Float64Array;
}

/** Slots of the tree order the caller writes before each tree: output, feature count (-1: all), rng state. */
export const ORDER_OUTPUT = 0;
export const ORDER_N_FEATURES = 1;
export const ORDER_RNG = 2;
const ORDER_WORDS = 6;
/** Slot of the start-up counter. */
export const STARTED = 0;

/** What a failing helper leaves on its port. */
export interface HelperFailure {
  name: string;
  message: string;
}

/** What a helper thread is started with. */
export interface BoosterThreadData {
  work: BoosterTeamWork;
  exchange: SplitExchangeMemory;
  rank: number;
  /** The next tree: which output it fits, how many of `features` it may use (-1: all), and the rng state. */
  order: Int32Array;
  features: Uint32Array;
  started: Int32Array;
  /** Where a failing helper leaves its error (a HelperFailure). */
  port: MessagePort;
}

/**
 * When a team is given up (see BoosterTeam.struggling): every `treesPerCheck` trees the caller looks
 * at the share of its time it spent waiting for helpers, and past `waitShare` goes on alone.
 * Measured on 2 cores (XGBoost, 80k x 20): 26% over the first 10 trees while the helper warms up,
 * then 1-19%; 46-50% with one busy process beside the fit. Tests lower waitShare to force a switch.
 */
export const TEAM_PATIENCE = { treesPerCheck: 10, waitShare: 0.35 };

/**
 * The helper threads of one boosted fit: threads - 1 workers that each hold a learner like the
 * caller's and grow every tree with it in step (see SplitTeam), taking their share of each node's
 * histograms. The caller announces each tree with beginTree(), grows it with `member` as its
 * learner's team, waits for the helpers with endTree(), and calls finish() when done, on failure,
 * or when the team is struggling.
 */
export class BoosterTeam {
  readonly member: SplitExchange;
  private trees = 0;
  private checkStart = performance.now();
  private waitedAtCheck = 0;
  private readonly order: Int32Array;
  private readonly features: Uint32Array;

  private constructor(
    private readonly memory: SplitExchangeMemory,
    private readonly helpers: FitThread[],
    order: Int32Array,
    features: Uint32Array,
    nFeatures: number,
  ) {
    this.member = new SplitExchange(memory, 0, nFeatures);
    this.order = order;
    this.features = features;
  }

  /** Starts the helpers; null when none started in time (the caller then grows alone). */
  static start(work: BoosterTeamWork, width: number, threads: number): BoosterTeam | null {
    const memory = splitExchangeMemory(threads, width);
    const order = new Int32Array(new SharedArrayBuffer(ORDER_WORDS * Int32Array.BYTES_PER_ELEMENT));
    const features = new Uint32Array(new SharedArrayBuffer(work.binned.nFeatures * Uint32Array.BYTES_PER_ELEMENT));
    const started = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const shared: BoosterTeamWork = { ...work, X: sharedMatrix(work.X) };
    // A helper that fails stops the team itself and leaves its error on its port (see helperFailure).
    const helpers = Array.from({ length: threads - 1 }, (_, i) =>
      startFitThread(new URL('./booster-thread', import.meta.url), { work: shared, exchange: memory, rank: i + 1, order, features, started }),
    );
    if (!awaitStarted(started, STARTED, helpers.length)) {
      stopFitThreads(helpers);
      return null;
    }
    return new BoosterTeam(memory, helpers, order, features, work.binned.nFeatures);
  }

  /** Tells the helpers the next tree: the output it fits, its features (undefined for all), and the rng it grows with. */
  beginTree(output: number, features: Uint32Array | undefined, rng: Random): void {
    this.order[ORDER_OUTPUT] = output;
    this.order[ORDER_N_FEATURES] = features ? features.length : -1;
    if (features) this.features.set(features);
    this.order.set(rng.state(), ORDER_RNG);
    this.member.meet();
  }

  /** Waits until every helper has finished the tree, so that the next tree's inputs may be written. */
  endTree(): void {
    this.member.meet();
    this.trees++;
    if (this.trees % TEAM_PATIENCE.treesPerCheck === 0) {
      const elapsed = performance.now() - this.checkStart;
      this.struggling = this.member.waitedMs - this.waitedAtCheck > TEAM_PATIENCE.waitShare * elapsed;
      this.checkStart = performance.now();
      this.waitedAtCheck = this.member.waitedMs;
    }
  }

  /**
   * Whether over the last TEAM_PATIENCE.treesPerCheck trees the caller spent more than
   * TEAM_PATIENCE.waitShare of its time waiting for helpers: the cores are taken by other work (another training, another
   * process), and a team whose members meet at every node then runs slower than one thread alone
   * (measured: 3.9 s against 2.1 s with one busy process beside it on 2 cores). The caller should
   * finish the team and go on alone; the trees are the same either way.
   */
  struggling = false;

  /** The error the fit should fail with for `error` (see helperFailure). */
  explain(error: unknown): unknown {
    return helperFailure(error, this.helpers.map(({ port }) => port));
  }

  /** Releases the helpers, wherever they wait. */
  finish(): void {
    stopTeam(this.memory, TeamStop.FINISHED);
    stopFitThreads(this.helpers);
  }
}

/**
 * The error a fit should fail with for `error`: a stop caused by a failing helper becomes that
 * helper's error, as left on its port (a RangeError, such as a failed allocation, stays one, with
 * its own message, as the caller would have thrown it); anything else as is.
 */
export function helperFailure(error: unknown, ports: readonly MessagePort[]): unknown {
  if (!(error instanceof TeamStoppedError) || error.reason === TeamStop.FINISHED) return error;
  for (const port of ports) {
    const packet = receiveMessageOnPort(port);
    if (!packet) continue;
    const { name, message } = packet.message as HelperFailure;
    return name === 'RangeError' ? new RangeError(message, { cause: error }) : new Error(`${error.message}: ${message}`);
  }
  return error;
}

