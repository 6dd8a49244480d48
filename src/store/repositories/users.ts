import type { Db } from '../database.js';
import type { UsersTable } from '../schema.js';

export class UserRepository {
  constructor(private readonly db: Db) {}

  async insert(user: UsersTable): Promise<void> {
    await this.db.insertInto('users').values(user).execute();
  }

  async findByEmail(email: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
