/**
 * The ensemble options and commands as a user meets them: `igem sensitivity` stopped by Ctrl-C
 * (a real SIGINT to a real process), bad --workers/--queue values, and `igem worker` without Redis.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Child, freePort, REPO_ROOT, runIgem } from '../analysis/ensemble/test-support/processes.js';
import { tempDir, writeChainModel } from '../analysis/ensemble/test-support/fixtures.js';
import { workerScript } from '../analysis/ensemble/worker-script.js';

const fixture = join(REPO_ROOT, 'src/analysis/test-fixtures/logistic.mdl');
const vary = ['--vary', 'fractional growth=uniform(0.05,0.4)'];

describe('igem sensitivity with a worker pool', () => {
  it('stops cleanly on Ctrl-C: exit status 130, a message, no output file, no temporary file', async () => {
    const dir = tempDir('igem-sigint-');
    // About 10 minutes of runs on one core: still running when the signal comes.
    const model = writeChainModel(dir, { stages: 330, finalTime: 1000, saveper: 10 });
    const out = join(dir, 'bands.csv');
    const args = ['sensitivity', model, '--vary', 'residence time=uniform(1,4)', '--runs', '20000', '--columns', 'total', '--workers', '2', '--out', out];
    const proc = spawn(process.execPath, [...workerScript('pool-worker').execArgv, join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = new Child('igem sensitivity', proc);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    // The Ctrl-C handler is in place when the command announces the ensemble; a second later
    // the threads are busy with runs (the whole ensemble would take minutes).
    await child.waitFor(/^ensemble: runs on 2 worker threads/, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.exited).toBe(false);
    const sent = Date.now();
    proc.kill('SIGINT');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    const status = await exited;
    clearTimeout(killer);
    expect(status, child.lines.join('\n')).toBe(130);
    expect(Date.now() - sent).toBeLessThan(15_000);
    expect(child.lines.join('\n')).toContain('interrupted (Ctrl-C): the workers were stopped and no output was written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('bands'))).toEqual([]);
   }, 240_000);

  it('refuses bad --workers and --queue values with exit status 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--workers', '0'], /--workers: must be a whole number >= 1, got "0"/],
      [['--workers', '2', '--queue', 'redis://127.0.0.1:6379'], /--workers: with --queue the runs go to `igem worker` processes/],
      [['--queue', 'http://127.0.0.1:6379'], /--queue: "http:\/\/127.0.0.1:6379": only redis:\/\/HOST:PORT queues are supported/],
    ];
    for (const [extra, message] of cases) {
      const r = await runIgem(['sensitivity', fixture, ...vary, '--runs', '20', ...extra], 60_000);
      expect(r.status, r.output).toBe(2);
      expect(r.output).toMatch(message);
    }
  });
});

describe('igem worker', () => {
  it('exits with status 2 and a clear message when Redis cannot be reached', async () => {
    const port = await freePort();
    const r = await runIgem(['worker', '--queue', `redis://127.0.0.1:${port}`, '--threads', '1'], 60_000);
    expect(r.status, r.output).toBe(2);
    expect(r.output).toContain(`--queue: cannot reach Redis at redis://127.0.0.1:${port} within 10 s`);
  });
});
