import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Store } from '../../store/store.js';
import { apiErrors } from '../errors.js';
import { nowIso } from './ids.js';

export interface IssuedToken {
  access_token: string;
  token_type: 'bearer';
  expires_at: string;
}

/** Accounts and bearer tokens. Tokens are random and stored only as their SHA-256, so a database leak reveals none. */
export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly tokenTtlHours: number,
  ) {}

  async register(email: string, password: string): Promise<{ user_id: string; email: string }> {
    const normalized = email.trim().toLowerCase();
    if (await this.store.users.findByEmail(normalized)) {
      throw apiErrors.conflict(`A user with email ${normalized} already exists`);
    }
    const user = { id: randomUUID(), email: normalized, password_hash: await hash(password), created_at: nowIso() };
    try {
      await this.store.users.insert(user);
    } catch (err) {
      // Two registrations racing for one email: the unique index decides, the loser gets the same 409.
      if (await this.store.users.findByEmail(normalized)) throw apiErrors.conflict(`A user with email ${normalized} already exists`);
      throw err;
    }
    return { user_id: user.id, email: user.email };
  }

  async issueToken(email: string, password: string): Promise<IssuedToken> {
    const user = await this.store.users.findByEmail(email.trim().toLowerCase());
    // An unknown email costs one hash verification too, so response time does not reveal which emails exist.
    const valid = await verify(user?.password_hash ?? (await this.decoyHash()), password);
    if (!user || !valid) throw apiErrors.invalidCredentials();
    return this.issueTokenFor(user.id);
  }

  private decoy: Promise<string> | undefined;

  private decoyHash(): Promise<string> {
    this.decoy ??= hash(randomBytes(16).toString('hex'));
    return this.decoy;
  }

  async issueTokenFor(userId: string): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expires = new Date(now.getTime() + this.tokenTtlHours * 3_600_000);
    await this.store.tokens.insert({
      token_hash: sha256(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
    });
    return { access_token: token, token_type: 'bearer', expires_at: expires.toISOString() };
  }

  /** The user a bearer token belongs to, or undefined when it is unknown or expired. */
  async authenticate(token: string): Promise<string | undefined> {
    return this.store.tokens.findUserId(sha256(token), nowIso());
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
