import { describe, expect, it } from 'vitest';
import { coefficientTable } from './coefficient-table.js';

describe('coefficientTable', () => {
  const multiclass = {
    bill_length: [-1.5, 0.2, 1.3],
    'island=Biscoe': [0.1, -2.4, 2.3],
    'island=Dream': [0.4, 0.5, -0.9],
  };

  it('labels the columns by class and lists one-hot parts as rows of their own, strongest first', () => {
    expect(coefficientTable(multiclass, ['Adelie', 'Chinstrap', 'Gentoo'], 10)).toEqual({
      columns: ['Adelie', 'Chinstrap', 'Gentoo'],
      rows: [
        { feature: 'island=Biscoe', values: [0.1, -2.4, 2.3] },
        { feature: 'bill_length', values: [-1.5, 0.2, 1.3] },
        { feature: 'island=Dream', values: [0.4, 0.5, -0.9] },
      ],
      total: 3,
    });
  });

  it('keeps the strongest features up to the limit', () => {
    const table = coefficientTable(multiclass, ['Adelie', 'Chinstrap', 'Gentoo'], 1);
    expect(table.rows.map((row) => row.feature)).toEqual(['island=Biscoe']);
    expect(table.total).toBe(3);
  });

  it('names the positive class of a binary model and a regression’s single coefficient', () => {
    expect(coefficientTable({ age: [0.7] }, ['no', 'yes'], 10).columns).toEqual(['yes (vs no)']);
    expect(coefficientTable({ age: [0.7] }, undefined, 10).columns).toEqual(['Coefficient']);
  });
});
