/**
 * The benchmark's peer: SDEverywhere 0.7.28's generated JavaScript, driven through its own packages
 * (`@sdeverywhere/compile` generates the code, `@sdeverywhere/runtime` runs it), as its `sde generate
 * --outformat=js` and its synchronous model runner would, so that `npm run bench` can time both
 * engines in one process on the same model.
 *
 * Both packages are devDependencies without bundled types for compile, so they are loaded with
 * dynamic imports and typed here by the few members this harness calls.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, extname, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsModel, LookupDef, Outputs, RunModelParams, RunnableModel } from '@sdeverywhere/runtime';
import { InputError } from '../sd/ir/diagnostics.js';

export interface PeerModel {
  /** The requested names (or, when all outputs were asked for, SDEverywhere's Vensim names for them). */
  outputNames: string[];
  /** The saved times, one per point of each series. */
  time: Float64Array;
  /**
   * One full simulation with SDEverywhere's run loop, storing the outputs in its buffer.
   * The series are views into that buffer: the next run overwrites them.
   */
  run(): Float64Array[];
}

export interface PreparePeerOptions {
  /** Vensim names (`Population`, `Stock[a1]`) of the outputs to store; empty: every variable. */
  outputs: string[];
  /**
   * Variables SDEverywhere should keep settable. With both inputs and outputs given it also
   * drops code the outputs do not need (its own dead-code pass). Runs use the model's values.
   */
  inputs?: string[];
  /** Folder for the generated code (created if missing). */
  workDir: string;
  /** Maps a requested name to the peer model's name for it (for rewritten peer copies). */
  rename?: (name: string) => string;
}

/** The part of `@sdeverywhere/compile` this harness uses. */
interface SdeCompile {
  resetState(): void;
  parseModel(input: string, modelKind: 'vensim', modelDir: string | undefined): unknown;
  generateCode(
    parsedModel: unknown,
    opts: { spec: SdeSpec; operations: string[]; extData: Map<string, unknown>; directData: Map<string, unknown>; modelDirname: string | undefined },
  ): string;
  parseAndGenerate(
    input: string,
    modelKind: 'vensim',
    spec: SdeSpec,
    operations: string[],
    modelDirname: string,
    modelName: string,
    buildDir: string,
  ): Promise<string>;
}

/** The fields of SDEverywhere's `spec.json` that matter here. */
interface SdeSpec {
  inputVarNames: string[];
  outputVarNames: string[];
}

/** The part of `@sdeverywhere/runtime` this harness uses. */
interface SdeRuntime {
  createRunnableModel(model: JsModel): RunnableModel;
}

// Variables hold the specifiers so TypeScript leaves these untyped dev-only packages to run time.
const compileSpecifier = '@sdeverywhere/compile';
const runtimeSpecifier = '@sdeverywhere/runtime';

// The compiler keeps the parsed model in module-level state: one generation at a time.
let generating: Promise<unknown> = Promise.resolve();

/** Generates SDEverywhere's JavaScript for a Vensim model and loads it, ready to run. */
export async function preparePeer(mdlPath: string, opts: PreparePeerOptions): Promise<PeerModel> {
  const modulePath = await generatePeerModule(mdlPath, opts);
  return loadPeerModule(modulePath, mdlPath, opts.outputs);
}

/**
 * The first half of `preparePeer`: SDEverywhere's generator writes the model's ES module into
 * `workDir`; returns its path. The bench runs this in a child process (src/bench/peer-generate.ts)
 * so that the generator (17 MB of heap once imported) does not stay in the timed process.
 */
export async function generatePeerModule(mdlPath: string, opts: PreparePeerOptions): Promise<string> {
  const file = resolve(mdlPath);
  const text = readModelText(file);
  const rename = opts.rename ?? ((name: string) => name);
  const spec: SdeSpec = {
    inputVarNames: (opts.inputs ?? []).map(rename),
    outputVarNames: opts.outputs.map(rename),
  };
  const workDir = resolve(opts.workDir);
  mkdirSync(workDir, { recursive: true });

  const job = generating.then(() => generate(file, text, spec, workDir));
  generating = job.catch(() => undefined);
  return job;
}

/** The second half of `preparePeer`: loads a generated module of `mdlPath` storing `outputs` (empty: every variable). */
export async function loadPeerModule(modulePath: string, mdlPath: string, outputs: string[]): Promise<PeerModel> {
  const file = resolve(mdlPath);
  const jsModel = await loadGeneratedModel(modulePath, file);
  if (outputs.length > 0) checkOutputIds(jsModel, file);
  const outputNames = outputs.length > 0 ? outputs.slice() : jsModel.outputVarNames.slice();
  return runnablePeer(jsModel, outputNames, file);
}

/**
 * Generates SDEverywhere's JavaScript for Vensim model text in memory (no files) and loads it,
 * storing every variable. For many small generated models (the differential tests), where files
 * and module imports would pile up. `label` names the model in errors.
 */
