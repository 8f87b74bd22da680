/**
 * A model bundle: the model text plus the bytes of every data file it reads (GET DIRECT / GET XLS
 * files), so that a worker on another machine can compile exactly the same model without a
 * shared disk. The submitter finds the files by compiling the model once with a data host that
 * notes what is asked for; the worker writes the bundle to a folder of its own and compiles it
 * with a data host that serves those files by the name the model gives them.
 */
import { Buffer } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { isAbsolutePath, parseFileTags, resolveFileTag } from '../../sd/data/file-tags.js';
import type { DataHost } from '../../sd/data/types.js';
import { createNodeDataHost } from '../../sd/node/data-host.js';
import { readModelFile } from '../../sd/node/load.js';
import { compileVensim } from '../../sd/run/engine.js';

export interface ModelBundle {
  /** The model's file name, for messages. */
  name: string;
  text: string;
  /** Data files by the name the model gives them (`written`), with their bytes in base64. */
  files: { written: string; base64: string }[];
}

interface Manifest {
  name: string;
  modelFile: string;
  files: { written: string; local: string }[];
}

const MANIFEST = 'manifest.json';

/** The file the Node data host would open for `written` (same search order as data-host.ts). */
function locateDataFile(modelDir: string, written: string, tags: ReadonlyMap<string, string>): string | undefined {
  for (const c of resolveFileTag(written, tags)) {
    const path = isAbsolutePath(c) && !isAbsolute(c) ? c : resolve(modelDir, c);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Reads a .mdl model and every data file its equations read. */
export function makeBundle(modelPath: string): ModelBundle {
  const file = resolve(modelPath);
  const text = readModelFile(file, modelPath);
  const dir = dirname(file);
  const tags = parseFileTags(text);
  const inner = createNodeDataHost(dir, tags);
  const asked = new Set<string>();
  const recording: DataHost = {
    readSheet(written, tab) {
      asked.add(written);
      return inner.readSheet(written, tab);
    },
  };
  compileVensim(text, { file, dataHost: recording });
  const files = [...asked].map((written) => {
    const path = locateDataFile(dir, written, tags);
    if (!path) throw new Error(`ensemble: data file "${written}" of ${file} was read but cannot be found again`);
    return { written, base64: readFileSync(path).toString('base64') };
  });
  return { name: basename(file), text, files };
}

/** A content hash: equal bundles share one folder and one compiled model per worker. */
export function bundleHash(bundle: ModelBundle): string {
  return createHash('sha256').update(JSON.stringify(bundle)).digest('hex');
}

/**
 * Writes the bundle under `root/<hash>` unless it is already there; written to a temporary
 * folder and renamed, so a concurrent reader never sees half a bundle.
 */
export function writeBundle(bundle: ModelBundle, root: string, hash = bundleHash(bundle)): string {
  const dir = join(root, hash);
  if (existsSync(join(dir, MANIFEST))) return dir;
  mkdirSync(root, { recursive: true });
  const tmp = join(root, `.tmp-${randomUUID()}`);
  mkdirSync(tmp);
  try {
    const manifest: Manifest = { name: bundle.name, modelFile: 'model.mdl', files: [] };
    writeFileSync(join(tmp, manifest.modelFile), bundle.text, 'utf8');
    bundle.files.forEach((f, i) => {
      // Keep the extension: the data host chooses spreadsheet or delimited text by it.
      const local = `data-${i}${extname(f.written.replace(/\\/g, '/')).toLowerCase()}`;
      writeFileSync(join(tmp, local), Buffer.from(f.base64, 'base64'));
      manifest.files.push({ written: f.written, local });
    });
    writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest));
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (!existsSync(join(dir, MANIFEST))) throw err; // else another worker won the race
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

export function readBundleManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
}

/** Serves the bundle's files by the name the model gives them. */
export function bundleDataHost(dir: string, manifest: Manifest): DataHost {
  const local = new Map(manifest.files.map((f) => [f.written, f.local]));
  const inner = createNodeDataHost(dir);
  return {
    readSheet(written, tab) {
      return inner.readSheet(local.get(written) ?? written, tab);
    },
  };
}
