import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box, so a narrow screen scrolls the table and never the
 * page. The box is focusable so a keyboard user can scroll it too; `label` names both the box and the table.
 */
export function TableScroll({ label, className = 'table', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${label} (scrolls sideways)`} tabIndex={0}>
      <table className={className} aria-label={label}>
        {children}
      </table>
    </div>
  );
}
