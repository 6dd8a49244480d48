import { markdownTable } from '../markdown-table.js';
import type { LoadWindow, ServeResult } from './serve-section.js';

/** The serve section as a table with a column per load window, with a warning when the forest did not train throughout. */
export function serveReport(result: ServeResult): string {
  const { windows } = result;
  const ms = (...values: number[]): string => values.map((v) => v.toFixed(1)).join(' / ');
  const column = (pick: (window: LoadWindow) => string): string[] => windows.map(pick);
  const rows = [
    ['requests/s', ...column(({ load }) => load.requestsPerSecond.toFixed(0))],
    ['latency p50 / p99 / max ms', ...column(({ load }) => ms(load.latencyP50Ms, load.latencyP99Ms, load.latencyMaxMs))],
    ['server event-loop delay p50 / p99 / max ms', ...column(({ eventLoopDelay: d }) => ms(d.p50Ms, d.p99Ms, d.maxMs))],
    ['requests (non-2xx, errors, timeouts)', ...column(({ load }) => `${load.requests} (${load.non2xx}, ${load.errors}, ${load.timeouts})`)],
  ];
  const { connections, seconds } = windows[0].load;
  const title = `GET /models/train/{id}/metrics, ${connections} connections, ${seconds} s per window, while ${result.forest.hyperparameters.n_estimators} trees train on ${result.shape}`;
  const table = markdownTable(
    [
      { header: title, align: 'left' },
      ...windows.map(({ offeredRate }) => ({
        header: offeredRate === null ? 'as fast as answered' : `paced at ${offeredRate} req/s`,
        align: 'right' as const,
      })),
    ],
    rows,
  );
  const warning = result.forestTrainingThroughout ? [] : ['warning: the forest finished before the load did, so part of the window had no training load'];
  return [table, ...warning].join('\n');
}
