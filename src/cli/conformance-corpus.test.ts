import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerConformanceCommands } from './conformance-commands.js';
import { runCli } from './test-support.js';

describe.skipIf(!existsSync('corpus/catalog.json'))('igem conformance --corpus', () => {
  it('prints the corpus table for the models the filter selects, and their figures', async () => {
    const r = await runCli(registerConformanceCommands, ['conformance', '--corpus', '--filter', 'sdmr-solow']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\| \[sdmr-solow\]\(corpus\/models\/sdmr-solow\/SOURCE\.md\) \| economics \| JimDuggan\/SDMR .* \| Vensim \| 11 \| — \| runs \| to Time 100, 11 columns finite \|/);
    expect(r.out).toMatch(/1 models: 1 run to their final time/);
    expect(r.out).not.toMatch(/not run/);
  });

  it('a model that stops is listed with its location, and the command still succeeds', async () => {
    const r = await runCli(registerConformanceCommands, ['conformance', '--corpus', '--filter', 'sdmr-sms-incomplete']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stops \| models\/sdmr-sms-incomplete\/SMS\.mdl:2:15: error E_UNDEFINED/);
  });
});
