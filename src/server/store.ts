/**
 * Scenarios and uploaded models in an embedded SQLite database (one file in the data folder).
 * Every write is one transaction in WAL mode with synchronous=FULL: a write that returned is on
 * disk, and a killed process leaves either the old row or the new one, never half of it.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './api-types.js';

export interface StoredModel {
  id: string;
  name: string;
  file: string;
  text: string;
  createdAt: string;
}

export interface ScenarioInput {
  modelId: string;
  name: string;
  description?: string;
  params: Record<string, number>;
}

const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE models (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      file TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE scenarios (
      id TEXT PRIMARY KEY,
      model_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      params TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX scenarios_by_model ON scenarios (model_id, created_at);
  `,
};

interface ScenarioRow {
  id: string;
  model_id: string;
  name: string;
  description: string;
  params: string;
  created_at: string;
  updated_at: string;
}

function toScenario(r: ScenarioRow): Scenario {
  return {
    id: r.id,
    modelId: r.model_id,
    name: r.name,
    description: r.description,
    params: JSON.parse(r.params) as Record<string, number>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The id of an uploaded model: a hash of its text, so the same upload is stored once. */
export function uploadedModelId(text: string): string {
  return 'u-' + createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export class Store {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'igem.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v}`);
      })();
    }
  }

  /**
   * A consistent copy of the database at `path`, taken with SQLite's online backup API while the
   * server keeps answering (better-sqlite3 copies pages in steps between other statements).
   */
  async backup(path: string): Promise<void> {
    await this.db.backup(path);
  }

  close(): void {
    this.db.close();
  }

  // Models ---------------------------------------------------------------------------------

  listModels(): Omit<StoredModel, 'text'>[] {
    const rows = this.db.prepare('SELECT id, name, file, created_at FROM models ORDER BY created_at, id').all() as {
      id: string;
      name: string;
      file: string;
      created_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, file: r.file, createdAt: r.created_at }));
  }

  getModel(id: string): StoredModel | undefined {
    const r = this.db.prepare('SELECT id, name, file, text, created_at FROM models WHERE id = ?').get(id) as
      | { id: string; name: string; file: string; text: string; created_at: string }
      | undefined;
    return r && { id: r.id, name: r.name, file: r.file, text: r.text, createdAt: r.created_at };
  }

  /** Stores an uploaded model (once per distinct text) and returns it. */
  addModel(name: string, file: string, text: string): StoredModel {
    const id = uploadedModelId(text);
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO models (id, name, file, text, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, file = excluded.file')
      .run(id, name, file, text, now);
    return this.getModel(id)!;
  }

  /** Deletes an uploaded model and its scenarios together. */
  deleteModel(id: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM scenarios WHERE model_id = ?').run(id);
      return this.db.prepare('DELETE FROM models WHERE id = ?').run(id).changes > 0;
    })();
  }

  // Scenarios ------------------------------------------------------------------------------

  listScenarios(modelId?: string): Scenario[] {
    const rows = (
      modelId === undefined
        ? this.db.prepare('SELECT * FROM scenarios ORDER BY created_at, id').all()
        : this.db.prepare('SELECT * FROM scenarios WHERE model_id = ? ORDER BY created_at, id').all(modelId)
    ) as ScenarioRow[];
    return rows.map(toScenario);
  }

  getScenario(id: string): Scenario | undefined {
    const r = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    return r && toScenario(r);
  }

  createScenario(input: ScenarioInput): Scenario {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO scenarios (id, model_id, name, description, params, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.modelId, input.name, input.description ?? '', JSON.stringify(input.params), now, now);
    return this.getScenario(id)!;
  }

  /** Changes name, description or lever settings; undefined fields keep their value. */
  updateScenario(id: string, patch: { name?: string; description?: string; params?: Record<string, number> }): Scenario | undefined {
    const old = this.getScenario(id);
    if (!old) return undefined;
    const now = new Date().toISOString();
    this.db
      .prepare('UPDATE scenarios SET name = ?, description = ?, params = ?, updated_at = ? WHERE id = ?')
      .run(patch.name ?? old.name, patch.description ?? old.description, JSON.stringify(patch.params ?? old.params), now, id);
    return this.getScenario(id);
  }

  deleteScenario(id: string): boolean {
    return this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
  }

  duplicateScenario(id: string, name?: string): Scenario | undefined {
    const old = this.getScenario(id);
    if (!old) return undefined;
    return this.createScenario({ modelId: old.modelId, name: name ?? `${old.name} (copy)`, description: old.description, params: old.params });
  }
}
