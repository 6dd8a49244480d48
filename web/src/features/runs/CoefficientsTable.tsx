import { TableScroll } from '../../components/ui/TableScroll.js';
import { formatNumber } from '../../lib/format.js';
import { coefficientTable } from './coefficient-table.js';

/** A linear model's signed coefficients: a row per encoded feature (one-hot parts by name), a column per class. */
export function CoefficientsTable({ coefficients, classes, limit }: { coefficients: Record<string, number[]>; classes: string[] | undefined; limit: number }) {
  const table = coefficientTable(coefficients, classes, limit);
  return (
    <>
      <h3 className="card__subtitle">Coefficients{table.columns.length > 1 ? ' by class' : ''}</h3>
      <p className="muted importance__note">
        Signed weights on the encoded features (after any scaling); each category of a column has a row of its own. Showing the {table.rows.length} largest of {table.total}.
      </p>
      <TableScroll label="Coefficients" className="table table--compact">
        <thead>
          <tr>
            <th>Feature</th>
            {table.columns.map((column) => (
              <th key={column} className="numeric table__as-written" title={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.feature}>
              <th scope="row" className="mono">
                {row.feature}
              </th>
              {row.values.map((value, index) => (
                <td key={table.columns[index]} className="numeric">
                  {formatNumber(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </>
  );
}
