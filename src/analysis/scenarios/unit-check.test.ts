/** The Peru model passes the engine's units check with its project's unit aliases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVensim } from '../../sd/vensim/reader.js';
import { readProject } from './project.js';
import { checkUnits } from './unit-check.js';

describe('the Peru model', () => {
  it('has no unit issues with the project unit aliases', () => {
    const project = readProject(join(process.cwd(), 'models', 'peru'));
    const ir = readVensim(readFileSync(project.modelPath, 'utf8'), project.modelPath);
    expect(checkUnits(ir, { aliases: project.unitAliases })).toEqual([]);
  });
});
