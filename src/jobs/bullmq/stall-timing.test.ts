import { describe, expect, it } from 'vitest';
import { stallTiming } from './stall-timing.js';

describe('stallTiming', () => {
  it.each([30, 2, 0.5])('TRAINYARD_STALLED_SECONDS=%s: a dead worker\'s job is taken over within it, a live worker has half of it to renew', (seconds) => {
    const { lockDuration, lockRenewTime, stalledInterval } = stallTiming(seconds);
    // Worst case from the lock's last renewal: the lock runs out, then the next check comes.
    expect(lockDuration + stalledInterval).toBe(seconds * 1000);
    expect(lockDuration - lockRenewTime).toBe(seconds * 500);
  });

  it('gives whole milliseconds, as Redis expiries need', () => {
    expect(stallTiming(1.7)).toEqual({ lockDuration: 1275, lockRenewTime: 425, stalledInterval: 425 });
  });
});
