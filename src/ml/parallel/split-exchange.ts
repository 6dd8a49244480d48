import type { BestSplit } from '../tree/split-finder.js';
import type { SplitTeam } from '../tree/split-team.js';

/** Slots of the control words. */
const ARRIVED = 0;
const GENERATION = 1;
/** Why the team stopped (see TeamStop); every wait then throws TeamStoppedError. */
const STOPPED = 2;
const CONTROL_WORDS = 3;

/** A member's offer: found, proxy, position, feature, bin, then the left sums. */
const OFFER_HEAD = 5;

/**
 * Spins this many times on the generation before sleeping on it: members meet every node, and
 * a sleeping thread takes tens of microseconds to wake, longer than most nodes take.
 */
const SPINS = 20_000;
/**
 * A member that waits this many one-second sleeps in a row without anyone arriving is taken to be
 * gone (a node takes milliseconds) and stops the team. Counted in sleeps, not by the clock, so a
 * paused process (SIGSTOP, a frozen VM) does not count its pause against its threads.
 */
const SILENT_SLEEPS = 120;

/** The shared memory of one team: control words and two sets of offer slots. */
export interface SplitExchangeMemory {
  control: Int32Array;
  offers: Float64Array;
  size: number;
  width: number;
}

export function splitExchangeMemory(size: number, width: number): SplitExchangeMemory {
  return {
    control: new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * Int32Array.BYTES_PER_ELEMENT)),
    offers: new Float64Array(new SharedArrayBuffer(2 * size * (OFFER_HEAD + width) * Float64Array.BYTES_PER_ELEMENT)),
    size,
    width,
  };
}

/** Why a team stopped: its fit is over, a member failed, or a member stopped answering. */
export const TeamStop = { FINISHED: 1, FAILED: 2, SILENT: 3 } as const;

const STOP_MESSAGES: Record<number, string> = {
  [TeamStop.FINISHED]: 'the fit is over',
  [TeamStop.FAILED]: 'a helper thread of the fit failed',
  [TeamStop.SILENT]: 'a thread of the fit stopped answering',
};

/** What a member waiting at a meeting of a stopped team throws; `reason` is the first stop's. */
export class TeamStoppedError extends Error {
  constructor(readonly reason: number) {
    super(STOP_MESSAGES[reason] ?? 'the fit stopped');
  }
}

/** Stops the team: members waiting at a meeting, or arriving at the next, throw TeamStoppedError. */
export function stopTeam(memory: SplitExchangeMemory, reason: number): void {
  stop(memory.control, reason);
}

function stop(control: Int32Array, reason: number): void {
  Atomics.compareExchange(control, STOPPED, 0, reason);
  Atomics.add(control, GENERATION, 1);
  Atomics.notify(control, GENERATION);
}

/**
 * One member of a team over shared memory. Features are shared out in contiguous index ranges.
 * Offers go to one of two slot sets by meeting parity: a member can only be one meeting ahead of
 * the slowest, which is then still reading the other set.
 */
export class SplitExchange implements SplitTeam {
  private meetings = 0;
  /** Milliseconds this member has spent waiting for the others at meetings. */
  waitedMs = 0;
  private readonly slot: number;
  private readonly firstOwned: number;
  private readonly pastOwned: number;

  constructor(
    private readonly memory: SplitExchangeMemory,
    private readonly rank: number,
    nFeatures: number,
  ) {
    this.slot = OFFER_HEAD + memory.width;
    this.firstOwned = Math.floor((rank * nFeatures) / memory.size);
    this.pastOwned = Math.floor(((rank + 1) * nFeatures) / memory.size);
  }

  owns(feature: number): boolean {
    return feature >= this.firstOwned && feature < this.pastOwned;
  }

  exchange(best: BestSplit, position: number): void {
    const { offers, size, width } = this.memory;
    const set = (this.meetings & 1) * size * this.slot;
    const mine = set + this.rank * this.slot;
    offers[mine] = best.found ? 1 : 0;
    offers[mine + 1] = best.proxy;
    offers[mine + 2] = position;
    offers[mine + 3] = best.feature;
    offers[mine + 4] = best.bin;
    offers.set(best.leftSums, mine + OFFER_HEAD);
    this.meet();
    let winner = -1;
    for (let member = 0; member < size; member++) {
      const at = set + member * this.slot;
      if (offers[at] === 0) continue;
      if (winner < 0) {
        winner = at;
        continue;
      }
      const proxy = offers[at + 1];
      const leading = offers[winner + 1];
      if (proxy > leading || (proxy === leading && offers[at + 2] < offers[winner + 2])) winner = at;
    }
    if (winner < 0) {
      best.reset();
      return;
    }
    const sums = offers.subarray(winner + OFFER_HEAD, winner + OFFER_HEAD + width);
    best.update(offers[winner + 3], offers[winner + 4], offers[winner + 1], sums, NaN);
  }

  /** Blocks until every member has arrived at this meeting. */
  meet(): void {
    const control = this.memory.control;
    this.meetings++;
    const generation = Atomics.load(control, GENERATION);
    checkStopped(control);
    if (Atomics.add(control, ARRIVED, 1) === this.memory.size - 1) {
      Atomics.store(control, ARRIVED, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      return;
    }
    const waitStart = performance.now();
    awaitGeneration(control, generation);
    this.waitedMs += performance.now() - waitStart;
  }
}

function awaitGeneration(control: Int32Array, generation: number): void {
  for (let spin = 0; spin < SPINS; spin++) if (Atomics.load(control, GENERATION) !== generation) return checkStopped(control);
  let silentSleeps = 0;
  while (Atomics.load(control, GENERATION) === generation) {
    if (Atomics.wait(control, GENERATION, generation, 1000) === 'timed-out' && ++silentSleeps >= SILENT_SLEEPS) {
      stop(control, TeamStop.SILENT);
    }
  }
  checkStopped(control);
}

function checkStopped(control: Int32Array): void {
  const reason = Atomics.load(control, STOPPED);
  if (reason !== 0) throw new TeamStoppedError(reason);
}
