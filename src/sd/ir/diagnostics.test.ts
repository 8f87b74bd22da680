import { describe, expect, it } from 'vitest';
import { formatDiagnostic, ModelError } from './diagnostics.js';

describe('diagnostics', () => {
  it('formats file, line and column before the message', () => {
    const d = { severity: 'error' as const, code: 'E_SYNTAX', message: 'unexpected )', loc: { file: 'm.mdl', line: 3, column: 7 } };
    expect(formatDiagnostic(d)).toBe('m.mdl:3:7: error E_SYNTAX: unexpected )');
  });
  it('ModelError carries its diagnostics and a readable message', () => {
    const e = ModelError.at('E_UNDEFINED', 'x is not defined', { file: 'a.mdl', line: 1, column: 1 });
    expect(e.diagnostics).toHaveLength(1);
    expect(e.message).toContain('a.mdl:1:1');
  });
});
