/**
 * `igem serve` in a child process (from the TypeScript sources through tsx), so tests can kill it
 * with SIGKILL and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../server/config.js';

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** SIGKILL: no shutdown hooks run, as when the machine loses the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function startServer(dataDir: string, model: string, timeoutMs = 60_000, extraArgs: string[] = []): Promise<ServerProcess> {
  const root = projectRoot();
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'serve', '--port', '0', '--data-dir', dataDir, '--model', model, '--no-build', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, IGEM_MODEL: '' },
  });
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  const end = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`igem serve did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /IGEM web simulator: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, proc, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`igem serve exited with ${code} before listening:\n${out}`));
    });
  });
}
