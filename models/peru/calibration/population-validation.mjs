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

/** Published projections of INEI and UN WPP 2024 (population-projections.json): projections, not data. */
export function populationProjections() {
  return JSON.parse(readFileSync(join(here, 'population-projections.json'), 'utf8')).projections;
}

/** Markdown section: business-as-usual population and age shares after 2023 against the projections. */
export async function projectionMarkdown(modelPath) {
  const root = resolve(here, '../../..');
  const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
  const cols = ['Total Population', 'Working Age Population', 'Elderly Population', 'Young Share', 'Projected Total Fertility Rate'];
  const run = loadModel(modelPath).run({ columns: cols });
  const at = (name, t) => run.get(name)[run.time.findIndex((x) => Math.abs(x - t) < 1e-9)];
  const [inei, wpp] = ['INEI', 'WPP2024'].map((s) => populationProjections().find((p) => p.source === s));
  const cell = (p, y) => (p.population[y] ? (p.population[y] / 1e6).toFixed(2) : '–');
  const gap = (p, y) => (p.population[y] ? `${(((at('Total Population', y) - p.population[y]) / p.population[y]) * 100).toFixed(1)}` : '–');
  const rows = [2030, 2040, 2050].map(
    (y) => `| ${y} | ${(at('Total Population', y) / 1e6).toFixed(2)} | ${cell(inei, y)} | ${gap(inei, y)} | ${cell(wpp, y)} | ${gap(wpp, y)} | ` +
      `${(at('Working Age Population', y) / at('Total Population', y) * 100).toFixed(1)} | ${(at('Elderly Population', y) / at('Total Population', y) * 100).toFixed(1)} | ` +
      `${(at('Young Share', y) * 100).toFixed(1)} | ${at('Projected Total Fertility Rate', y).toFixed(2)} |`,
  );
  return [
    '## Population after 2023 against published projections (projections, not data)',
    '',
    'Business as usual against INEI\'s official projection (Estimaciones y Proyecciones de la Población Nacional',
    '1950-2070) and the UN World Population Prospects 2024 medium variant (`population-projections.json`, each',
    'figure with its document and address). Both are projections, not observations: the gap says how far the',
    'model\'s own drivers (fertility after 2023 on the WPP TFR path, cohorts reaching 65, emigration and immigration',
    'Supuestos) lead from theirs. No WPP figure for 2050 was found. Millions of persons; shares in %.',
    `INEI 2040: 0-14 share ${(inei.youngShare['2040'] * 100).toFixed(1)} %; INEI-based (Quispe 2021): over 9 M aged 60+ in 2050.`,
    '',
    '| Year | model | INEI projection | gap % | WPP 2024 projection | gap % | model 15-64 | model 65+ | model 0-14 | TFR path |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
