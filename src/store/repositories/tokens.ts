import type { Db } from '../database.js';
import type { ApiTokensTable } from '../schema.js';

export class TokenRepository {
  constructor(private readonly db: Db) {}

  async insert(token: ApiTokensTable): Promise<void> {
    await this.db.insertInto('api_tokens').values(token).execute();
  }

  /** The owner of an unexpired token, by the token's hash. */
  async findUserId(tokenHash: string, now: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.user_id;
  }
}
