/**
 * Reads workbooks on a worker thread while the main thread parses the model: MEDEAS's workbook
 * reads (inflate, XML check, cells) were an eighth of its compile, done after the parse, on one
 * core. The host hands the files and tabs its model names (sheet-hints.ts); `sheet` gives a sheet
 * when the model first reads it, waiting for the thread if it has not read it yet (sheets are
 * handed on one by one, so the model's first reads need not wait for a whole file).
 *
 * Everything here is an optimisation: a sheet the thread failed to read, or did not read, is read
 * by the host as before (and any error is the host's own). The wait is synchronous (Atomics.wait on
 * a counter the thread raises at each message; receiveMessageOnPort takes it), since the expansion
 * that reads sheets is synchronous.
 *
 * It pays when a core is free: MEDEAS on 2 cores, 10 alternating pairs at load 1.2-1.9, 1005 ->
 * 866 ms wall. When other processes keep both cores busy the thread's own start and its copy of the
 * reader's warm-up are a cost (load 2-4: 100-200 ms slower in the median, with wide spread).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DataLimits } from '../data/limits.js';
import { matchSheetName } from '../data/workbook.js';
import type { SheetValues } from './sheet-values.js';

export interface PrefetchFile {
  path: string;
  label: string;
  tabs: string[];
}

export interface WorkbookPrefetch {
  /** The sheet `tab` names in the file, as the thread read it; undefined when it did not (or was not asked to). */
  sheet(path: string, tab: string): SheetValues | undefined;
}

/** The thread's messages (workbook-worker.ts). */
interface Message {
  path?: string;
  sheetNames?: string[];
  sheet?: SheetValues;
  end?: true;
  failed?: true;
  done?: true;
}

/** What the thread has handed on of one file so far. */
interface FileState {
  sheetNames?: string[];
  sheets: Map<string, SheetValues>;
  ended: boolean;
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
 * Undefined when there is nothing to read, one core, or no thread to read it (the worker's module
 * is not beside this one: the TypeScript sources under test). `entry`: for tests.
 */
export function startPrefetch(files: PrefetchFile[], limits: DataLimits, entry: URL = WORKER): WorkbookPrefetch | undefined {
  // One core: the thread could only take turns with the parse, at the cost of its own start.
  if (files.length === 0 || availableParallelism() < 2 || !existsSync(fileURLToPath(entry))) return undefined;
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
  const state = new Map<string, FileState>(files.map((f) => [f.path, { sheets: new Map(), ended: false }]));
  let received = 0;
  let done = false;
  const giveUp = (): void => {
    done = true;
    void worker.terminate();
  };
  /** Takes the thread's next message, waiting for it; false once it has nothing more to say. */
  const receive = (): boolean => {
    if (done) return false;
    if (Atomics.load(signal, 1) === 0 && Atomics.wait(signal, 1, 0, START_MS) === 'timed-out') {
      giveUp();
      return false;
    }
    for (;;) {
      const m = receiveMessageOnPort(port1) as { message: Message } | undefined;
      if (m) {
        received++;
        const msg = m.message;
        const file = msg.path === undefined ? undefined : state.get(msg.path);
        if (msg.done) done = true;
        else if (file && msg.sheetNames) file.sheetNames = msg.sheetNames;
        else if (file && msg.sheet) file.sheets.set(msg.sheet.name, msg.sheet);
        else if (file && msg.end) file.ended = true;
        return !done;
      }
      if (Atomics.wait(signal, 0, received, WAIT_MS) === 'timed-out') {
        giveUp();
        return false;
      }
    }
  };
  return {
    sheet(path, tab) {
      const file = state.get(path);
      if (!file) return undefined;
      while (file.sheetNames === undefined && !file.ended && receive());
      const name = file.sheetNames && matchSheetName(file.sheetNames, tab);
      if (name === undefined) return undefined;
      while (!file.sheets.has(name) && !file.ended && receive());
      return file.sheets.get(name);
    },
  };
}
