import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Node's default sampling interval: a timer due every 10 ms records how late it fires. */
const RESOLUTION_MS = 10;
const NS_PER_MS = 1e6;

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** This process's event-loop delay from now (or the last reset) until stop(). */
export function startEventLoopDelay(): { reset(): void; stop(): EventLoopDelay } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return {
    reset: () => histogram.reset(),
    stop: () => {
      histogram.disable();
      return {
        p50Ms: delayMs(histogram.percentile(50)),
        p99Ms: delayMs(histogram.percentile(99)),
        maxMs: delayMs(histogram.max),
      };
    },
  };
}

/**
 * The histogram holds the time between samples, which is the interval itself on an idle loop;
 * the delay is what exceeds it (as @fastify/under-pressure reports it).
 */
function delayMs(sampleNs: number): number {
  return Math.max(0, sampleNs / NS_PER_MS - RESOLUTION_MS);
}
