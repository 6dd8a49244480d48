import { Link } from '../../app/router.js';
import { TableScroll } from '../../components/ui/TableScroll.js';
import type { RunMetricsBody } from '../../lib/api-types.js';
import { formatNumber, formatSetting } from '../../lib/format.js';
import { hyperparameterRows, metricRows, runTitle, trainingRows, type CompareRow } from './compare-rows.js';

export function CompareTable({ runs, experimentId }: { runs: RunMetricsBody[]; experimentId: string }) {
  return (
    <TableScroll label="Run comparison" className="table compare-table">
      <thead>
        <tr>
          <th />
          {runs.map((run) => (
            <th key={run.model_run_id}>
              <Link to={{ page: 'run', experimentId, runId: run.model_run_id }}>{runTitle(run)}</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <SectionRow title="Metrics" span={runs.length} />
        {metricRows(runs).map((row) => (
          <ValueRow key={row.key} row={row} format={(v) => formatNumber(typeof v === 'number' ? v : null)} />
        ))}
        <SectionRow title="Training" span={runs.length} />
        {trainingRows(runs).map((row) => (
          <ValueRow key={row.key} row={row} format={String} />
        ))}
        <SectionRow title="Hyperparameters" span={runs.length} />
        {hyperparameterRows(runs).map((row) => (
          <ValueRow key={row.key} row={row} format={formatSetting} mono />
        ))}
      </tbody>
    </TableScroll>
  );
}

function SectionRow({ title, span }: { title: string; span: number }) {
  return (
    <tr className="compare-table__section">
      <th colSpan={span + 1}>{title}</th>
    </tr>
  );
}

function ValueRow({ row, format, mono = false }: { row: CompareRow; format: (value: CompareRow['values'][number]) => string; mono?: boolean }) {
  return (
    <tr className={row.differs ? 'compare-table__differs' : undefined} data-row={row.key}>
      <th scope="row" className={mono ? 'mono' : undefined}>
        {row.label}
      </th>
      {row.values.map((value, index) => (
        <td key={index} className={`${mono ? 'mono ' : ''}${row.best.includes(index) ? 'compare-table__best' : ''}`}>
          {value === undefined ? <span className="muted">—</span> : format(value)}
        </td>
      ))}
    </tr>
  );
}
