import { formatInteger } from '../../lib/format.js';

/** "21–40 of 73" with previous/next; hidden when everything fits on one page. */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange: (offset: number) => void }) {
  if (total <= limit) return null;
  const last = Math.min(offset + limit, total);
  return (
    <div className="pager">
      <span>
        {formatInteger(offset + 1)}–{formatInteger(last)} of {formatInteger(total)}
      </span>
      <button type="button" className="button button--small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <button type="button" className="button button--small" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </div>
  );
}
