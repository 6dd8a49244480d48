import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresDatabase, openSqliteDatabase, type Db } from '../../src/store/database.js';
import { describeEach } from './describe-each.js';
import { databaseUrlFor, dropIsolated, type Service } from './services.js';

/** A fresh, migrated database of one dialect, and how to remove it. */
export interface TestDatabase {
  db: Db;
  dispose(): Promise<void>;
}

export interface DialectCase {
  name: 'sqlite' | 'postgres';
  needs: Service[];
  open(): Promise<TestDatabase>;
}

/** Both dialects the store supports, each test database on its own file or schema. */
const DIALECTS: DialectCase[] = [
  {
    name: 'sqlite',
    needs: [],
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trainyard-store-'));
      const db = await openSqliteDatabase(join(dir, 'trainyard.sqlite'));
      return { db, dispose: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'postgres',
    needs: ['PostgreSQL'],
    open: async () => {
      const id = randomUUID().replaceAll('-', '').slice(0, 16);
      const db = await openPostgresDatabase(databaseUrlFor(id));
      return { db, dispose: async () => (await db.destroy(), await dropIsolated(id, ['PostgreSQL'])) };
    },
  },
];

export function describeEachDialect(title: string, body: (dialect: DialectCase) => void): void {
  describeEach(DIALECTS, title, body);
}
