import { takeInputRows, type InputColumn } from '../ml/index.js';
import { DatasetError } from '../datasets/dataset-error.js';
import { findColumn, isMissing, type Column, type Table } from '../datasets/table.js';

/** The model's view of a table: its feature columns and target over the rows that have a target. */
export interface Design {
  inputs: InputColumn[];
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
  const everyRow = rows.length === table.nRows;
  const inputs = featureColumns.map((name) => {
    const input = inputColumn(requireColumn(table, name));
    return everyRow ? input : takeInputRows(input, rows);
  });
  return { inputs, rows, target, rowsDroppedMissingTarget: table.nRows - rows.length };
}

/** A stored column as the preprocessing pipeline takes it; booleans are the numbers 0 and 1. */
export function inputColumn(column: Column): InputColumn {
  switch (column.dtype) {
    case 'numeric':
    case 'boolean':
      return { kind: 'numeric', values: column.values };
    case 'datetime':
      return { kind: 'datetime', values: column.values };
    // A test data set may hold few enough rows that a categorical column looks like text: both are categories.
    case 'categorical':
    case 'text':
      return { kind: 'categorical', codes: column.codes, categories: column.categories };
  }
}

function requireColumn(table: Table, name: string): Column {
  const column = findColumn(table, name);
  if (!column) throw new DatasetError(`Column '${name}' is not in the dataset`);
  return column;
}
