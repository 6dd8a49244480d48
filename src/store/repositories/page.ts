import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

/** The one page shape every list endpoint answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

type OwnedTable = 'experiments' | 'datasets';

/** A page of one user's rows of a user-owned table, newest first. */
export async function listOwnedBy<T extends OwnedTable>(
  db: Db,
  table: T,
  userId: string,
  page: PageRequest,
): Promise<Page<Database[T]>> {
  // Kysely cannot type a query over a table chosen at run time; the row type is restored by fetchPage.
  const base = (db as unknown as Kysely<any>).selectFrom(table as string).where('user_id', '=', userId);
  return fetchPage<Database[T]>(base, page);
}

/** Runs a filtered query twice: one page of rows (newest first) and the total count. */
export async function fetchPage<Row>(
  base: SelectQueryBuilder<any, any, object>,
  page: PageRequest,
): Promise<Page<Row>> {
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as Row[], total: Number((count as { n: number | string }).n), ...page };
}
