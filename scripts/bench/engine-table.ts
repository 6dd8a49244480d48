import { succeeded, type EngineResult, type Measured, type SideResult } from './engine-section.js';
import { markdownTable, type Column } from './markdown-table.js';

const COLUMNS: Column[] = [
  { header: 'model', align: 'left' },
  { header: 'shape', align: 'left' },
  { header: 'rows × features (train/test)', align: 'left' },
  { header: 'ours fit s', align: 'right' },
  { header: 'anchor fit s', align: 'right' },
  { header: 'ours/anchor', align: 'right' },
  { header: 'metric', align: 'left' },
  { header: 'ours', align: 'right' },
  { header: 'anchor', align: 'right' },
  { header: 'ours peak RSS MB', align: 'right' },
];

/** The engine table, then a note per parameter we dropped and per failed fit. */
export function engineReport(results: EngineResult[]): string {
  const table = markdownTable(COLUMNS, results.map(tableRow));
  return [table, ...droppedNotes(results), ...failureNotes(results)].join('\n');
}

function tableRow(result: EngineResult): string[] {
  const { anchor } = result;
  const our = figuresOf(result.ours);
  const theirs = figuresOf(anchor);
  return [
    result.model,
    result.shape,
    dataCell(our ?? theirs),
    our ? seconds(our.medianFitSeconds) : 'failed',
    theirs ? seconds(theirs.medianFitSeconds) : anchor === null ? '–' : 'failed',
    result.ratio === null ? '–' : `${result.ratio.toFixed(2)}×`,
    result.scoreName,
    score(our?.score),
    score(theirs?.score),
    our ? our.peakRssMb.toFixed(0) : '–',
  ];
}

function figuresOf(side: Measured | null): SideResult | null {
  return side !== null && succeeded(side) ? side : null;
}

function dataCell(side: SideResult | null): string {
  if (!side) return '–';
  const { rows, features, trainRows, testRows } = side.data;
  return `${rows}×${features} (${trainRows}/${testRows})`;
}

function seconds(value: number): string {
  return value < 100 ? value.toFixed(3) : value.toFixed(1);
}

/** Accuracy and R² to 4 places; inertia is in the thousands or millions, where places say nothing. */
function score(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toFixed(4);
}

function droppedNotes(results: EngineResult[]): string[] {
  const notes = new Set(
    results
      .filter((result) => result.droppedParams.length > 0)
      .map((result) => `${result.ourModelType}: ${result.droppedParams.join(', ')} dropped (not a hyperparameter of our model)`),
  );
  return [...notes];
}

function failureNotes(results: EngineResult[]): string[] {
  return results.flatMap((result) =>
    (['ours', 'anchor'] as const).flatMap((side) => {
      const measured = result[side];
      return measured !== null && !succeeded(measured) ? [`${result.shape} ${result.model}, ${side} failed: ${measured.error}`] : [];
    }),
  );
}
