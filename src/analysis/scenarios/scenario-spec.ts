/**
 * A scenario file (`scenarios/NAME.json`) sets policy levers, i.e. constants of the model:
 * { "title": "…", "description": "…", "levers": { "Fuel Tax Reform": 1, "Policy Start Year[fuel tax]": 2025 } }
 * The scenario's name is the file name without `.json`. An empty `levers` is business as usual.
 */
import { basename } from 'node:path';
import { specRoot } from '../spec-file.js';

export interface ScenarioSpec {
  name: string;
  title: string;
  description: string;
  levers: Record<string, number>;
  /** Where each lever was written, for messages. */
  where: Record<string, string>;
  file: string;
}

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function readScenarioFile(path: string): ScenarioSpec {
  const root = specRoot(path);
  root.only(['title', 'description', 'levers']);
  const name = basename(path, '.json');
  if (!NAME.test(name)) root.fail({ en: `scenario file names must be lower-case letters, digits, "-" or "_" (got "${name}")`, es: `los nombres de archivo de escenario deben ser letras minúsculas, dígitos, "-" o "_" (se recibió "${name}")` });
  const levers: Record<string, number> = {};
  const where: Record<string, string> = {};
  const leverField = root.get('levers');
  if (leverField.present) {
    for (const [k, f] of leverField.entries()) {
      levers[k] = f.number();
      where[k] = f.where;
    }
  }
  return {
    name,
    title: root.get('title').optional((t) => t.string()) ?? name,
    description: root.get('description').optional((t) => t.string()) ?? '',
    levers,
    where,
    file: path,
  };
}
