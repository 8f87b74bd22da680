/**
 * Reads workbooks on a worker thread while the main thread parses the model: MEDEAS's workbook
 * reads (inflate, XML check, cells) were an eighth of its compile, done after the parse, on one
 * core. The host hands the files and tabs its model names (sheet-hints.ts); `take` gives a file's
 * sheets when the model first reads it, waiting for the thread if it is not done yet.
 *
 * Everything here is an optimisation: a file the thread failed to read, or did not read, is read by
 * the host as before (and any error is the host's own). The wait is synchronous (Atomics.wait on a
 * counter the thread raises at each message; receiveMessageOnPort takes it), since the expansion
 * that reads sheets is synchronous.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DataLimits } from '../data/limits.js';
import type { PrefetchedBook } from './prefetch-read.js';

export interface PrefetchFile {
  path: string;
  label: string;
  tabs: string[];
}

export interface WorkbookPrefetch {
  /** The file's sheets read by the thread, or undefined (not asked of it, or it failed). */
  take(path: string): PrefetchedBook | undefined;
}

/**
 * Longest wait for the thread's next message. It reads files within the host's limits (seconds at
 * most); only a thread that died without a word waits this long, and the host then reads the file.
 */
const WAIT_MS = 60_000;
/** Longest wait for the thread to start (tens of milliseconds, unloaded): one that never does is given up on. */
const START_MS = 5_000;

const WORKER = new URL('./workbook-worker.js', import.meta.url);

/**
 * Undefined when there is nothing to read or no thread to read it (the worker's module is not
 * beside this one: the TypeScript sources under test). `entry`: for tests.
 */
export function startPrefetch(files: PrefetchFile[], limits: DataLimits, entry: URL = WORKER): WorkbookPrefetch | undefined {
  if (files.length === 0 || !existsSync(fileURLToPath(entry))) return undefined;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8)); // [messages posted, started]
  let worker: Worker;
  try {
    worker = new Worker(entry, { workerData: { port: port2, signal, files, limits }, transferList: [port2] });
  } catch {
    return undefined;
  }
  // Neither keeps the process alive, and a thread that fails says so only to the host's own read.
  worker.on('error', () => {});
  worker.unref();
  port1.unref();
  const asked = new Set(files.map((f) => f.path));
  const got = new Map<string, PrefetchedBook | undefined>();
  let received = 0;
  let done = false;
  return {
    take(path) {
      if (!asked.has(path)) return undefined;
      if (!done && Atomics.load(signal, 1) === 0 && Atomics.wait(signal, 1, 0, START_MS) === 'timed-out') {
        done = true;
        void worker.terminate();
      }
      while (!got.has(path) && !done) {
        const m = receiveMessageOnPort(port1) as { message: { path?: string; book?: PrefetchedBook; done?: true } } | undefined;
        if (m) {
          received++;
          if (m.message.done) done = true;
          else got.set(m.message.path!, m.message.book);
        } else if (Atomics.wait(signal, 0, received, WAIT_MS) === 'timed-out') {
          done = true;
          void worker.terminate();
        }
      }
      const book = got.get(path);
      got.set(path, undefined); // taken once: the host keeps what it uses
      return book;
    },
  };
}