export async function preparePeerFromText(text: string, label: string): Promise<PeerModel> {
  const job = generating.then(() => generateInMemory(text, label));
  generating = job.catch(() => undefined);
  const jsModel = await job;
  return runnablePeer(jsModel, jsModel.outputVarNames.slice(), label);
}

async function runnablePeer(jsModel: JsModel, outputNames: string[], file: string): Promise<PeerModel> {
  const runtime = (await import(runtimeSpecifier)) as SdeRuntime;
  let runnable: RunnableModel;
  try {
    // This reads the control parameters, running the model's initialization once.
    runnable = runtime.createRunnableModel(jsModel);
  } catch (e) {
    throw new InputError(file, { en: `SDEverywhere's generated JavaScript cannot start a run: ${(e as Error).message}`, es: `el JavaScript generado por SDEverywhere no puede iniciar una corrida: ${(e as Error).message}` });
  }
  const params = new PeerRunParams(jsModel.outputVarIds.length * runnable.numSavePoints, runnable.numSavePoints);
  const time = new Float64Array(runnable.numSavePoints);
  for (let i = 0; i < time.length; i++) time[i] = runnable.startTime + i * runnable.saveFreq;

  return {
    outputNames,
    time,
    run(): Float64Array[] {
      runnable.runModel(params);
      return params.series;
    },
  };
}

/** Builds a name map from a `*.names.json` (lower-case original name to lower-case peer name). */
export function readPeerNameMap(jsonPath: string): (name: string) => string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (e) {
    throw new InputError(jsonPath, { en: `cannot read the peer name map: ${(e as Error).message}`, es: `no se puede leer el mapa de nombres del par: ${(e as Error).message}` });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(jsonPath, { en: 'the peer name map must be a JSON object of original name to peer name', es: 'el mapa de nombres del par debe ser un objeto JSON de nombre original a nombre del par' });
  }
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof to !== 'string') throw new InputError(`${jsonPath}: ${from}`, { en: 'the peer name must be a string', es: 'el nombre del par debe ser un texto' });
    map.set(nameKey(from), to);
  }
  return (name) => {
    const bracket = name.indexOf('[');
    const base = bracket < 0 ? name : name.slice(0, bracket);
    const peer = map.get(nameKey(base));
    return peer === undefined ? name : peer + (bracket < 0 ? '' : name.slice(bracket));
  };
}

/** Vensim matches names ignoring case, quotes and the difference between `_` and runs of spaces. */
function nameKey(name: string): string {
  return name.replace(/"/g, '').replace(/[\s_]+/g, ' ').trim().toLowerCase();
}

function readModelText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, { en: `cannot read model: ${(e as Error).message}`, es: `no se puede leer el modelo: ${(e as Error).message}` });
  }
}

/** Runs SDEverywhere's generator and returns the path of the generated ES module. */
async function generate(file: string, text: string, spec: SdeSpec, workDir: string): Promise<string> {
  const compile = (await import(compileSpecifier)) as SdeCompile;
  // A name per model text and spec, so a second spec for the same model gets its own module.
  const tag = createHash('sha256').update(text).update(JSON.stringify(spec)).digest('hex').slice(0, 12);
  const stem = basename(file, extname(file)).replace(/[^A-Za-z0-9_-]+/g, '_');
  const modelName = `${stem}-sde-${tag}`;
  compile.resetState();
  try {
    // Like `sde generate --outformat=js`: the raw model text (the parser runs SDE's preprocessor itself).
    await compile.parseAndGenerate(text, 'vensim', { ...spec }, ['generateJS'], dirname(file), modelName, workDir);
  } catch (e) {
    throw new InputError(file, { en: `SDEverywhere 0.7.28 generates no JavaScript for this model: ${(e as Error).message}`, es: `SDEverywhere 0.7.28 no genera JavaScript para este modelo: ${(e as Error).message}` });
  }
  // The generated code is an ES module; `.mjs` makes Node load it as one outside any package.
  const modulePath = join(workDir, `${modelName}.mjs`);
  renameSync(join(workDir, `${modelName}.js`), modulePath);
  return modulePath;
}

/**
 * The same steps as `parseAndGenerate` without writing the code to a file: SDEverywhere's parser
 * (which runs its preprocessor) and its JavaScript generator, every variable as an output.
 */
