/**
 * How a worker finds the model of an ensemble, and its cache of compiled models.
 *
 * - `file`: an absolute path on a disk the worker shares (worker threads on this machine).
 *   Cached by path, modification time and size, so an edited model is recompiled.
 * - `bundle`: a folder written from a `ModelBundle` (the model text plus the bytes of every data
 *   file it reads), for machines that do not share our disk. Cached by the bundle's hash.
 *
 * A worker compiles a model once per ensemble and reuses it for every chunk it is given.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledModelOptions } from '../../sd/run/compiled-model.js';
import { compileVensim } from '../../sd/run/engine.js';
import type { Model } from '../../sd/run/types.js';
import { loadModel } from '../../sd/node/load.js';
import { bundleDataHost, readBundleManifest } from './bundle.js';

export type ModelRef =
  | { kind: 'file'; path: string; options?: CompiledModelOptions }
  | { kind: 'bundle'; dir: string; hash: string; options?: CompiledModelOptions };

const CACHE_SIZE = 4;
const cache = new Map<string, Model>();

function cacheKey(ref: ModelRef): string {
  const opts = JSON.stringify(ref.options ?? {});
  if (ref.kind === 'bundle') return `bundle\0${ref.hash}\0${opts}`;
  const st = statSync(ref.path);
  return `file\0${ref.path}\0${st.mtimeMs}\0${st.size}\0${opts}`;
}

function compile(ref: ModelRef): Model {
  if (ref.kind === 'file') return loadModel(ref.path, ref.options ?? {});
  const manifest = readBundleManifest(ref.dir);
  const text = readFileSync(join(ref.dir, manifest.modelFile), 'utf8');
  return compileVensim(text, { ...ref.options, file: manifest.name, dataHost: bundleDataHost(ref.dir, manifest) }).model;
}

/** The compiled model for `ref`, compiled on first use in this thread. */
export function modelFor(ref: ModelRef): Model {
  if (ref.kind === 'bundle' && !existsSync(ref.dir)) throw new Error(`ensemble: model bundle folder ${ref.dir} is missing`);
  const key = cacheKey(ref);
  let model = cache.get(key);
  if (!model) {
    model = compile(ref);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, model);
  }
  return model;
}
