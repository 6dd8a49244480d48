import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * The niceness of training threads. The API's event loop shares the cores with them; under
 * Linux's scheduler a thread at nice 10 gets about a tenth of a core's time next to one at 0 when
 * both want it, so a request waiting on the event loop runs as soon as it arrives, and training
 * takes whatever the API leaves, which is nearly everything.
 */
export const TRAINING_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority to TRAINING_NICE (never raises it). On Linux
 * niceness belongs to each thread, and threads started afterwards from this one (a forest's or a
 * booster's helpers) inherit it. Returns false where that cannot be done (another OS, a refusal):
 * training then runs at the process's priority, as before.
 */
export function lowerThisThreadPriority(nice = TRAINING_NICE): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

