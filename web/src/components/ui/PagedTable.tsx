import { useState, type ReactNode } from 'react';
import type { PageRequest } from '../../lib/api-client.js';
import type { Page } from '../../lib/api-types.js';
import { useResource } from '../../lib/use-resource.js';
import { Pager } from './Pager.js';
import { EmptyState, Loaded } from './states.js';
import { TableScroll } from './TableScroll.js';

const PAGE_SIZE = 20;

interface PagedTableProps<T> {
  label: string;
  load: (page: PageRequest) => Promise<Page<T>>;
  /** The title and text shown when there is nothing to list yet. */
  empty: { title: string; text: string };
  head: ReactNode;
  row: (item: T) => ReactNode;
}

/** A list the API pages (experiments, datasets): loading and error screens, an empty state, the table, the pager. */
export function PagedTable<T>({ label, load, empty, head, row }: PagedTableProps<T>) {
  const [offset, setOffset] = useState(0);
  const { resource, reload } = useResource(() => load({ limit: PAGE_SIZE, offset }), [offset]);
  return (
    <Loaded resource={resource} onRetry={reload}>
      {(page) =>
        page.total === 0 ? (
          <EmptyState title={empty.title}>{empty.text}</EmptyState>
        ) : (
          <>
            <TableScroll label={label}>
              <thead>{head}</thead>
              <tbody>{page.items.map(row)}</tbody>
            </TableScroll>
            <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
          </>
        )
      }
    </Loaded>
  );
}
