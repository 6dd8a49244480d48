import { availableParallelism, cpus, totalmem } from 'node:os';
import type { AnchorAvailability } from './anchor-tools.js';

/** What the timings depend on, recorded with them. */
export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** sklearn, xgboost and pandas versions; null when the anchors are absent. */
  anchorLibraries: Record<string, string> | null;
}

export function machineFacts(anchors: AnchorAvailability): MachineFacts {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    anchorLibraries: anchors.available ? anchors.tools.versions : null,
  };
}
