/**
 * Child processes for the queue's integration test: a throwaway redis-server on a free loopback
 * port, and `igem worker` processes run from the TypeScript sources. Every wait has a deadline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerScript } from '../worker-script.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function redisServerVersion(): string | undefined {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A child process whose output lines are kept, with a way to wait for a line. */
export class Child {
  readonly lines: string[] = [];
  exited = false;
  private waiters: { test: RegExp; resolve: (line: string) => void }[] = [];

  constructor(readonly name: string, readonly proc: ChildProcess) {
    let partial = '';
    const onData = (chunk: Buffer) => {
      partial += chunk.toString('utf8');
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.test.test(line) ? (w.resolve(line), false) : true));
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', () => (this.exited = true));
  }

  /** The first matching line from line `from` on (already seen or to come), or an error after `ms`. */
  waitFor(test: RegExp, ms: number, from = 0): Promise<string> {
    const seen = this.lines.slice(from).find((l) => test.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no line matching ${test} within ${ms} ms; output:\n${this.lines.join('\n')}`)), ms);
      this.waiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  }

  /** Ends the process (SIGTERM, then SIGKILL after `graceMs`) and waits for it. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited || this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

export async function startRedis(port: number, dir: string): Promise<Child> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = new Child('redis-server', proc);
  await child.waitFor(/Ready to accept connections/, 15_000);
  return child;
}

/** `igem ARGS…` from the sources (src/cli/main.ts through tsx). */
function spawnIgem(args: string[]): ChildProcess {
  const { execArgv } = workerScript('pool-worker');
  return spawn(process.execPath, [...execArgv, join(REPO_ROOT, 'src/cli/main.ts'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `igem worker --queue URL …`, left running. */
export function startIgemWorker(name: string, url: string, extra: string[] = []): Child {
  return new Child(name, spawnIgem(['worker', '--queue', url, ...extra]));
}

/** Runs `igem ARGS…` to the end (killed after `ms`); its exit status and output. */
export async function runIgem(args: string[], ms: number): Promise<{ status: number | null; output: string }> {
  const child = new Child(`igem ${args[0]}`, spawnIgem(args));
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), ms);
  const status = await new Promise<number | null>((resolve) => child.proc.once('exit', (code) => resolve(code)));
  clearTimeout(timer);
  return { status, output: child.lines.join('\n') };
}
