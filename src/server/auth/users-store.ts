/**
 * Accounts for multi-user mode, in their own SQLite file (auth.sqlite in the data folder): users with
 * a role and an argon2id password hash, login sessions (only a hash of the cookie's token is stored),
 * and who owns which scenario or uploaded model (and whether its owner shared it read-only).
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { InputError } from '../../sd/ir/diagnostics.js';

export const ROLES = ['analyst', 'facilitator', 'participant', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  name: string;
  role: Role;
}

export type OwnedKind = 'scenario' | 'model';

/** A session lasts a working day and a half. */
const SESSION_MS = 36 * 3600 * 1000;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export class UsersStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'auth.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS owners (kind TEXT NOT NULL, item_id TEXT NOT NULL, user_id TEXT NOT NULL, share_token TEXT, PRIMARY KEY (kind, item_id));
    `);
  }

  close(): void {
    this.db.close();
  }

  async addUser(name: string, role: Role, password: string): Promise<User> {
    if (!/^[\w.@-]{1,64}$/.test(name)) throw new InputError('', { en: `user name "${name}": use 1 to 64 letters, digits, . _ @ or -`, es: `nombre de usuario "${name}": use de 1 a 64 letras, dígitos, . _ @ o -` });
    if (!ROLES.includes(role)) throw new InputError('', { en: `role "${role}": expected one of ${ROLES.join(', ')}`, es: `rol "${role}": se esperaba uno de ${ROLES.join(', ')}` });
    if (password.length < 8) throw new InputError('', { en: 'the password needs at least 8 characters', es: 'la contraseña necesita al menos 8 caracteres' });
    if (this.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) throw new InputError('', { en: `user "${name}" already exists`, es: `el usuario "${name}" ya existe` });
    const user = { id: randomUUID(), name, role };
    this.db.prepare('INSERT INTO users (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)').run(user.id, name, role, await argon2.hash(password), new Date().toISOString());
    return user;
  }

  /** The user when the password matches, else undefined (the same work either way: no user-name probing by timing). */
  async verify(name: string, password: string): Promise<User | undefined> {
    const r = this.db.prepare('SELECT id, name, role, hash FROM users WHERE name = ?').get(name) as (User & { hash: string }) | undefined;
    const hash = r?.hash ?? (await dummyHash());
    const ok = await argon2.verify(hash, password).catch(() => false);
    return r && ok ? { id: r.id, name: r.name, role: r.role } : undefined;
  }

  /** A new session: the raw token goes to the cookie, only its hash is stored. */
  startSession(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(sha(token), userId, Date.now() + SESSION_MS);
    return token;
  }

  userForSession(token: string | undefined): User | undefined {
    if (!token) return undefined;
    const r = this.db
      .prepare('SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?')
      .get(sha(token), Date.now()) as User | undefined;
    return r;
  }

  endSession(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha(token));
  }

  setOwner(kind: OwnedKind, itemId: string, userId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO owners (kind, item_id, user_id) VALUES (?, ?, ?)').run(kind, itemId, userId);
  }

  owner(kind: OwnedKind, itemId: string): { userId: string; shareToken: string | null } | undefined {
    const r = this.db.prepare('SELECT user_id, share_token FROM owners WHERE kind = ? AND item_id = ?').get(kind, itemId) as { user_id: string; share_token: string | null } | undefined;
    return r && { userId: r.user_id, shareToken: r.share_token };
  }

  /** A read-only share token for an item (made once, then the same). */
  share(kind: OwnedKind, itemId: string): string {
    const o = this.owner(kind, itemId);
    if (o?.shareToken) return o.shareToken;
    const token = randomBytes(18).toString('base64url');
    this.db.prepare('UPDATE owners SET share_token = ? WHERE kind = ? AND item_id = ?').run(token, kind, itemId);
    return token;
  }

  ownedBy(kind: OwnedKind, userId: string): Set<string> {
    return new Set((this.db.prepare('SELECT item_id FROM owners WHERE kind = ? AND user_id = ?').all(kind, userId) as { item_id: string }[]).map((r) => r.item_id));
  }
}

/** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= argon2.hash('igem-no-such-user'));
