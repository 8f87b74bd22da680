/**
 * The thread that reads a model's workbooks while the model parses (workbook-prefetch.ts). Each
 * file's result (or its failure, which the host's own read will meet and report) is posted as soon
 * as it is read, then the counter the host waits on is raised; a last message says it is done.
 * A second slot says the thread has started.
 * The reader is imported inside the try, so that no failure leaves the host waiting.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DataLimits } from '../data/limits.js';

interface Job {
  port: MessagePort;
  signal: Int32Array;
  files: { path: string; label: string; tabs: string[] }[];
  limits: DataLimits;
}

const { port, signal, files, limits } = workerData as Job;
// Started: the host waits longer for the reads than for the thread to start (workbook-prefetch.ts).
Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);
const post = (message: unknown): void => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};
try {
  const { readBookSheets } = await import('./prefetch-read.js');
  for (const f of files) {
    try {
      post({ path: f.path, book: readBookSheets(f.path, f.label, limits, f.tabs) });
    } catch {
      post({ path: f.path });
    }
  }
} catch {
  // the reader did not load: the host reads every file itself
} finally {
  post({ done: true });
  port.close();
}
