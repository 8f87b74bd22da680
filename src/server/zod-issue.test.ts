import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../sd/ir/diagnostics.js';
import { readJson } from './model-content.js';
import { firstIssue } from './zod-issue.js';

const schema = z.object({ title: z.string(), scenarios: z.array(z.object({ year: z.number() })) });

describe('the first zod issue in both languages', () => {
  it('keeps zod English and adds the Spanish of the same field', () => {
    const data = { title: 'x', scenarios: [{ year: '2030' }] };
    const r = schema.safeParse(data);
    expect(r.success).toBe(false);
    const i = firstIssue(schema, data, r.error!);
    expect(i.field).toBe('scenarios.0.year');
    expect(i.text.en).toBe(r.error!.issues[0]!.message);
    // The Spanish parse sees the input, so it names what it got (a text), not "undefined".
    expect(i.text.es).toBe('Entrada inválida: se esperaba número, recibido texto');
  });

  it('gives a bad content file an InputError whose Spanish names the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-zod-issue-'));
    const bad = join(dir, 'labels.json');
    writeFileSync(bad, JSON.stringify({ title: 3, scenarios: [] }));
    expect(() => readJson(bad, schema)).toThrow(InputError);
    expect(() => readJson(bad, schema)).toThrow(expect.objectContaining({ messageEs: `${bad}: title: Entrada inválida: se esperaba texto, recibido número` }));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    expect(() => readJson(broken, schema)).toThrow(expect.objectContaining({ messageEs: expect.stringMatching(/: no es JSON válido: /) }));
  });
});