async function generateInMemory(text: string, label: string): Promise<JsModel> {
  const compile = (await import(compileSpecifier)) as SdeCompile;
  compile.resetState();
  let code: string;
  try {
    const parsed = compile.parseModel(text, 'vensim', undefined);
    const spec: SdeSpec = { inputVarNames: [], outputVarNames: [] };
    code = compile.generateCode(parsed, { spec, operations: ['generateJS'], extData: new Map(), directData: new Map(), modelDirname: undefined });
  } catch (e) {
    throw new InputError(label, { en: `SDEverywhere 0.7.28 generates no JavaScript for this model: ${(e as Error).message}`, es: `SDEverywhere 0.7.28 no genera JavaScript para este modelo: ${(e as Error).message}` });
  }
  // The generated module imports nothing and exports one thing, its default factory; run it as a
  // function body instead of importing it, so that each model can be garbage collected.
  const exported = 'export default async function';
  if (code.split(exported).length !== 2 || /^\s*import\s/m.test(code)) {
    throw new InputError(label, { en: 'SDEverywhere\'s generated JavaScript does not have the one default export this harness expects', es: 'el JavaScript generado por SDEverywhere no tiene la única exportación por defecto que espera este arnés' });
  }
  try {
    const moduleBody = new Function(code.replace(exported, 'return async function')) as () => () => Promise<JsModel>;
    return await moduleBody()();
  } catch (e) {
    throw new InputError(label, { en: `SDEverywhere's generated JavaScript does not load: ${(e as Error).message}`, es: `el JavaScript generado por SDEverywhere no carga: ${(e as Error).message}` });
  }
}

async function loadGeneratedModel(modulePath: string, file: string): Promise<JsModel> {
  let mod: { default?: () => Promise<JsModel> };
  try {
    mod = (await import(pathToFileURL(modulePath).href)) as typeof mod;
  } catch (e) {
    throw new InputError(file, { en: `SDEverywhere's generated JavaScript (${modulePath}) does not load: ${(e as Error).message}`, es: `el JavaScript generado por SDEverywhere (${modulePath}) no carga: ${(e as Error).message}` });
  }
  if (typeof mod.default !== 'function') {
    throw new InputError(file, { en: `SDEverywhere's generated JavaScript (${modulePath}) exports no model`, es: `el JavaScript generado por SDEverywhere (${modulePath}) no exporta ningún modelo` });
  }
  return mod.default();
}

/**
 * SDEverywhere checks scalar output names itself but emits subscripted ones unchecked (a wrong
 * subscript would fail only inside a run), so check those against its model listing.
 */
function checkOutputIds(jsModel: JsModel, file: string): void {
  const listing = jsModel.modelListing as
    | { dimensions: { id: string; subIds: string[] }[]; variables: { id: string; dimIds?: string[] }[] }
    | undefined;
  if (listing === undefined) return;
  const dims = new Map(listing.dimensions.map((d) => [d.id, d.subIds]));
  const vars = new Map(listing.variables.map((v) => [v.id, v.dimIds ?? []]));
  jsModel.outputVarIds.forEach((id, i) => {
    const m = /^([^[]+)(?:\[(.*)\])?$/.exec(id);
    const dimIds = m ? vars.get(m[1]!) : undefined;
    const subs = m?.[2] === undefined ? [] : m[2].split(',');
    const ok =
      dimIds !== undefined &&
      subs.length === dimIds.length &&
      subs.every((s, k) => (dims.get(dimIds[k]!) ?? []).includes(s));
    if (!ok) throw new InputError(file, { en: `output ${jsModel.outputVarNames[i]} (SDEverywhere id ${id}) is not a variable element of the model`, es: `la salida ${jsModel.outputVarNames[i]} (id de SDEverywhere ${id}) no es un elemento de variable del modelo` });
  });
}

/**
 * The run parameters SDEverywhere's runnable model asks for: no inputs, no lookup overrides, the
 * spec's outputs. It receives the runner's own output buffer and hands out views of it, so a run
 * costs SDEverywhere's run loop and nothing more.
 */
class PeerRunParams implements RunModelParams {
  private static readonly noInputs = new Float64Array(0);
  private buffer: Float64Array | undefined;
  series: Float64Array[] = [];
  private elapsed = 0;

  constructor(
    private readonly outputsLength: number,
    private readonly seriesLength: number,
  ) {}

  getInputs(): Float64Array {
    return PeerRunParams.noInputs;
  }
  copyInputs(): void {}
  getOutputIndicesLength(): number {
    return 0;
  }
  getOutputIndices(): Int32Array | undefined {
    return undefined;
  }
  copyOutputIndices(): void {}
  getOutputsLength(): number {
    return this.outputsLength;
  }
  getOutputs(): Float64Array | undefined {
    return undefined;
  }
  getOutputsObject(): Outputs | undefined {
    return undefined;
  }
  storeOutputs(array: Float64Array): void {
    // The runner keeps one buffer across runs (variable-major: one series after another).
    if (array !== this.buffer) {
      this.buffer = array;
      const n = this.seriesLength;
      this.series = Array.from({ length: this.outputsLength / n }, (_, k) => array.subarray(k * n, (k + 1) * n));
    }
  }
  getLookups(): LookupDef[] | undefined {
    return undefined;
  }
  getElapsedTime(): number {
    return this.elapsed;
  }
  storeElapsedTime(elapsed: number): void {
    this.elapsed = elapsed;
  }
}
