import { parseDatetime } from './datetime-text.js';

/** A cell as a reader hands it over: CSV gives text; JSON may also give numbers, booleans and null. */
export type Cell = string | number | boolean | null;

/** Cell texts read as "no value" unless the upload names its own (`na_values`). The empty cell always is. */
export const DEFAULT_MISSING_MARKERS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?'];

/** What one cell looks like; a column's dtype is decided from the kinds of all its cells. */
export enum CellKind {
  Missing,
  /** A number with no separator at all: `42`, `-7e3`. */
  PlainNumber,
  /** A number with a decimal point: `1.72`, `.5`. */
  PointNumber,
  /** A number with one comma and no point: `1,72` (a decimal comma) or `1,234` (a thousands group?). */
  CommaNumber,
  /** Thousands groups (`1,234,567`, `1.234,5`): a number, but not one we can read unambiguously. */
  GroupedNumber,
  /** `inf`, `-Infinity`, or a number too large for a double. */
  NonFinite,
  Boolean,
  Datetime,
  Text,
}

const PLAIN = /^[+-]?\d+([eE][+-]?\d+)?$/;
const POINT = /^[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA = /^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}((,\d{3})+(\.\d+)?|(\.\d{3})+(,\d+)?)$/;
const INFINITE = /^[+-]?(inf|infinity)$/i;
const BOOLEAN = /^(true|false)$/i;

/** Classifies one cell; text is expected trimmed. */
export function classifyCell(cell: Cell, markers: ReadonlySet<string>): CellKind {
  if (cell === null) return CellKind.Missing;
  if (typeof cell === 'boolean') return CellKind.Boolean;
  if (typeof cell === 'number') {
    if (markers.has(String(cell))) return CellKind.Missing;
    return Number.isFinite(cell) ? CellKind.PlainNumber : CellKind.NonFinite;
  }
  if (markers.has(cell)) return CellKind.Missing;
  if (PLAIN.test(cell)) return Number.isFinite(Number(cell)) ? CellKind.PlainNumber : CellKind.NonFinite;
  if (POINT.test(cell)) return Number.isFinite(Number(cell)) ? CellKind.PointNumber : CellKind.NonFinite;
  if (GROUPED.test(cell)) return CellKind.GroupedNumber;
  if (COMMA.test(cell)) return Number.isFinite(Number(cell.replace(',', '.'))) ? CellKind.CommaNumber : CellKind.NonFinite;
  if (INFINITE.test(cell)) return CellKind.NonFinite;
  if (BOOLEAN.test(cell)) return CellKind.Boolean;
  if (!Number.isNaN(parseDatetime(cell))) return CellKind.Datetime;
  return CellKind.Text;
}

/**
 * The number in a cell, NaN when missing, non-finite or not a number. `decimalComma` reads `1,72`
 * as 1.72; without it a comma makes the cell no number.
 */
export function cellNumber(cell: Cell, markers: ReadonlySet<string>, decimalComma: boolean): number {
  if (cell === null || typeof cell === 'boolean') return NaN;
  if (typeof cell === 'number') return Number.isFinite(cell) && !markers.has(String(cell)) ? cell : NaN;
  if (markers.has(cell)) return NaN;
  let value = NaN;
  if (PLAIN.test(cell) || POINT.test(cell)) value = Number(cell);
  else if (decimalComma && COMMA.test(cell)) value = Number(cell.replace(',', '.'));
  return Number.isFinite(value) ? value : NaN;
}

/**
 * cellNumber without its pattern checks, for a column whose every cell the first pass found to be
 * a number: half the cost on the second pass over a large file.
 */
export function knownNumber(cell: Cell, markers: ReadonlySet<string>, decimalComma: boolean): number {
  if (typeof cell !== 'string') return typeof cell === 'number' && Number.isFinite(cell) && !markers.has(String(cell)) ? cell : NaN;
  if (markers.has(cell)) return NaN;
  const value = Number(decimalComma ? cell.replace(',', '.') : cell);
  return Number.isFinite(value) ? value : NaN;
}

/** 1 for true, 0 for false, NaN otherwise. */
export function cellBoolean(cell: Cell, markers: ReadonlySet<string>): number {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string' || markers.has(cell) || !BOOLEAN.test(cell)) return NaN;
  return cell.toLowerCase() === 'true' ? 1 : 0;
}

/** Epoch milliseconds, NaN when missing or not a datetime. */
export function cellDatetime(cell: Cell, markers: ReadonlySet<string>): number {
  if (typeof cell !== 'string' || markers.has(cell)) return NaN;
  return parseDatetime(cell);
}

/** The category a cell names, null when missing. Numbers and booleans keep their JSON spelling. */
export function cellCategory(cell: Cell, markers: ReadonlySet<string>): string | null {
  if (cell === null) return null;
  const text = String(cell);
  return markers.has(text) ? null : text;
}
