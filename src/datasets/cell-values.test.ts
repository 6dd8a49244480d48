import { describe, expect, it } from 'vitest';
import { CellKind, DEFAULT_MISSING_MARKERS, cellNumber, classifyCell } from './cell-values.js';
import { parseDatetime } from './datetime-text.js';
import { sniffDelimiter } from './sniff-dialect.js';

const markers = new Set(DEFAULT_MISSING_MARKERS);

describe('classifyCell', () => {
  it.each([
    ['', CellKind.Missing],
    ['NA', CellKind.Missing],
    ['?', CellKind.Missing],
    [null, CellKind.Missing],
    ['42', CellKind.PlainNumber],
    ['-7e3', CellKind.PlainNumber],
    [3.5, CellKind.PlainNumber],
    ['+1.72', CellKind.PointNumber],
    ['.5', CellKind.PointNumber],
    ['1,72', CellKind.CommaNumber],
    ['1,234,567', CellKind.GroupedNumber],
    ['1.234,5', CellKind.GroupedNumber],
    ['1.2.3', CellKind.Text],
    ['inf', CellKind.NonFinite],
    ['-Infinity', CellKind.NonFinite],
    ['1e999', CellKind.NonFinite],
    [Infinity, CellKind.NonFinite],
    ['TRUE', CellKind.Boolean],
    [false, CellKind.Boolean],
    ['yes', CellKind.Text],
    ['2024-02-29', CellKind.Datetime],
    ['2023-02-29', CellKind.Text],
    ['03/04/2012', CellKind.Text],
    ['5%', CellKind.Text],
  ] as const)('%j is %s', (cell, kind) => {
    expect(CellKind[classifyCell(cell, markers)]).toBe(CellKind[kind]);
  });

  it('reads decimal commas only when told to', () => {
    expect(cellNumber('1,72', markers, true)).toBe(1.72);
    expect(cellNumber('1,72', markers, false)).toBeNaN();
    expect(cellNumber('-3.5e2', markers, false)).toBe(-350);
    expect(cellNumber('1e999', markers, false)).toBeNaN();
  });
});

describe('parseDatetime', () => {
  it.each([
    ['2012-01-31', Date.UTC(2012, 0, 31)],
    ['2012/1/5', Date.UTC(2012, 0, 5)],
    ['2012-01-31 13:45', Date.UTC(2012, 0, 31, 13, 45)],
    ['2012-01-31T13:45:30.250Z', Date.UTC(2012, 0, 31, 13, 45, 30, 250)],
    ['2012-01-31T13:45:30+02:00', Date.UTC(2012, 0, 31, 11, 45, 30)],
    ['2012-01-31T13:45-0130', Date.UTC(2012, 0, 31, 15, 15)],
  ])('%s', (text, epoch) => expect(parseDatetime(text)).toBe(epoch));

  it.each(['2012-13-01', '2012-04-31', '2012-01-01T24:00', '2012-01', 'January 5'])('refuses %s', (text) => {
    expect(parseDatetime(text)).toBeNaN();
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b\n1,5;2,5\n3,5;4\n', ';'],
    ['a\tb\n"x,y"\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    ['"a,b";c\n1;2\n', ';'],
    ['only\n1\n2\n', ','],
  ])('%j', (sample, delimiter) => expect(sniffDelimiter(sample, true)).toBe(delimiter));

  it('ignores a last record cut off by the sample', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\n5', false)).toBe(';');
  });
});
