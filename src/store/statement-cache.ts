import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; the service issues a few dozen, so this only bounds a surprise. */
const CAPACITY = 500;

/**
 * The database as Kysely's SQLite dialect sees it, with each SQL text prepared once and its
 * statement reused: the dialect prepares every query afresh, which was the largest single cost of
 * a simple GET under load. Least recently used texts go first past CAPACITY. A statement still
 * iterating (a streamed query) is not shared: that query gets one of its own.
 */
export function withStatementCache(connection: SqliteConnection, capacity = CAPACITY): SqliteDatabase {
  const prepared = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      const cached = prepared.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted, so the map's order stays least recently used first.
        prepared.delete(sql);
        prepared.set(sql, cached);
        return cached;
      }
      if (cached) return connection.prepare(sql);
      const statement = connection.prepare(sql);
      prepared.set(sql, statement);
      if (prepared.size > capacity) prepared.delete(prepared.keys().next().value as string);
      return statement;
    },
    close(): void {
      prepared.clear();
      connection.close();
    },
  };
}
