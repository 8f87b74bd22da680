/**
 * The profile's reference figures (published estimates and projections) as the server reads them for
 * the simulator: the Peru profile's INEI population files hold the figures of the calibration JSON files
 * they come from, and an unreadable file is reported without stopping the model from loading.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERU_MODEL, projectRoot } from './config.js';
import { readProfile, readReferences } from './model-catalog.js';

const modelPath = join(projectRoot(), PERU_MODEL);
const calibration = join(projectRoot(), 'models', 'peru', 'calibration');

describe('reference figures beside a model', () => {
  it('reads INEI\'s estimates 2020-2024 and its projection to 2050 for Total Population', () => {
    const { references, referencesError } = readReferences(modelPath, readProfile(modelPath));
    expect(referencesError).toBeUndefined();
    const byKind = new Map(references!.map((r) => [r.kind, r.series.find((s) => s.name === 'Total Population')!]));
    const estimates = JSON.parse(readFileSync(join(calibration, 'population-inei.json'), 'utf8')).estimates as { year: number; value: number }[];
    expect(byKind.get('estimate')!.time).toEqual(estimates.map((e) => e.year));
    expect(byKind.get('estimate')!.value).toEqual(estimates.map((e) => e.value));
    const inei = JSON.parse(readFileSync(join(calibration, 'population-projections.json'), 'utf8')).projections.find((p: { source: string }) => p.source === 'INEI');
    const projection = byKind.get('projection')!;
    for (const [year, value] of Object.entries(inei.population as Record<string, number>)) expect(projection.value[projection.time.indexOf(Number(year))]).toBe(value);
    // the projection starts where the estimates end and runs every year to 2050
    expect(projection.time[0]).toBe(2025);
    expect(projection.time.at(-1)).toBe(2050);
    expect(projection.time.length).toBe(26);
  });

  it('reports a missing or bad file by name and keeps the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-ref-'));
    writeFileSync(join(dir, 'good.csv'), 'time,variable,value\n2030,X,1\n');
    writeFileSync(join(dir, 'bad.csv'), 'time,variable,value\n2030,X,not-a-number\n');
    const profile = {
      references: [
        { file: 'good.csv', label: 'A', kind: 'projection' as const },
        { file: 'missing.csv', label: 'B', kind: 'estimate' as const },
        { file: 'bad.csv', label: 'C', kind: 'estimate' as const },
      ],
    };
    const { references, referencesError } = readReferences(join(dir, 'm.mdl'), profile);
    expect(references!.map((r) => r.label)).toEqual(['A']);
    expect(referencesError).toContain('missing.csv');
    expect(referencesError).toContain('bad.csv');
  });
});
