import { createMatrix, type Matrix } from '../ml/index.js';
import { DatasetError } from '../datasets/dataset-error.js';
import { findColumn, isMissing, type Column, type Table } from '../datasets/table.js';

export interface Design {
  /** Feature values of the kept rows, NaN where missing. */
  X: Matrix;
  /** Indices (into the table) of the rows kept: those with a target value. */
  rows: Uint32Array;
  target: Column | null;
  rowsDroppedMissingTarget: number;
}

/** Selects the feature columns and drops rows whose target is missing (never imputed, never scored). */
export function buildDesign(table: Table, featureColumns: string[], targetColumn: string | null): Design {
  const target = targetColumn === null ? null : requireColumn(table, targetColumn);
  const kept: number[] = [];
  for (let r = 0; r < table.nRows; r++) if (!target || !isMissing(target, r)) kept.push(r);
  const rows = Uint32Array.from(kept);
  const X = createMatrix(rows.length, featureColumns.length);
  featureColumns.forEach((name, c) => {
    const column = requireColumn(table, name);
    if (column.dtype !== 'numeric') {
      throw new DatasetError(`Feature column '${name}' is not numeric (categorical features are not supported yet)`);
    }
    const offset = c * rows.length;
    for (let i = 0; i < rows.length; i++) X.data[offset + i] = column.values[rows[i]];
  });
  return { X, rows, target, rowsDroppedMissingTarget: table.nRows - rows.length };
}

function requireColumn(table: Table, name: string): Column {
  const column = findColumn(table, name);
  if (!column) throw new DatasetError(`Column '${name}' is not in the dataset`);
  return column;
}
