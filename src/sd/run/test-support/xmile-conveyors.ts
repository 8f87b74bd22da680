/** Small conveyor models for the conveyor tests, and how they run or fail. */
import { expect } from 'vitest';
import { ModelError } from '../../ir/diagnostics.js';
import { compileXmile } from '../engine.js';
import { columnReader } from '../../xmile/test-support.js';

export const run = (doc: string) => columnReader(compileXmile(doc, { file: 'conveyor.xmile' }).model.run());

export function errorOf(doc: string, method?: 'rk4'): { code: string; line?: number; column?: number; file?: string; message: string } {
  try {
    compileXmile(doc, { file: 'conveyor.xmile' }).model.run(method ? { method } : {});
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    return { code: d.code, line: d.loc?.line, column: d.loc?.column, file: d.loc?.file, message: d.message };
  }
  throw new Error('expected a ModelError');
}

/** A conveyor of transit time `len` fed by `inflow`, with `extra` flows and options. */
export function beltModel(o: { init: string; len: string; inflow: string; leaks?: { name: string; eqn: string; attrs?: string; extra?: string }[]; attrs?: string; options?: string }): string {
  const leaks = o.leaks ?? [];
  return `      <stock name="Belt"><eqn>${o.init}</eqn><inflow>loading</inflow><outflow>unloading</outflow>${leaks.map((l) => `<outflow>${l.name}</outflow>`).join('')}
        <conveyor${o.attrs ?? ''}><len>${o.len}</len>${o.options ?? ''}</conveyor></stock>
      <flow name="loading"><eqn>${o.inflow}</eqn></flow>
      <flow name="unloading"/>
${leaks.map((l) => `      <flow name="${l.name}"${l.attrs ?? ''}><eqn>${l.eqn}</eqn><leak/>${l.extra ?? ''}</flow>`).join('\n')}`;
}

