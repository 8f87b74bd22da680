/**
 * Calibration view: each observed series beside the model against the business-as-usual run, with
 * Sterman's fit statistics (MAPE, R², Theil's U^M, U^S, U^C) computed here from that run.
 */
import type { AppState } from '../app-state.js';
import { clear, h } from '../dom.js';
import { fmt, fmtFixed, t } from '../i18n.js';
import { valueAt } from '../indicators.js';
import { calibrationRows, seriesKey } from '../calibration-fit.js';
import { COLORS, LineChart } from '../ui/line-chart.js';
import { unitsOf } from './dashboard.js';

export function mountCalibration(root: HTMLElement, app: AppState): () => void {
  let charts: LineChart[] = [];
  let token = 0;
  const render = async () => {
    const my = ++token;
    charts.forEach((c) => c.destroy());
    charts = [];
    clear(root);
    const page = h('section', { class: 'page calibration' }, h('h1', {}, t('calibrationTitle')));
    root.append(page);
    const history = app.bundle?.history;
    if (app.bundle?.historyError) page.append(h('div', { class: 'error-box', role: 'alert' }, app.bundle.historyError));
    // the simulator's reference figures (published estimates and projections) that could not be read
    if (app.bundle?.referencesError) page.append(h('div', { class: 'error-box', role: 'alert' }, app.bundle.referencesError));
    if (!history || history.series.length === 0) {
      page.append(h('p', {}, t('noHistory')));
      return;
    }
    page.append(h('p', {}, t('calibrationHelp', { source: history.source })));
    const wanted = [...new Set(history.series.map((s) => s.name))];
    const names = new Map((app.facts?.outputNames ?? []).map((n) => [seriesKey(n), n]));
    const columns = wanted.map((n) => names.get(seriesKey(n))).filter((n): n is string => n !== undefined);
    const run = await app.runWith({}, columns);
    if (my !== token) return;
    const { rows, unmatched } = calibrationRows(history.series, run);
    const pct = (x: number) => (Number.isFinite(x) ? `${fmtFixed(x, 1)}%` : '—');
    const frac = (x: number) => fmtFixed(x, 2);
    page.append(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'fit-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [t('series'), t('points'), 'MAPE', 'RMSE', 'R²'].map((c) => h('th', { scope: 'col' }, c)),
              ['M', 'S', 'C'].map((c) => h('th', { scope: 'col' }, 'U', h('sup', {}, c))),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((r) =>
              h(
                'tr',
                { 'data-series': r.output },
                h('th', { scope: 'row' }, app.displayName(r.output), h('span', { class: 'units' }, ` ${unitsOf(app, r.output)}`)),
                h('td', { class: 'num' }, String(r.stats.n)),
                h('td', { class: 'num' }, pct(r.stats.mape)),
                h('td', { class: 'num' }, fmt(r.stats.rmse)),
                h('td', { class: 'num' }, frac(r.stats.r2)),
                h('td', { class: 'num' }, frac(r.stats.um)),
                h('td', { class: 'num' }, frac(r.stats.us)),
                h('td', { class: 'num' }, frac(r.stats.uc)),
              ),
            ),
          ),
        ),
      ),
      unmatched.length ? h('p', { class: 'note' }, t('historyUnmatched', { names: unmatched.join(', ') })) : '',
    );
    const grid = h('div', { class: 'chart-grid' });
    page.append(grid);
    for (const r of rows) {
      const j = run.names.indexOf(r.output);
      // One x axis for both: the run's saved times and the observation times.
      const times = [...new Set([...run.time, ...r.observed.time])].sort((a, b) => a - b);
      const obsAt = new Map(r.observed.time.map((tm, i) => [tm, r.observed.value[i]!]));
      const plot = h('div', { class: 'plot' });
      grid.append(h('figure', { class: 'chart-card' }, h('figcaption', {}, h('span', { class: 'chart-title' }, app.displayName(r.output), ` · MAPE ${pct(r.stats.mape)}`)), plot));
      const chart = new LineChart(plot, { marker: NaN });
      chart.update(times, [
        { label: t('simulated'), values: times.map((tm) => valueAt(run.time, run.series[j]!, tm)), color: COLORS.current },
        { label: t('observed'), values: times.map((tm) => obsAt.get(tm) ?? null), color: COLORS.overlays[0]!, points: true },
      ]);
      charts.push(chart);
    }
  };
  void render();
  const off = app.on('model', () => void render());
  return () => {
    token++;
    off();
    charts.forEach((c) => c.destroy());
  };
}
