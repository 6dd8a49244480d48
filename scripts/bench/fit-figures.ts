import type { FitReport } from './fit-protocol.js';
import type { AnchorReport } from './run-anchor.js';

export interface DataShape {
  rows: number;
  features: number;
  trainRows: number;
  testRows: number;
}

/** What the table compares from one fit, whichever side made it. */
export interface FitFigures {
  fitSeconds: number;
  score: number | null;
  peakRssMb: number;
  data: DataShape;
}

export function ourFigures(report: FitReport): FitFigures {
  const { fitSeconds, score, peakRssMb, rows, features, trainRows, testRows } = report;
  return { fitSeconds, score, peakRssMb, data: { rows, features, trainRows, testRows } };
}

/** anchor.py's metric of the same name as ours (SCORE_NAME), or null when it has none. */
export function anchorFigures(report: AnchorReport, scoreName: string): FitFigures {
  const score = report.metrics[scoreName];
  return {
    fitSeconds: report.fit_seconds,
    score: typeof score === 'number' ? score : null,
    peakRssMb: report.peak_rss_mb,
    data: { rows: report.rows, features: report.features, trainRows: report.train_rows, testRows: report.test_rows },
  };
}
