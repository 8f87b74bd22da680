/** The calibration result as a terminal table, JSON, and a Markdown or HTML report with plots. */
import { escapeXml, fmt } from '../report/format.js';
import { svgPlot } from '../report/svg-plot.js';
import { htmlTable, markdownTable, textTable } from '../report/text-table.js';
import type { CalibrationResult, SeriesFit } from './calibrate.js';

const PARAM_HEADER = ['Parameter', 'Value', 'Lower', 'Upper', 'Start', 'At bound'];
const SERIES_HEADER = ['Series', 'n', 'MAPE %', 'RMSE', 'R²', 'U^M', 'U^S', 'U^C', 'Weight'];

function parameterRows(r: CalibrationResult): string[][] {
  return r.parameters.map((p) => [p.name, fmt(p.value, 7), fmt(p.lo), fmt(p.hi), fmt(p.initial), p.atBound ?? '']);
}

function seriesRows(r: CalibrationResult): string[][] {
  return r.series.map((s) => [
    s.name,
    String(s.stats.n),
    fmt(s.stats.mape, 4),
    fmt(s.stats.rmse, 4),
    fmt(s.stats.r2, 4),
    fmt(s.stats.um, 4),
    fmt(s.stats.us, 4),
    fmt(s.stats.uc, 4),
    `${fmt(s.weight, 4)} (${s.weightSource})`,
  ]);
}

function summary(r: CalibrationResult): string {
  const best = r.starts[r.bestStart];
  return (
    `method ${r.method}, ${r.starts.length} start(s) (seed ${r.seed}), best from start ${r.bestStart + 1} ` +
    `(stopped on ${best.stop}); payoff ${fmt(r.payoff)} over ${r.observations} observations; ${r.evaluations} model runs`
  );
}

function warnings(r: CalibrationResult): string[] {
  const out: string[] = [];
  for (const p of r.parameters) {
    if (p.atBound) out.push(`"${p.name}" ended on its ${p.atBound} bound (${fmt(p.atBound === 'lower' ? p.lo : p.hi)}): consider widening it`);
  }
  for (const s of r.series) if (s.ignored > 0) out.push(`${s.ignored} observation(s) of "${s.name}" lie outside the simulated time and were left out`);
  if (r.starts.some((s) => s.stop === 'budget')) out.push('some starts stopped on the evaluation budget before converging');
  return out;
}

export function calibrationText(r: CalibrationResult): string {
  return [
    summary(r),
    '',
    textTable(PARAM_HEADER, parameterRows(r)),
    '',
    textTable(SERIES_HEADER, seriesRows(r)),
    ...warnings(r).map((w) => `warning: ${w}`),
  ].join('\n');
}

/** A JSON-ready object (trajectories left out; NaN statistics become null). */
export function calibrationJson(r: CalibrationResult): unknown {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    method: r.method,
    seed: r.seed,
    payoff: num(r.payoff),
    evaluations: r.evaluations,
    observations: r.observations,
    bestStart: r.bestStart,
    parameters: r.parameters,
    series: r.series.map((s) => ({
      name: s.name,
      column: s.column,
      weight: s.weight,
      weightSource: s.weightSource,
      ignored: s.ignored,
      n: s.stats.n,
      mape: num(s.stats.mape),
      rmse: num(s.stats.rmse),
      r2: num(s.stats.r2),
      theil: { um: num(s.stats.um), us: num(s.stats.us), uc: num(s.stats.uc) },
      meanSimulated: num(s.stats.meanSimulated),
      meanObserved: num(s.stats.meanObserved),
    })),
    starts: r.starts.map((s) => ({ ...s, payoff: num(s.payoff) })),
    warnings: warnings(r),
  };
}

function plotOf(s: SeriesFit): string {
  return svgPlot({
    title: s.name,
    xLabel: 'Time',
    yLabel: s.column,
    lines: [
      { label: 'simulated', x: s.simulated.time, y: s.simulated.value, color: '#1f77b4' },
      { label: 'observed', x: s.time, y: s.observed, color: '#d62728', points: true },
    ],
  });
}

export function calibrationMarkdown(r: CalibrationResult, title: string): string {
  const parts = [
    `# ${title}`,
    '',
    summary(r),
    '',
    '## Parameters',
    '',
    markdownTable(PARAM_HEADER, parameterRows(r)),
    '',
    '## Fit',
    '',
    'MAPE: mean absolute percent error. U^M, U^S, U^C: the shares of the mean square error due to bias, ' +
      'unequal variation and unequal covariation (Theil statistics, Sterman 1984). R² is the squared correlation.',
    '',
    markdownTable(SERIES_HEADER, seriesRows(r)),
    '',
    ...warnings(r).map((w) => `- Warning: ${w}`),
    '',
    '## Observed and simulated',
    '',
  ];
  for (const s of r.series) parts.push(`### ${s.name}`, '', plotOf(s), '');
  return parts.join('\n');
}

export function calibrationHtml(r: CalibrationResult, title: string): string {
  const esc = escapeXml;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}' +
      'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}' +
      'td:first-child,th:first-child{text-align:left}</style>',
    '</head><body>',
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(summary(r))}</p>`,
    '<h2>Parameters</h2>',
    htmlTable(PARAM_HEADER, parameterRows(r), esc),
    '<h2>Fit</h2>',
    '<p>MAPE: mean absolute percent error. U^M, U^S, U^C: the shares of the mean square error due to bias, unequal variation and unequal covariation (Theil statistics, Sterman 1984). R² is the squared correlation.</p>',
    htmlTable(SERIES_HEADER, seriesRows(r), esc),
    warnings(r).length ? `<ul>${warnings(r).map((w) => `<li>Warning: ${esc(w)}</li>`).join('')}</ul>` : '',
    '<h2>Observed and simulated</h2>',
    ...r.series.map((s) => `<h3>${esc(s.name)}</h3>\n${plotOf(s)}`),
    '</body></html>',
  ].join('\n');
}
