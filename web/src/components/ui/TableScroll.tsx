import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its own box, so a narrow screen scrolls the table and never the
 * page. Focusable so a keyboard user can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${label} (scrolls sideways)`} tabIndex={0}>
      {children}
    </div>
  );
}
