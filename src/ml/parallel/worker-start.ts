import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { workerThreadEntry } from './thread-entry.js';

/** How long a caller waits for its worker threads to start before it goes on without the late ones. */
const STARTUP_WAIT_MS = 10_000;

/** A worker thread of a parallel fit, and the caller's end of the port it answers on. */
export interface FitThread {
  worker: Worker;
  port: MessagePort;
}

/**
 * Starts a worker thread on one of our modules (its URL without extension), handing it `workerData`
 * plus the other end of a fresh port as `port`. The thread never keeps the process alive, and its
 * error event is ignored: each kind of fit learns of a failure through its own shared memory.
 */
export function startFitThread<D extends object>(moduleUrl: URL, workerData: D): FitThread {
  const { port1, port2 } = new MessageChannel();
  const { filename, execArgv, argv } = workerThreadEntry(moduleUrl);
  const worker = new Worker(filename, { execArgv, argv, workerData: { ...workerData, port: port2 }, transferList: [port2] });
  worker.unref();
  worker.on('error', () => {});
  return { worker, port: port1 };
}

/**
 * Blocks until counter[slot], which each worker bumps (and notifies) once started, reaches
 * nWorkers, or the startup wait is over; returns whether all started.
 */
export function awaitStarted(counter: Int32Array, slot: number, nWorkers: number): boolean {
  const deadline = Date.now() + STARTUP_WAIT_MS;
  for (let started = Atomics.load(counter, slot); started < nWorkers; started = Atomics.load(counter, slot)) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(counter, slot, started, left);
  }
  return true;
}

/** Stops the threads and closes their ports. */
export function stopFitThreads(threads: readonly FitThread[]): void {
  for (const { worker, port } of threads) {
    port.close();
    void worker.terminate();
  }
}
