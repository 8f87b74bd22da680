/**
 * The scenario report as one self-contained HTML page (inline CSS and SVG, no scripts or external
 * links): scenarios and their levers, the indicator table against targets, differences from the
 * first scenario, and one chart per headline variable with every scenario.
 */
import { escapeXml, fmt } from '../report/format.js';
import { lineChart } from './chart.js';
import { costEffectiveness, PERU_COST_OPTIONS } from './cost-effectiveness.js';
import type { UncertainCheck, UncertaintySpec } from './uncertainty.js';
import type { GreenJobsSeries } from './green-jobs.js';
import type { IndicatorTable } from './indicators.js';
import type { ScenarioRun } from './run.js';
import { metText, targetSpecText, targetText } from './table-format.js';

export interface ReportInput {
  title: string;
  subtitle?: string;
  table: IndicatorTable;
  runs: ScenarioRun[];
  charts: string[];
  jobs: Map<string, GreenJobsSeries>;
  /** Name of the scenario the others are compared with (shown thicker; differences against it). */
  reference: string;
  notes?: string[];
  /** Target verdicts from a Monte Carlo over the uncertain assumptions, when run. */
  uncertain?: { spec: UncertaintySpec; checks: UncertainCheck[] };
}

const CSS = `body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}table{border-collapse:collapse;font-size:12px;margin:8px 0}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:right;vertical-align:top}th{background:#f2f2f2}
td.l,th.l{text-align:left}td.met{background:#d9f0d3}td.miss{background:#f7d4d4}td.na{background:#eee}
.small{font-size:11px;color:#555}.wrap{overflow-x:auto}.charts{display:flex;flex-wrap:wrap;gap:12px}code{font-size:11px}`;

function esc(s: string): string {
  return escapeXml(s);
}

function scenarioSection(runs: ScenarioRun[]): string {
  const rows = runs.map((r) => {
    const levers = Object.entries(r.scenario.levers)
      .map(([k, v]) => `<code>${esc(k)} = ${esc(fmt(v, 6))}</code>`)
      .join('<br>');
    const n = Object.keys(r.scenario.levers).length;
    const leverCell = n === 0 ? '<i>none (business as usual)</i>' : `<details><summary>${n} lever${n > 1 ? 's' : ''}</summary>${levers}</details>`;
    return `<tr><td class="l"><b>${esc(r.scenario.name)}</b></td><td class="l">${esc(r.scenario.title)}</td><td class="l">${esc(r.scenario.description)}</td><td class="l">${leverCell}</td></tr>`;
  });
  return `<table><thead><tr><th class="l">scenario</th><th class="l">title</th><th class="l">description</th><th class="l">levers</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function indicatorSection(t: IndicatorTable): string {
  const head = ['<th class="l">SDG</th>', '<th class="l">indicator</th>', '<th class="l">unit</th>', '<th class="l">target</th>'];
  for (const s of t.scenarios) for (const y of t.years) head.push(`<th>${esc(s.name)}<br>${y}</th>`);
  const body = t.indicators.map((ind) => {
    const cells = [
      `<td class="l">${esc(ind.id)}</td>`,
      `<td class="l">${esc(ind.name)}</td>`,
      `<td class="l">${esc(ind.unit)}</td>`,
      `<td class="l">${ind.targets.map((tg) => `${esc(tg.label)}: ${esc(targetSpecText(tg))}`).join('<br>') || '–'}</td>`,
    ];
    for (const s of t.scenarios) {
      for (const y of t.years) {
        const r = t.rows.find((x) => x.scenario === s.name && x.indicator === ind && x.year === y)!;
        const status = r.checks.length === 0 ? '' : r.checks.some((c) => c.met === undefined) ? 'na' : r.checks.every((c) => c.met) ? 'met' : 'miss';
        const title = r.checks.map((c) => `${c.target.label} ${targetText(c)}: ${metText(c)}`).join('; ');
        cells.push(`<td class="${status}" title="${esc(title)}">${esc(fmt(r.value, ind.digits))}</td>`);
      }
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="wrap"><table><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>
<p class="small">Green cells meet every target that applies in that year, red cells miss at least one; hover a cell for each target.</p>`;
}

