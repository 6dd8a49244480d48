import { markdownTable } from '../markdown-table.js';
import type { ServeResult } from './serve-section.js';

/** The serve section as a two-column table, with a warning when the forest did not train throughout. */
export function serveReport(result: ServeResult): string {
  const { load, eventLoopDelay: delay } = result;
  const ms = (...values: number[]): string => values.map((v) => v.toFixed(1)).join(' / ');
  const rows = [
    ['requests/s', load.requestsPerSecond.toFixed(0)],
    ['latency p50 / p99 / max ms', ms(load.latencyP50Ms, load.latencyP99Ms, load.latencyMaxMs)],
    ['server event-loop delay p50 / p99 / max ms', ms(delay.p50Ms, delay.p99Ms, delay.maxMs)],
    ['requests (non-2xx, errors, timeouts)', `${load.requests} (${load.non2xx}, ${load.errors}, ${load.timeouts})`],
  ];
  const title = `GET /models/train/{id}/metrics, ${load.connections} connections for ${load.seconds} s, while ${result.forest.hyperparameters.n_estimators} trees train on ${result.shape}`;
  const table = markdownTable(
    [
      { header: title, align: 'left' },
      { header: 'measured', align: 'right' },
    ],
    rows,
  );
  const warning = result.forestTrainingThroughout ? [] : ['warning: the forest finished before the load did, so part of the window had no training load'];
  return [table, ...warning].join('\n');
}
