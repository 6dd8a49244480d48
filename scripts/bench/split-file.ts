import { readFileSync } from 'node:fs';

/** The 0-based data rows (header excluded) of each part, as anchor.py's --split-out writes them. */
export interface SplitRows {
  train: Uint32Array;
  test: Uint32Array;
}

export function readSplitFile(path: string, nRows: number): SplitRows {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { train?: number[]; test?: number[] };
  if (!Array.isArray(parsed.train) || !Array.isArray(parsed.test)) throw new Error(`${path}: expected {"train": [...], "test": [...]}`);
  const split = { train: Uint32Array.from(parsed.train), test: Uint32Array.from(parsed.test) };
  const outOfRange = [...parsed.train, ...parsed.test].find((row) => !Number.isInteger(row) || row < 0 || row >= nRows);
  if (outOfRange !== undefined) throw new Error(`${path}: row ${outOfRange} is not a data row of a ${nRows}-row CSV`);
  return split;
}