function differenceSection(t: IndicatorTable, reference: string): string {
  const others = t.scenarios.filter((s) => s.name !== reference);
  if (others.length === 0) return '';
  const head = ['<th class="l">indicator</th>', '<th class="l">unit</th>'];
  for (const s of others) for (const y of t.years) head.push(`<th>${esc(s.name)}<br>${y}</th>`);
  const body = t.indicators.map((ind) => {
    const cells = [`<td class="l">${esc(ind.name)}</td>`, `<td class="l">${esc(ind.unit)}</td>`];
    for (const s of others) {
      for (const y of t.years) {
        const a = t.rows.find((x) => x.scenario === s.name && x.indicator === ind && x.year === y)!.value;
        const b = t.rows.find((x) => x.scenario === reference && x.indicator === ind && x.year === y)!.value;
        const d = a - b;
        const rel = b !== 0 ? ` (${fmt((100 * d) / Math.abs(b), 3)} %)` : '';
        cells.push(`<td>${esc(fmt(d, 3))}${esc(rel)}</td>`);
      }
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<h2>Differences from ${esc(reference)}</h2><div class="wrap"><table><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

/** Cost and cost-effectiveness against the reference (bilingual headers); empty without a cost variable. */
function costSection(input: ReportInput): string {
  const rows = costEffectiveness(input.runs, input.reference);
  if (rows.length === 0) return '';
  const o = PERU_COST_OPTIONS;
  const n = (v: number | undefined, d = 4) => (v === undefined || !Number.isFinite(v) ? '–' : esc(fmt(v, d)));
  const body = rows.map((r) => `<tr><td class="l">${esc(r.scenario)}</td><td>${r.cost > 0 ? n(r.cost / 1e3) : 'sin costo público en el modelo (impuesto o metas sin presupuesto) / no public cost in the model (a tax, or targets without a budget)'}</td><td>${n(r.ghgAvoided)}</td><td>${n(r.solesPerTonne)}</td><td>${n(r.jobYears / 1e3)}</td><td>${n(r.solesPerJobYear)}</td></tr>`);
  return `<h2>Costo y costo-efectividad / Cost and cost-effectiveness, ${o.from}-${o.to}</h2>
<p class="small">Costo público acumulado (programas, riego sobre la base, inversión verde; soles de 2007) frente a ${esc(input.reference)}; emisiones evitadas y años-empleo adicionales en el mismo periodo. / Cumulative public cost (programmes, irrigation above the base, green investment; 2007 soles) against ${esc(input.reference)}; GHG avoided and additional job-years over the same years. “–”: nothing avoided or no job added / nada evitado o ningún empleo adicional.</p>
<table><thead><tr><th class="l">escenario / scenario</th><th>costo / cost<br>(mil millones / billion soles)</th><th>GEI evitados / GHG avoided<br>(MtCO2e)</th><th>soles / tCO2e</th><th>empleo / jobs<br>(miles de años-empleo / thousand job-years)</th><th>soles / año-empleo<br>soles / job-year</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const VERDICT = { met: 'cumple / met', missed: 'no cumple / missed', uncertain: 'incierto / uncertain' } as const;

function uncertaintySection(input: ReportInput): string {
  const u = input.uncertain;
  if (!u) return '';
  const n = (v: number) => esc(fmt(v, 4));
  const body = u.checks.map(
    (c) =>
      `<tr><td class="l">${esc(c.scenario)}</td><td class="l">${esc(c.indicator)}</td><td class="l">${esc(c.target)}</td><td>${c.year}</td><td>${esc(c.op)} ${c.relative ? `${n(c.value * 100)} % vs ${esc(input.reference)}` : n(c.value)}</td><td>${c.relative ? `${n(c.p5 * 100)} %` : n(c.p5)}</td><td>${c.relative ? `${n(c.p50 * 100)} %` : n(c.p50)}</td><td>${c.relative ? `${n(c.p95 * 100)} %` : n(c.p95)}</td><td class="${c.verdict === 'met' ? 'met' : c.verdict === 'missed' ? 'miss' : 'na'}">${VERDICT[c.verdict]}${c.edge ? ' · en el límite / on the edge' : ''}</td></tr>`,
  );
  const params = u.spec.parameters.map((p) => `<li><code>${esc(p.name)}</code>: ${esc(p.distribution.kind)} — ${esc(p.source)}</li>`).join('');
  return `<h2>Metas con incertidumbre / Targets under uncertainty</h2>
<p class="small">Monte Carlo (hipercubo latino, semilla ${u.spec.seed}) de ${u.spec.runs} corridas por escenario sobre ${u.spec.parameters.length} supuestos inciertos (${esc(u.spec.file)}). “Cumple” sólo si todo el rango 5-95 % cumple: el percentil 95 bajo un tope, el 5 sobre un piso. “En el límite”: el tope o piso cae dentro del error de muestreo (~90 %) del percentil 5 o 95, así que otra semilla o más corridas podrían cambiar el veredicto. / Monte Carlo (Latin hypercube, seed ${u.spec.seed}) of ${u.spec.runs} runs per scenario over ${u.spec.parameters.length} uncertain assumptions. “Met” only when the whole 5-95 % band meets the target: the 95th percentile below a cap, the 5th above a floor. “On the edge”: the cap or floor lies within the sampling error (~90 %) of the 5th or 95th percentile, so another seed or more runs could change the verdict.</p>
<div class="wrap"><table><thead><tr><th class="l">escenario / scenario</th><th class="l">indicador / indicator</th><th class="l">meta / target</th><th>año / year</th><th>límite / limit</th><th>p5</th><th>p50</th><th>p95</th><th>veredicto / verdict</th></tr></thead><tbody>${body.join('')}</tbody></table></div>
<details><summary>Supuestos inciertos / Uncertain assumptions</summary><ul class="small">${params}</ul></details>`;
}

function charts(input: ReportInput): string {
  const out: string[] = [];
  for (const variable of input.charts) {
    const lines = input.runs.flatMap((r) => {
      const y = r.result.get(variable);
      return y ? [{ label: r.scenario.name, x: r.result.time, y, emphasis: r.scenario.name === input.reference }] : [];
    });
    if (lines.length === 0) continue;
    const references = input.table.indicators
      .filter((i) => i.source === 'model' && i.variable === variable && i.scale === 1)
      .flatMap((i) => i.targets.filter((t) => t.relativeToBaseline === undefined).map((t) => ({ label: `${t.label} ${targetSpecText(t)}`, value: t.value })));
    out.push(lineChart({ title: variable, lines, references }));
  }
  if (input.jobs.size > 0) {
    const lines = input.runs.flatMap((r) => {
      const j = input.jobs.get(r.scenario.name);
      return j ? [{ label: r.scenario.name, x: j.years, y: j.green.map((v) => v / 1e3), emphasis: r.scenario.name === input.reference }] : [];
    });
    out.push(lineChart({ title: 'Green jobs (input-output link)', unit: 'thousand persons', lines }));
  }
  return `<div class="charts">${out.join('\n')}</div>`;
}

export function scenarioReportHtml(input: ReportInput): string {
  const t = input.table;
  const runMs = input.runs.map((r) => r.millis);
  const timing = runMs.length ? `${input.runs.length} runs, ${fmt(runMs.reduce((a, b) => a + b, 0) / runMs.length, 3)} ms per run on average` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title><style>${CSS}</style></head><body>
<h1>${esc(input.title)}</h1>
${input.subtitle ? `<p>${esc(input.subtitle)}</p>` : ''}
<p class="small">${esc(timing)}; indicator values in ${t.years.join(' and ')}.</p>
<h2>Indicators and targets</h2>
${indicatorSection(t)}
${uncertaintySection(input)}
${costSection(input)}
<h2>Charts</h2>
${charts(input)}
${differenceSection(t, input.reference)}
<h2>Scenarios</h2>
${scenarioSection(input.runs)}
${input.notes?.length ? `<h2>Notes</h2><ul>${input.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}

/** Long CSV of the charted series: scenario,variable,time,value. */
export function seriesCsv(runs: ScenarioRun[], variables: string[]): string {
  const lines = ['scenario,variable,time,value'];
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const r of runs) {
    for (const v of variables) {
      const y = r.result.get(v);
      if (!y) continue;
      r.result.time.forEach((t, i) => lines.push(`${q(r.scenario.name)},${q(v)},${t},${Number.isFinite(y[i]) ? Number(y[i].toPrecision(10)) : ''}`));
    }
  }
  return lines.join('\n') + '\n';
}
