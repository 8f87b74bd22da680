import { describe, expect, it } from 'vitest';
import { diagnosticMessage, formatDiagnostic, ModelError } from './diagnostics.js';

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
  it('a code outside the bilingual ones still takes an English-only message', () => {
    expect(ModelError.at('E_LOOKUP', 'x is not a lookup table').diagnostics[0]).toEqual({ severity: 'error', code: 'E_LOOKUP', message: 'x is not a lookup table', loc: undefined });
  });
});
