import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

function database() {
  const connection = new SQLite(':memory:');
  connection.exec('CREATE TABLE t (x INTEGER)');
  connection.exec('INSERT INTO t VALUES (1), (2), (3)');
  return connection;
}

describe('withStatementCache', () => {
  it('prepares each SQL text once and hands the same statement back', () => {
    const db = withStatementCache(database());
    const first = db.prepare('SELECT x FROM t');
    expect(db.prepare('SELECT x FROM t')).toBe(first);
    expect(db.prepare('SELECT x FROM t WHERE x > ?')).not.toBe(first);
    expect(first.all([])).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
  });

  it('forgets the least recently used text past its capacity', () => {
    const db = withStatementCache(database(), 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a);
    const c = db.prepare('SELECT 3');
    // SELECT 2 was the least recently used, so it went; SELECT 1 is still kept.
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
    // Preparing SELECT 2 again pushed out SELECT 3, by then the least recently used.
    expect(db.prepare('SELECT 3')).not.toBe(c);
  });

  it('gives a query of its own while the cached statement is still iterating', () => {
    const db = withStatementCache(database());
    const streaming = db.prepare('SELECT x FROM t');
    const rows = streaming.iterate([]);
    rows.next();
    const other = db.prepare('SELECT x FROM t');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    rows.return?.();
    expect(db.prepare('SELECT x FROM t')).toBe(streaming);
  });
});
