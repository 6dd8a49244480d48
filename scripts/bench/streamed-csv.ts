import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createMatrix } from '../../src/ml/index.js';
import type { NumericTable } from './numeric-csv.js';

/**
 * Reads a numeric CSV (header row, target last) of known size line by line, straight into the
 * engine's matrix: a million-row file is larger than the longest string V8 can hold, so it is
 * never read whole as readNumericCsv does.
 */
export async function streamNumericCsv(path: string, nRows: number, nFeatures: number): Promise<NumericTable> {
  const features = createMatrix(nRows, nFeatures);
  const target = new Float64Array(nRows);
  let row = -1;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (row >= 0 && line !== '') {
      if (row >= nRows) throw new Error(`${path}: more than the ${nRows} rows expected`);
      const cells = line.split(',');
      if (cells.length !== nFeatures + 1) throw new Error(`${path}: line ${row + 2} has ${cells.length} fields, expected ${nFeatures + 1}`);
      for (let col = 0; col < nFeatures; col++) features.data[col * nRows + row] = Number(cells[col]);
      target[row] = Number(cells[nFeatures]);
    }
    if (line !== '') row++;
  }
  if (row !== nRows) throw new Error(`${path}: ${row} rows, expected ${nRows}`);
  return { features, target };
}
