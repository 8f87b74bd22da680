/**
 * Sliders from a model's constants, SyntheSim-style: the profile's levers when it names them,
 * else every constant with a `[min,max]` annotation; the other constants follow in their own group.
 * A constant without a range gets one around its value.
 */
import type { ModelProfile } from '../server/api-types.js';
import type { ParameterInfo } from '../sd/run/types.js';
import type { VariableInfo } from './model/model-info.js';
// Only the small control-name module: model-info pulls in the model readers, which belong in the worker.
import { isControlVariable } from './model/control.js';

export interface Lever {
  /** The parameter's output name (`Name` or `Name[elem]`): the key in run params. */
  name: string;
  /** Profile label, else the variable's name as written. */
  label: string;
  help: string;
  units: string;
  group: string;
  min: number;
  max: number;
  step: number;
  defaultValue: number;
  /** A 0/1 lever shown as a switch. */
  isSwitch: boolean;
  /** True for policy levers (profile or `[min,max]`), false for the other constants. */
  policy: boolean;
  /** The label is the model's own name (no display label exists): shown as an identifier, not translated. */
  identifier: boolean;
}

export interface LeverGroup {
  name: string;
  policy: boolean;
  levers: Lever[];
}

/** A round step near a hundredth of the span (1, 2 or 5 times a power of ten). */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/** Slider bounds: the model's annotation where given, else zero to twice the value (or ±1 around zero). */
export function leverRange(p: ParameterInfo): { min: number; max: number; step: number } {
  const v = p.value;
  const guessMin = v > 0 ? 0 : v < 0 ? 2 * v : 0;
  const guessMax = v > 0 ? 2 * v : v < 0 ? 0 : 1;
  let min = p.range?.min ?? Math.min(guessMin, v);
  let max = p.range?.max ?? Math.max(guessMax, v);
  if (!(max > min)) {
    min = Math.min(min, v, 0);
    max = Math.max(max, v, min + 1);
  }
  // A default outside the annotation widens the slider so the default stays reachable.
  min = Math.min(min, v);
  max = Math.max(max, v);
  // Whole-number settings over a wide span (years, counts) move in whole steps.
  const whole = [min, max, v].every(Number.isInteger) && max - min >= 20;
  const step = p.range?.step && p.range.step > 0 ? p.range.step : whole ? Math.max(1, niceStep(max - min)) : niceStep(max - min);
  return { min, max, step };
}

type ProfileLever = NonNullable<ModelProfile['levers']>[number];

const baseName = (name: string) => name.replace(/\[.*$/, '');
const POLICY_GROUP = /polic|lever|palanca|pol[ií]tica|scenario|escenario/i;

export function buildLevers(
  parameters: readonly ParameterInfo[],
  variables: readonly VariableInfo[],
  profile: ModelProfile,
  labels: {
    policy: string;
    other: string;
    label?: (v: ProfileLever) => string | undefined;
    help?: (v: ProfileLever) => string | undefined;
    group?: (v: ProfileLever) => string | undefined;
    /** A label for a lever the profile does not label (e.g. from the model's labels file). */
    fallbackLabel?: (name: string) => string | undefined;
    /** Units as readers see them. */
    units?: (u: string) => string;
  },
): LeverGroup[] {
  const byKey = new Map(variables.map((v) => [v.key, v]));
  const keyOf = (name: string) => baseName(name).toLowerCase().replace(/[_\s]+/g, ' ').trim();
  const profiled = new Map((profile.levers ?? []).map((l) => [keyOf(l.name), l]));
  const usable = parameters.filter((p) => !isControlVariable(keyOf(p.name)));
  const isPolicy = (p: ParameterInfo) => (profiled.size > 0 ? profiled.has(keyOf(p.name)) : p.range !== undefined && (p.range.min !== undefined || p.range.max !== undefined));
  const groups = new Map<string, LeverGroup>();
  for (const p of usable) {
    const v = byKey.get(keyOf(p.name));
    const prof = profiled.get(keyOf(p.name));
    const policy = isPolicy(p);
    const profGroup = prof ? (labels.group?.(prof) ?? (typeof prof.group === 'string' ? prof.group : undefined)) : undefined;
    const groupName = policy ? (profGroup || cleanGroup(v?.group) || labels.policy) : labels.other;
    const { min, max, step } = leverRange(p);
    const given = (prof && labels.label?.(prof)) || labels.fallbackLabel?.(p.name);
    const lever: Lever = {
      name: p.name,
      identifier: !given,
      label: given || (p.name.includes('[') ? `${v?.name ?? baseName(p.name)}${p.name.slice(p.name.indexOf('['))}` : (v?.name ?? p.name)),
      help: (prof && labels.help?.(prof)) || firstLine(p.doc ?? v?.doc ?? ''),
      units: (labels.units ?? ((u: string) => u))(p.units ?? v?.units ?? ''),
      group: groupName,
      min,
      max,
      step,
      defaultValue: p.value,
      isSwitch: min === 0 && max === 1 && step === 1,
      policy,
    };
    const key = `${policy ? 'p' : 'o'}:${groupName}`;
    if (!groups.has(key)) groups.set(key, { name: groupName, policy, levers: [] });
    groups.get(key)!.levers.push(lever);
  }
  const all = [...groups.values()];
  // Profile order first when there is a profile; policy groups before the other constants.
  if (profiled.size > 0) {
    const order = [...profiled.keys()];
    for (const g of all) g.levers.sort((a, b) => order.indexOf(keyOf(a.name)) - order.indexOf(keyOf(b.name)));
  }
  // Groups that say they hold policies come first (Vensim groups such as `.Policy levers`).
  const policyFirst = (g: LeverGroup) => (POLICY_GROUP.test(g.name) ? 0 : 1);
  // With a profile, its order decides: a group sits where its first lever is listed.
  const order = [...profiled.keys()];
  const profileRank = (g: LeverGroup) => Math.min(...g.levers.map((l) => order.indexOf(keyOf(l.name))).filter((i) => i >= 0), Infinity);
  const policyGroups = all
    .filter((g) => g.policy)
    .sort((a, b) => (profiled.size > 0 ? profileRank(a) - profileRank(b) : policyFirst(a) - policyFirst(b)));
  return [...policyGroups, ...all.filter((g) => !g.policy)];
}

/** Vensim group names look like `.Energy` or `.Control`: show them without the dot. */
function cleanGroup(g: string | undefined): string | undefined {
  if (!g) return undefined;
  const s = g.replace(/^\.+/, '').trim();
  return s && s.toLowerCase() !== 'control' ? s : undefined;
}

function firstLine(doc: string): string {
  const s = doc.trim().split(/\n/)[0] ?? '';
  return s.length > 240 ? s.slice(0, 239) + '…' : s;
}

/** The settings that differ from the defaults (what a scenario and a share link store). */
export function changedSettings(levers: readonly Lever[], values: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of levers) {
    const v = values[l.name];
    if (v !== undefined && v !== l.defaultValue) out[l.name] = v;
  }
  return out;
}
