/** Compare view: up to three saved scenarios against business as usual and the current settings, as charts and tables. */
import type { AppState } from '../app-state.js';
import { MAX_OVERLAYS } from '../app-state.js';
import { announce, clear, h, uid } from '../dom.js';
import { fmt, fmtPercent, localized, t } from '../i18n.js';
import { COLORS, LineChart, type ChartLine } from '../ui/line-chart.js';
import { at, seriesOf, unitsOf } from './dashboard.js';
import { compareResults } from '../results/compare-results.js';
import { hasResults } from '../results/results-rows.js';

export function mountCompare(root: HTMLElement, app: AppState): () => void {
  let charts: LineChart[] = [];
  let results: { destroy(): void } | undefined;
  const render = () => {
    charts.forEach((c) => c.destroy());
    charts = [];
    results?.destroy();
    results = undefined;
    clear(root);
    const page = h('section', { class: 'page compare' }, h('h1', {}, t('compareTitle')), h('p', {}, t('compareHelp')));
    root.append(page);
    if (app.scenarios.length === 0) {
      page.append(h('p', { class: 'note' }, t('compareNone')));
      return;
    }
    page.append(
      h(
        'fieldset',
        { class: 'overlay' },
        h('legend', {}, `${t('compare')} (≤ ${MAX_OVERLAYS})`),
        app.scenarios.map((s) => {
          const id = uid('cmp');
          const box = h('input', {
            type: 'checkbox',
            id,
            checked: app.overlay.includes(s.id),
            onchange: () => {
              if (!app.toggleOverlay(s.id, box.checked)) {
                box.checked = false;
                announce(t('overlayLimit'), 'error');
              }
            },
          });
          return h('span', { class: 'check' }, box, h('label', { for: id }, s.name));
        }),
      ),
    );
    const chosen = app.overlay.map((id) => app.scenarios.find((s) => s.id === id)).filter((s) => s !== undefined);
    const same = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    // The current settings get their own column unless they equal a chosen scenario.
    const showCurrent = !chosen.some((s) => same(s.params, app.settings));
    const columns: { name: string; run: typeof app.current; color: string }[] = [
      { name: t('bau'), run: app.baseline, color: COLORS.baseline },
      ...chosen.map((s, i) => ({ name: s.name, run: app.overlays.get(s.id), color: COLORS.overlays[i]! })),
      ...(showCurrent
        ? [{ name: app.activeScenario ? `${t('current')} (${app.activeScenario.name}${same(app.activeScenario.params, app.settings) ? '' : ' *'})` : t('current'), run: app.current, color: COLORS.current }]
        : []),
    ];
    // Indicator table: 2030 and 2050 values per scenario, with the change against BAU.
    const head = h('tr', {}, h('th', { scope: 'col' }, t('indicator')), h('th', { scope: 'col' }, t('year')), columns.map((c) => h('th', { scope: 'col' }, c.name)));
    const body = app.indicators.flatMap((ind) =>
      [2030, 2050].map((year, k) =>
        h(
          'tr',
          {},
          k === 0 ? h('th', { scope: 'row', rowspan: 2 }, localized(ind.label) || app.displayName(ind.name), h('span', { class: 'units' }, ` ${unitsOf(app, ind.name)}`)) : null,
          h('td', {}, String(year)),
          columns.map((c, j) => {
            const v = at(c.run, ind.name, year);
            const b = at(app.baseline, ind.name, year);
            const pct = j > 0 && b !== 0 ? ((v - b) / Math.abs(b)) * 100 : NaN;
            return h('td', { class: 'num' }, app.formatValue(ind.name, v), Number.isFinite(pct) ? h('span', { class: 'note' }, ` (${fmtPercent(pct)})`) : null);
          }),
        ),
      ),
    );
    page.append(h('h2', {}, t('reportIndicators')), h('div', { class: 'table-wrap' }, h('table', { class: 'compare-table' }, h('thead', {}, head), h('tbody', {}, body))));
    // Lever settings side by side (only levers changed somewhere).
    const names = [...new Set([...chosen.flatMap((s) => Object.keys(s.params)), ...Object.keys(app.settings)])];
    if (names.length > 0) {
      const settingsOf = [{} as Record<string, number>, ...chosen.map((s) => s.params), ...(showCurrent ? [app.settings] : [])];
      page.append(
        h('h2', {}, t('leverSettings')),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('levers')), columns.map((c) => h('th', { scope: 'col' }, c.name)))),
            h(
              'tbody',
              {},
              names.map((n) => {
                const l = app.lever(n);
                return h('tr', {}, h('th', { scope: 'row' }, l?.label ?? n), settingsOf.map((s) => h('td', { class: 'num' }, fmt(s[n] ?? l?.defaultValue))));
              }),
            ),
          ),
        ),
      );
    }
    // The IO and CGE results of the same columns, when the model has them.
    const families = app.bundle?.results;
    if (hasResults(families)) {
      const table = compareResults(app.modelId, families, [
        { name: columns[0]!.name, params: {} },
        ...chosen.map((s) => ({ name: s.name, params: s.params })),
        ...(showCurrent ? [{ name: columns[columns.length - 1]!.name, params: app.settings }] : []),
      ]);
      results = table;
      page.append(table.el);
    }
    const grid = h('div', { class: 'chart-grid' });
    page.append(h('h2', {}, t('charts')), grid);
    const ref = app.baseline;
    if (!ref) return;
    for (const name of app.charts) {
      const plot = h('div', { class: 'plot' });
      const units = unitsOf(app, name);
      grid.append(h('figure', { class: 'chart-card' }, h('figcaption', {}, h('span', { class: 'chart-title' }, app.displayName(name), units ? h('span', { class: 'units' }, ` (${units})`) : null)), plot));
      const lines: ChartLine[] = columns
        .map((c, i) => ({ label: c.name, values: seriesOf(c.run, name)!, color: c.color, dash: i === 0 ? [6, 4] : undefined }))
        .filter((l) => l.values !== undefined);
      const ind = app.indicators.find((i) => i.name === name);
      const chart = new LineChart(plot, { targets: ind?.targets ?? [] });
      chart.update(ref.time, lines);
      charts.push(chart);
    }
  };
  render();
  const offs = [app.on('overlays', render), app.on('scenarios', render), app.on('baseline', render), app.on('model', render)];
  return () => {
    offs.forEach((f) => f());
    results?.destroy();
    charts.forEach((c) => c.destroy());
  };
}
