/** The BullMQ worker settings that decide when a job whose worker went silent is taken for lost. */
export interface StallTiming {
  /** How long a job's lock lives unless its worker renews it. */
  lockDuration: number;
  /** BullMQ renews each lock at most this long after the last renewal (it looks every half of it). */
  lockRenewTime: number;
  /** How often a stalled check runs: one per interval for the queue, whichever worker runs it. */
  stalledInterval: number;
}

/**
 * Splits TRAINYARD_STALLED_SECONDS so that a job whose worker dies is taken over within that time.
 *
 * BullMQ takes a job for stalled when a check finds its lock expired and the job already marked by
 * an earlier check since the lock's last renewal (a renewal clears the mark). The last renewal comes
 * at or before the worker's death; from it the lock expires after lockDuration and the next check
 * comes at most stalledInterval later, so the worst case is lockDuration + stalledInterval: three
 * quarters plus one quarter, the whole window. The earliest is half the window after the death, for
 * a lock renewed lockRenewTime before it.
 *
 * A live worker has lockDuration - lockRenewTime, half the window, to renew the lock in time, as
 * with BullMQ's defaults (30 s lock renewed every 15 s): an event loop held up or a slow Redis for
 * less than that never makes a live worker look lost. Checks and renewals are one Lua script or
 * one command each, cheap at a quarter of the window.
 */
export function stallTiming(stalledSeconds: number): StallTiming {
  const quarterMs = (stalledSeconds * 1000) / 4;
  return {
    lockDuration: Math.round(3 * quarterMs),
    lockRenewTime: Math.round(quarterMs),
    stalledInterval: Math.round(quarterMs),
  };
}
