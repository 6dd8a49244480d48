/**
 * Worker-thread probe for thread-priority.test.ts: lowers its own priority with the function under
 * test, starts a thread of its own, and reports both threads' niceness.
 */
import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../../src/jobs/thread-priority.js';
import { workerThreadEntry } from '../../src/ml/parallel/thread-entry.js';

const niceness = (): number => getPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()));

if (!isMainThread && workerData === 'child') {
  parentPort!.postMessage(niceness());
} else if (!isMainThread) {
  const lowered = lowerThisThreadPriority();
  const { filename, execArgv, argv } = workerThreadEntry(new URL('./thread-priority-probe', import.meta.url));
  const child = new Worker(filename, { execArgv, argv, workerData: 'child' });
  child.once('message', (childNiceness: number) => {
    parentPort!.postMessage({ lowered, own: niceness(), child: childNiceness });
    void child.terminate();
  });
}
