/**
 * Durability: a server (a real child process) answering a burst of 100 scenario writes is
 * killed with SIGKILL mid-burst; after a restart every write it acknowledged is there, and the
 * database passes PRAGMA integrity_check. `--backup` left a consistent copy at startup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { workerScript } from '../analysis/ensemble/worker-script.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'igem-durable-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `igem serve` and resolves with its address once it listens. */
function serve(dataDir: string, backupDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const args = [...workerScript('pool-worker').execArgv, join(root, 'src/cli/main.ts'), 'serve', '--port', '0', '--data-dir', dataDir, '--no-build', '--backup', backupDir];
  const proc = spawn(process.execPath, args, { cwd: root, env: { ...process.env, IGEM_RUN_WORKERS: '2' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /IGEM web simulator: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!.replace('localhost', '127.0.0.1') });
      }
    });
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe('the store under SIGKILL', () => {
  it('keeps every acknowledged scenario write and stays intact', async () => {
    const data = join(dir, 'data');
    const backups = join(dir, 'backups');
    const first = await serve(data, backups);
    const acked = new Map<string, string>();
    let sent = 0;
    const write = async (i: number) => {
      const name = `scenario ${i}`;
      const r = await fetch(`${first.url}/api/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ modelId: 'green-growth', name, params: { 'carbon tax': i } }),
      });
      if (r.status === 201) acked.set(((await r.json()) as { id: string }).id, name);
    };
    // 100 writes, 10 in flight at a time; SIGKILL once 40 have been answered.
    const pending = new Set<Promise<void>>();
    while (sent < 100) {
      if (acked.size >= 40 && first.proc.exitCode === null) first.proc.kill('SIGKILL');
      const p = write(sent++).catch(() => {});
      pending.add(p);
      void p.finally(() => pending.delete(p));
      if (pending.size >= 10) await Promise.race(pending);
    }
    await Promise.all(pending);
    if (first.proc.exitCode === null && first.proc.signalCode === null) first.proc.kill('SIGKILL');
    await new Promise((r) => (first.proc.exitCode !== null || first.proc.signalCode !== null ? r(undefined) : first.proc.once('exit', r)));
    console.log(`durability: ${acked.size} of 100 writes acknowledged before SIGKILL`);
    expect(acked.size).toBeGreaterThanOrEqual(40);
    expect(acked.size).toBeLessThan(100);

    const second = await serve(data, join(dir, 'backups2'));
    for (const [id, name] of acked) {
      const r = await fetch(`${second.url}/api/scenarios/${id}`);
      expect(r.status, id).toBe(200);
      expect(((await r.json()) as { name: string }).name).toBe(name);
    }
    second.proc.kill('SIGTERM');
    await new Promise((r) => second.proc.once('exit', r));

    const db = new Database(join(data, 'igem.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // The startup backup of the first server: a complete database of its own.
    const copies = readdirSync(backups).filter((f) => f.endsWith('.sqlite'));
    expect(copies.length).toBe(1);
    const copy = new Database(join(backups, copies[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    // Taken at startup, as the burst began: whatever rows it holds are whole ones.
    const rows = copy.prepare('SELECT name FROM scenarios').all() as { name: string }[];
    for (const r of rows) expect(r.name).toMatch(/^scenario \d+$/);
    copy.close();
  }, 240_000);
});
