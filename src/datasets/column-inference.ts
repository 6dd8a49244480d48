import { CellKind, classifyCell, type Cell } from './cell-values.js';
import { DatasetError } from './dataset-error.js';
import type { ColumnDtype } from './table.js';

/** Past this many distinct values a column is free text (or an id), not a category to one-hot encode. */
export const MAX_CATEGORIES = 1000;
/** A column with more distinct values than this, most of them unique, is text too (names, ids). */
const MOSTLY_UNIQUE_FLOOR = 50;
/** How many positions of non-finite numbers a note names. */
const NAMED_POSITIONS = 5;

/** What the first pass decided about a column. */
export interface ColumnPlan {
  name: string;
  dtype: ColumnDtype;
  /** Numbers that were infinite or overflowed a double; read as missing. */
  nNonFinite: number;
  /** Plain-language remarks for the profile (why a number-like column is categorical, what was read as missing). */
  notes: string[];
}

interface Example {
  text: string;
  position: number;
}

/**
 * The first pass over one column: counts of each kind of cell, first examples for messages and a
 * bounded set of distinct values. Memory stays bounded whatever the number of rows.
 */
export class ColumnInference {
  private readonly counts = new Float64Array(CellKind.Text + 1);
  private readonly examples = new Map<CellKind, Example>();
  private readonly nonFinitePositions: number[] = [];
  /** Distinct present values seen (up to MAX_CATEGORIES + 1) with their kind: counts them, and spares classifying a repeat. */
  private readonly distinct = new Map<string, CellKind>();

  constructor(
    readonly name: string,
    private readonly markers: ReadonlySet<string>,
  ) {}

  add(cell: Cell, position: number): void {
    const text = String(cell);
    const kind = (typeof cell === 'string' ? this.distinct.get(text) : undefined) ?? classifyCell(cell, this.markers);
    this.counts[kind]++;
    if (kind === CellKind.Missing) return;
    if (!this.examples.has(kind)) this.examples.set(kind, { text, position });
    if (kind === CellKind.NonFinite && this.nonFinitePositions.length < NAMED_POSITIONS) this.nonFinitePositions.push(position);
    if (this.distinct.size <= MAX_CATEGORIES) this.distinct.set(text, kind);
  }

  /** The column's dtype; a DatasetError when its numbers cannot be read unambiguously. */
  resolve(decimalComma: boolean, unit: string): ColumnPlan {
    const n = (kind: CellKind) => this.counts[kind];
    const present = this.counts.reduce((a, b) => a + b, 0) - n(CellKind.Missing);
    const numbers = n(CellKind.PlainNumber) + n(CellKind.PointNumber) + n(CellKind.CommaNumber) + n(CellKind.NonFinite);
    const plan = (dtype: ColumnDtype, notes: string[] = []): ColumnPlan => ({ name: this.name, dtype, nNonFinite: 0, notes });
    if (present === 0) return plan('numeric', ['every value is missing']);
    if (numbers + n(CellKind.GroupedNumber) === present) {
      this.checkReadable(decimalComma, unit);
      return { ...plan('numeric', this.nonFiniteNotes(unit)), nNonFinite: n(CellKind.NonFinite) };
    }
    if (n(CellKind.Boolean) === present) return plan('boolean');
    if (n(CellKind.Datetime) === present) return plan('datetime');
    const notes: string[] = [];
    if (numbers >= present / 2) {
      const stray = this.examples.get(CellKind.Text) ?? this.firstNonNumber();
      notes.push(
        `${numbers} of ${present} values are numbers, but '${stray.text}' (${unit} ${stray.position}) is not: the column is read as categorical`,
      );
    }
    return plan(this.isText(present) ? 'text' : 'categorical', notes);
  }

  private checkReadable(decimalComma: boolean, unit: string): void {
    const grouped = this.examples.get(CellKind.GroupedNumber);
    const comma = this.examples.get(CellKind.CommaNumber);
    const point = this.examples.get(CellKind.PointNumber);
    const at = (e: Example) => `'${e.text}' (${unit} ${e.position})`;
    if (grouped) {
      throw new DatasetError(`Column '${this.name}' has a number with thousands separators, ${at(grouped)}, which cannot be read unambiguously: write numbers without grouping`);
    }
    if (comma && !decimalComma) {
      throw new DatasetError(
        `Column '${this.name}' has a number with a comma, ${at(comma)}, which cannot be read unambiguously (a decimal comma or a thousands separator?): upload with decimal=, if commas are decimal separators`,
      );
    }
    if (comma && point) {
      throw new DatasetError(
        `Column '${this.name}' mixes decimal commas, ${at(comma)}, and decimal points, ${at(point)}: its numbers cannot be read unambiguously`,
      );
    }
  }

  private nonFiniteNotes(unit: string): string[] {
    const count = this.counts[CellKind.NonFinite];
    if (count === 0) return [];
    const positions = this.nonFinitePositions.join(', ') + (count > this.nonFinitePositions.length ? ', ...' : '');
    return [`${count} infinite or overflowing number${count === 1 ? ' was' : 's were'} read as missing (${unit}${count === 1 ? '' : 's'} ${positions})`];
  }

  private firstNonNumber(): Example {
    for (const kind of [CellKind.Boolean, CellKind.Datetime, CellKind.GroupedNumber]) {
      const example = this.examples.get(kind);
      if (example) return example;
    }
    throw new Error('unreachable: a non-numeric column has a non-number');
  }

  private isText(present: number): boolean {
    const distinct = this.distinct.size;
    return distinct > MAX_CATEGORIES || (distinct > MOSTLY_UNIQUE_FLOOR && distinct > present / 2);
  }
}
