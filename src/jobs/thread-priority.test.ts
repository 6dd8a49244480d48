import { existsSync, readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerThreadEntry } from '../ml/parallel/thread-entry.js';
import { TRAINING_NICE } from './thread-priority.js';

const PROBE = workerThreadEntry(new URL('../../test/helpers/thread-priority-probe', import.meta.url));
const threadNiceness = (): number => getPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()));

describe.runIf(existsSync('/proc/thread-self'))('lowerThisThreadPriority (Linux, per-thread niceness)', () => {
  it('lowers the training thread alone, and the threads it starts inherit it', async () => {
    const before = threadNiceness();
    const worker = new Worker(PROBE.filename, { execArgv: PROBE.execArgv, argv: PROBE.argv });
    const report = await new Promise<{ lowered: boolean; own: number; child: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(report).toEqual({ lowered: true, own: Math.max(before, TRAINING_NICE), child: Math.max(before, TRAINING_NICE) });
    // The calling thread (where the API's event loop runs) keeps its own.
    expect(threadNiceness()).toBe(before);
  });
});
