/**
 * The thread that reads a model's workbooks while the model parses (workbook-prefetch.ts). For
 * each file it posts the sheet names once the book is open, each sheet as soon as it is read, then
 * the file's end (or failure, which the host's own read will meet and report), raising the counter
 * the host waits on after each message; a last message says it is done. A second slot says the
 * thread has started.
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
    const path = f.path;
    try {
      readBookSheets(path, f.label, limits, f.tabs, { opened: (sheetNames) => post({ path, sheetNames }), sheet: (sheet) => post({ path, sheet }) });
      post({ path, end: true });
    } catch {
      post({ path, end: true, failed: true });
    }
  }
} catch {
  // the reader did not load: the host reads every file itself
} finally {
  post({ done: true });
  port.close();
}
