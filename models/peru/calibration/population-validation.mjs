/**
 * Population after 2019 against INEI's estimates (population-inei.json, validation only: nothing is
 * fitted to them), with and without the Venezuelan immigration after the 2017-2019 wave (peru.mdl,
 * group "Post wave immigration"), for the calibration report.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The INEI estimates: [{ year, value, document, url }]. */
export function ineiPopulation() {
  return JSON.parse(readFileSync(join(here, 'population-inei.json'), 'utf8')).estimates;
}

/** Inputs that switch the post-wave immigration off (the model as it was before it). */
export const NO_POST_WAVE_IMMIGRATION = {
  'Venezuelan Stock Added after Wave': { x: [2000, 2050], y: [0, 0] },
  'Net Immigration after Last Observation': 0,
};

/** Markdown section: model against INEI 2020-2024, with the gap in percent. */
export async function populationMarkdown(modelPath) {
  const root = resolve(here, '../../..');
  const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
  const model = loadModel(modelPath);
  const cols = ['Total Population', 'Post Wave Net Immigration'];
  const withIt = model.run({ columns: cols });
  const without = model.run({ columns: cols, params: NO_POST_WAVE_IMMIGRATION });
  const at = (r, t) => r.get('Total Population')[r.time.findIndex((x) => Math.abs(x - t) < 1e-9)];
  const rows = ineiPopulation().map(({ year, value }) => {
    const m = at(withIt, year);
    const o = at(without, year);
    const pct = (x) => `${(((x - value) / value) * 100).toFixed(2)}`;
    return `| ${year} | ${(value / 1e6).toFixed(3)} | ${(m / 1e6).toFixed(3)} | ${pct(m)} | ${(o / 1e6).toFixed(3)} | ${pct(o)} |`;
  });
  return [
    '## Population after 2019 against INEI (validation only)',
    '',
    'INEI\'s estimates at 30 June (`population-inei.json`, each with its document and address); WB_POP ends in 2018.',
    'The model with the Venezuelan immigration after the 2017-2019 wave (R4V stock to 2023, then the Supuesto',
    '`Net Immigration after Last Observation`) and without it (the model before the input). Millions of persons.',
    '',
    '| Year | INEI | model | gap % | without post-wave immigration | gap % |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
