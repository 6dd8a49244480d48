import { readFileSync } from 'node:fs';
import { createMatrix, type Matrix } from '../../src/ml/index.js';

/** A numeric CSV as the engine takes it: the features column-major, and the target (the last column). */
export interface NumericTable {
  features: Matrix;
  target: Float64Array;
}

/**
 * Reads a CSV of numbers with a header row, as make_data.py writes its numeric shapes; the target
 * is the last column. A blank or non-numeric cell is refused: imputing it is the service's
 * preprocessing, which this bench does not time.
 */
export function readNumericCsv(path: string): NumericTable {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const nCols = lines[0].split(',').length;
  const dataLines = lines.slice(1).filter((line) => line !== '');
  const nRows = dataLines.length;
  const features = createMatrix(nRows, nCols - 1);
  const target = new Float64Array(nRows);
  dataLines.forEach((line, row) => {
    const cells = line.split(',');
    if (cells.length !== nCols) throw new Error(`${path}: line ${row + 2} has ${cells.length} fields, the header ${nCols}`);
    for (let col = 0; col < nCols - 1; col++) features.data[col * nRows + row] = numberIn(cells[col], path, row);
    target[row] = numberIn(cells[nCols - 1], path, row);
  });
  return { features, target };
}

function numberIn(cell: string, path: string, row: number): number {
  const value = Number(cell);
  if (cell === '' || Number.isNaN(value)) throw new Error(`${path}: line ${row + 2} has a cell that is not a number: '${cell}'`);
  return value;
}
