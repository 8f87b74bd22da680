/**
 * `igem serve --backup DIR`: copies of the database with SQLite's online backup API, at startup,
 * then every `everyMinutes`, and on demand (SIGUSR2 to the server process). Each copy is
 * `igem-<UTC time>.sqlite` in DIR, written under a temporary name and renamed when complete,
 * and the newest `keep` copies are kept.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store.js';

export interface BackupOptions {
  dir: string;
  everyMinutes: number;
  keep: number;
  log?: (line: string) => void;
}

export function backupName(now = new Date()): string {
  return `igem-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.sqlite`;
}

/** One backup now; returns its path. */
export async function backupOnce(store: Store, o: Pick<BackupOptions, 'dir' | 'keep'>): Promise<string> {
  mkdirSync(o.dir, { recursive: true });
  const final = join(o.dir, backupName());
  const partial = `${final}.partial`;
  await store.backup(partial);
  renameSync(partial, final);
  const copies = readdirSync(o.dir).filter((f) => /^igem-\d{8}T\d{6}Z\.sqlite$/.test(f)).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - o.keep))) rmSync(join(o.dir, old), { force: true });
  return final;
}

/** Starts the schedule; returns a function that stops it. */
export function scheduleBackups(store: Store, o: BackupOptions): () => void {
  const log = o.log ?? ((line: string) => console.log(line));
  let running = false;
  const take = () => {
    if (running) return;
    running = true;
    backupOnce(store, o)
      .then((path) => log(`backup: ${path}`))
      .catch((err: Error) => log(`backup failed: ${err.message}`))
      .finally(() => (running = false));
  };
  take();
  const timer = setInterval(take, o.everyMinutes * 60_000);
  timer.unref();
  process.on('SIGUSR2', take);
  return () => {
    clearInterval(timer);
    process.off('SIGUSR2', take);
  };
}
