import type { Db } from '../database.js';
import type { ExperimentsTable } from '../schema.js';
import { listOwnedBy, type Page, type PageRequest } from './page.js';

export class ExperimentRepository {
  constructor(private readonly db: Db) {}

  async insert(experiment: ExperimentsTable): Promise<void> {
    await this.db.insertInto('experiments').values(experiment).execute();
  }

  async findById(id: string): Promise<ExperimentsTable | undefined> {
    return this.db.selectFrom('experiments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listByUser(userId: string, page: PageRequest): Promise<Page<ExperimentsTable>> {
    return listOwnedBy(this.db, 'experiments', userId, page);
  }
}
