import type { ColumnProfileBody } from '../../lib/api-types.js';
import { TableScroll } from '../../components/ui/TableScroll.js';
import { formatInteger, formatNumber, formatPercent, formatStat } from '../../lib/format.js';

/** How many of a categorical column's most frequent values to list before "+ n more". */
const TOP_VALUES = 4;

/** One row per column: type, missing cells, distinct values, and the numeric (or date) range or the commonest values. */
export function ColumnProfileTable({ columns, nRows }: { columns: ColumnProfileBody[]; nRows: number }) {
  return (
    <TableScroll label="Column profile">
      <thead>
        <tr>
          <th>Column</th>
          <th>Type</th>
          <th className="numeric">Missing</th>
          <th className="numeric">Distinct</th>
          <th className="numeric">Min</th>
          <th className="numeric">Mean</th>
          <th className="numeric">Std</th>
          <th className="numeric">Max</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.name}>
            <td className="table__primary mono">{column.name}</td>
            <td>
              <span className={`chip chip--${column.dtype}`}>{column.dtype}</span>
            </td>
            <td className="numeric nowrap">
              {column.n_missing === 0 ? <span className="muted">0</span> : `${formatInteger(column.n_missing)} (${formatPercent((100 * column.n_missing) / nRows)})`}
            </td>
            <td className="numeric">{formatInteger(column.n_unique)}</td>
            {column.dtype === 'numeric' || typeof column.min === 'string' ? (
              <>
                <td className="numeric">{formatStat(column.min)}</td>
                <td className="numeric">{formatNumber(column.mean)}</td>
                <td className="numeric">{formatNumber(column.std)}</td>
                <td className="numeric">{formatStat(column.max)}</td>
              </>
            ) : (
              <td colSpan={4}>
                <TopValues counts={column.value_counts ?? {}} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableScroll>
  );
}

function TopValues({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const rest = entries.length - TOP_VALUES;
  return (
    <div className="value-chips">
      {entries.slice(0, TOP_VALUES).map(([value, count]) => (
        <span key={value} className="chip">
          {value} <span className="muted">{formatInteger(count)}</span>
        </span>
      ))}
      {rest > 0 && <span className="muted">+ {formatInteger(rest)} more</span>}
    </div>
  );
}
