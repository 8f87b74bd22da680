import { describe, expect, it } from 'vitest';
import { diagnosticMessage, formatDiagnostic, InputError, ModelError, SimulationError } from './diagnostics.js';

describe('diagnostics', () => {
  it('formats file, line and column before the message', () => {
    const d = { severity: 'error' as const, code: 'E_SYNTAX', message: 'unexpected )', loc: { file: 'm.mdl', line: 3, column: 7 } };
    expect(formatDiagnostic(d)).toBe('m.mdl:3:7: error E_SYNTAX: unexpected )');
    // English only: the Spanish form falls back to it.
    expect(formatDiagnostic(d, 'es')).toBe('m.mdl:3:7: error E_SYNTAX: unexpected )');
  });
  it('ModelError carries its diagnostics, an English message and the Spanish beside it', () => {
    const e = ModelError.at('E_UNDEFINED', { en: 'x is not defined', es: 'x no está definida' }, { file: 'a.mdl', line: 1, column: 1 });
    expect(e.diagnostics).toEqual([{ severity: 'error', code: 'E_UNDEFINED', message: 'x is not defined', messageEs: 'x no está definida', loc: { file: 'a.mdl', line: 1, column: 1 } }]);
    expect(e.message).toBe('a.mdl:1:1: error E_UNDEFINED: x is not defined');
    expect(formatDiagnostic(e.diagnostics[0]!, 'es')).toBe('a.mdl:1:1: error E_UNDEFINED: x no está definida');
    expect(diagnosticMessage(e.diagnostics[0]!, 'es')).toBe('x no está definida');
    expect(diagnosticMessage(e.diagnostics[0]!, 'en')).toBe('x is not defined');
  });
  it('a warning reads "advertencia" in Spanish', () => {
    const d = { severity: 'warning' as const, code: 'W', message: 'x is never used', messageEs: 'x nunca se usa' };
    expect(formatDiagnostic(d, 'es')).toBe('advertencia W: x nunca se usa');
    expect(formatDiagnostic(d)).toBe('warning W: x is never used');
  });
  it('every code takes both languages; an English-only message does not compile', () => {
    expect(ModelError.at('E_LOOKUP', { en: 'x is not a lookup table', es: 'x no es una tabla (lookup)' }).diagnostics[0]).toEqual({
      severity: 'error',
      code: 'E_LOOKUP',
      message: 'x is not a lookup table',
      messageEs: 'x no es una tabla (lookup)',
      loc: undefined,
    });
    // @ts-expect-error a bare English string is refused for any code
    ModelError.at('E_LOOKUP', 'x is not a lookup table');
    // @ts-expect-error and for a run-time error
    new SimulationError('x became NaN at time 3', 'x', 3);
  });
  it('an InputError keeps its Spanish beside the English, each with the field first', () => {
    const e = new InputError('--runs', { en: 'must be a whole number', es: 'debe ser un número entero' });
    expect(e.message).toBe('--runs: must be a whole number');
    expect(e.messageEs).toBe('--runs: debe ser un número entero');
    expect(e.text).toEqual({ en: 'must be a whole number', es: 'debe ser un número entero' });
  });
});
