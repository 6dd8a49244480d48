import type { Db } from '../database.js';
import type { DatasetsTable } from '../schema.js';
import { listOwnedBy, type Page, type PageRequest } from './page.js';

export class DatasetRepository {
  constructor(private readonly db: Db) {}

  async insert(dataset: DatasetsTable): Promise<void> {
    await this.db.insertInto('datasets').values(dataset).execute();
  }

  async findById(id: string): Promise<DatasetsTable | undefined> {
    return this.db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('datasets').where('id', '=', id).execute();
  }

  async listByUser(userId: string, page: PageRequest): Promise<Page<DatasetsTable>> {
    return listOwnedBy(this.db, 'datasets', userId, page);
  }
}
