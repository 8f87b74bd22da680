/**
 * The simulator page: levers on the left, charts of the key indicators (current scenario against
 * business as usual and up to three saved scenarios) and the SDG dashboard on the right.
 */
import { errorText } from '../error-text.js';
import { nonFiniteNotice } from '../nonfinite-notice.js';
import type { AppState } from '../app-state.js';
import { MAX_OVERLAYS } from '../app-state.js';
import { announce, clear, h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { leverControl, type LeverControl } from '../ui/lever-control.js';
import { COLORS, LineChart, type ChartBand, type ChartLine } from '../ui/line-chart.js';
import { renderDashboard, seriesOf, unitsOf, at } from './dashboard.js';
import { scenarioToolbar } from './scenario-toolbar.js';
import { seriesKey } from '../calibration-fit.js';
import { referenceLines, valuesOnTimes } from '../reference-lines.js';
import { resultTabs } from '../results/results-tabs.js';

interface ChartCard {
  name: string;
  chart: LineChart;
  summary: HTMLElement;
  table: HTMLElement;
  el: HTMLElement;
}

/** Rows of a chart's data table: every saved time when few, else every fifth year from the start. */
function tableTimes(time: Float64Array): number[] {
  const all = Array.from(time.keys());
  if (all.length <= 12) return all;
  const t0 = time[0]!;
  const picked = all.filter((i) => Math.abs((time[i]! - t0) / 5 - Math.round((time[i]! - t0) / 5)) < 1e-9);
  return picked.length > 1 ? picked : all.filter((i) => i % Math.ceil(all.length / 11) === 0);
}

export function mountSimulator(root: HTMLElement, app: AppState): () => void {
  const leverPane = h('aside', { class: 'levers', 'aria-labelledby': 'levers-title' });
  const chartGrid = h('div', { class: 'chart-grid' });
  const dashboardHost = h('div', { class: 'dashboard-host' });
  const toolbarHost = h('div', { class: 'toolbar-host' });
  const runErrorHost = h('div', { class: 'run-error-host' });
  const addChartHost = h('div', { class: 'add-chart-host' });
  // The SD charts are the first of the result tabs; the IO and CGE results are the others.
  const tabs = resultTabs(app, [h('h2', { id: 'charts-title', class: 'visually-hidden' }, t('charts')), chartGrid, addChartHost, dashboardHost]);
  const results = h('section', { class: 'results', 'aria-labelledby': 'charts-title' }, toolbarHost, runErrorHost, tabs.el);
  clear(root);
  root.append(h('div', { class: 'simulator' }, leverPane, results));

  let controls = new Map<string, LeverControl>();
  let cards: ChartCard[] = [];

  const renderLevers = () => {
    clear(leverPane);
    controls = new Map();
    leverPane.append(
      h(
        'div',
        { class: 'pane-head' },
        h('h2', { id: 'levers-title' }, t('levers')),
        h('button', { type: 'button', class: 'secondary', onclick: () => app.resetAll() }, t('resetAll')),
      ),
    );
    for (const g of app.groups) {
      const body = h('div', { class: 'lever-group-body' });
      for (const l of g.levers) {
        const c = leverControl(l, app.value(l.name), (v) => app.setLever(l.name, v));
        controls.set(l.name, c);
        body.append(c.el);
      }
      leverPane.append(h('details', { class: `lever-group ${g.policy ? 'policy' : 'other'}`, open: g.policy || app.groups.length === 1 }, h('summary', {}, `${g.name} (${g.levers.length})`), body));
    }
  };

  const syncLevers = () => {
    for (const [name, c] of controls) c.show(app.value(name));
  };

  /** The model's history for a charted series, placed on the run's saved times (null elsewhere). */
  const observedOn = (time: Float64Array, name: string): (number | null)[] | undefined => {
    const key = seriesKey(name);
    const o = app.bundle?.history?.series.find((s) => seriesKey(s.name) === key);
    return o && valuesOnTimes(time, o);
  };

  const bandFor = (name: string): ChartBand | undefined => {
    const b = app.bands;
    const j = b ? b.names.indexOf(name) : -1;
    if (!b || j < 0) return undefined;
    return { label: t('bandLabel'), low: b.low[j]!, high: b.high[j]!, fill: 'rgba(11, 92, 173, 0.16)', stroke: 'rgba(11, 92, 173, 0.45)' };
  };

  const lineSet = (name: string): { time: Float64Array; lines: ChartLine[] } | undefined => {
    const ref = app.current ?? app.baseline;
    if (!ref) return undefined;
    const lines: ChartLine[] = [];
    const b = seriesOf(app.baseline, name);
    if (b) lines.push({ label: t('bau'), values: b, color: COLORS.baseline, dash: [6, 4], width: 2 });
    const activeUnchanged = app.activeScenario && JSON.stringify(Object.entries(app.activeScenario.params).sort()) === JSON.stringify(Object.entries(app.settings).sort());
    app.overlay.forEach((id, i) => {
      const s = seriesOf(app.overlays.get(id), name);
      const sc = app.scenarios.find((x) => x.id === id);
      // The open scenario, unchanged, is already the current line.
      if (activeUnchanged && id === app.activeScenario?.id) return;
      if (s && sc) lines.push({ label: sc.name, values: s, color: COLORS.overlays[i % COLORS.overlays.length]!, width: 2 });
    });
    const c = seriesOf(app.current, name);
    if (c) lines.push({ label: app.activeScenario?.name ?? t('current'), values: c, color: COLORS.current, width: 2.5 });
    const observed = observedOn(ref.time, name);
    if (observed) lines.push({ label: t('observed'), values: observed, color: COLORS.observed, points: true });
    lines.push(...referenceLines(app.bundle?.references, ref.time, name));
    return { time: ref.time, lines };
  };

  const drawCharts = () => {
    for (const card of cards) {
      const set = lineSet(card.name);
      if (!set) continue;
      const band = bandFor(card.name);
      card.chart.update(set.time, set.lines, band && band.low.length === set.time.length ? band : undefined);
      const year = Math.min(2030, set.time[set.time.length - 1] ?? 2030);
      card.summary.textContent = t('chartSummary', { name: app.displayName(card.name), value: app.formatValue(card.name, at(app.current, card.name, year)), year, bau: app.formatValue(card.name, at(app.baseline, card.name, year)) });
      card.el.dataset.current = String(at(app.current, card.name, set.time[set.time.length - 1]!));
      if ((card.table.parentElement as HTMLDetailsElement | null)?.open) fillTable(card, set.time, set.lines);
    }
  };

  const fillTable = (card: ChartCard, time: Float64Array, lines: ChartLine[]) => {
    clear(card.table);
    const shown = lines.filter((l) => !l.points || l.values.length === time.length);
    card.table.append(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('year')), shown.map((l) => h('th', { scope: 'col' }, l.label)))),
      h(
        'tbody',
        {},
        tableTimes(time).map((i) => h('tr', {}, h('th', { scope: 'row' }, String(Math.round(time[i]! * 100) / 100)), shown.map((l) => h('td', { class: 'num' }, app.formatValue(card.name, l.values[i] ?? NaN))))),
      ),
    );
  };

  const renderCharts = () => {
    for (const c of cards) c.chart.destroy();
    cards = [];
    clear(chartGrid);
    for (const name of app.charts) {
      const ind = app.indicators.find((i) => i.name === name);
      const titleId = uid('chart-title');
      const plotHost = h('div', { class: 'plot' });
      const summary = h('p', { class: 'visually-hidden', 'aria-live': 'off' });
      const table = h('table', { class: 'chart-table' });
      const details = h('details', { class: 'chart-data' }, h('summary', {}, t('showTable')), table);
      const units = unitsOf(app, name);
      const el = h(
        'figure',
        { class: 'chart-card', 'aria-labelledby': titleId, 'data-chart': name },
        h(
          'figcaption',
          {},
          h('span', { id: titleId, class: 'chart-title' }, app.displayName(name), units ? h('span', { class: 'units' }, ` (${units})`) : null),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': t('removeChart', { name: app.displayName(name) }), onclick: () => app.removeChart(name) }, '×'),
        ),
        plotHost,
        summary,
        details,
      );
      chartGrid.append(el);
      const card: ChartCard = { name, chart: new LineChart(plotHost, { targets: ind?.targets ?? [], percent: app.isPercent(name) }), summary, table, el };
      details.addEventListener('toggle', () => {
        const set = details.open ? lineSet(name) : undefined;
        if (set) fillTable(card, set.time, set.lines);
      });
      cards.push(card);
    }
    drawCharts();
  };

  const renderAddChart = () => {
    clear(addChartHost);
    const listId = uid('outputs');
    const inputId = uid('add-chart');
    const input = h('input', { id: inputId, list: listId, placeholder: t('addChartPlaceholder'), autocomplete: 'off' });
    const list = h('datalist', { id: listId }, (app.facts?.outputNames ?? []).filter((n) => !app.charts.includes(n)).map((n) => h('option', { value: n })));
    addChartHost.append(
      h(
        'form',
        {
          class: 'add-chart',
          onsubmit: (e: Event) => {
            e.preventDefault();
            if (!app.addChart(input.value)) announce(`${input.value}: ?`, 'error');
          },
        },
        h('label', { for: inputId }, t('addChart')),
        input,
        list,
        h('button', { type: 'submit', class: 'secondary' }, t('add')),
      ),
    );
  };

  const renderRunError = () => {
    clear(runErrorHost);
    if (app.runError) runErrorHost.append(h('div', { class: 'error-box', role: 'alert' }, `${t('runFailed')}: ${errorText(app.runError)}`));
    const notice = app.runError ? undefined : nonFiniteNotice(app.current?.nonFinite);
    if (notice) runErrorHost.append(h('div', { class: 'warning-box', role: 'status' }, h('p', {}, notice.heading), h('ul', {}, ...notice.lines.map((l) => h('li', {}, l)))));
    if (app.bandsError) runErrorHost.append(h('div', { class: 'error-box', role: 'alert' }, `${t('bandsFailed')}: ${errorText(app.bandsError)}`));
  };

  const renderDash = () => {
    renderRunError();
    clear(dashboardHost);
    dashboardHost.append(renderDashboard(app));
    // Let the latency benchmark and tests know the screen shows this run.
    document.body.dataset.drawSeq = String(app.drawSeq);
  };

  // The toolbar depends on these only; rebuilding it on every slider step would waste the frame.
  let toolbarKey = '';
  const renderToolbar = (force = false) => {
    const a = app.activeScenario;
    const sorted = (o: Record<string, number>) => JSON.stringify(Object.entries(o).sort());
    const modified = a ? sorted(a.params) !== sorted(app.settings) : false;
    const key = JSON.stringify([a?.id, a?.name, a?.description, modified, Object.keys(app.settings).length, app.scenarios.map((x) => x.id + x.name), app.overlay, app.bandsOn]);
    if (!force && key === toolbarKey) return;
    toolbarKey = key;
    clear(toolbarHost);
    toolbarHost.append(scenarioToolbar(app, () => cards.map((c) => ({ name: c.name, png: c.chart.image() }))));
  };

  const renderAll = () => {
    renderToolbar(true);
    renderLevers();
    renderCharts();
    renderAddChart();
    renderDash();
  };
  renderAll();

  const offs = [
    app.on('settings', () => {
      syncLevers();
      renderToolbar();
      // A link shown for earlier settings would share the wrong scenario.
      const link = toolbarHost.querySelector<HTMLInputElement>('.share-url');
      if (link) link.hidden = true;
    }),
    app.on('current', () => {
      drawCharts();
      renderDash();
      const timing = toolbarHost.querySelector('.timing');
      if (timing && app.facts && app.current) timing.textContent = `${t('compileTime', { ms: Math.round(app.facts.compileMs) })} · ${t('runTime', { ms: app.current.ms.toFixed(1) })}`;
    }),
    app.on('baseline', () => {
      drawCharts();
      renderDash();
    }),
    app.on('overlays', () => {
      drawCharts();
      renderToolbar();
    }),
    app.on('scenarios', () => renderToolbar()),
    app.on('bands', () => {
      drawCharts();
      // The dashboard's statuses rest on the band when it is on (renderDash also shows band errors).
      renderDash();
    }),
    app.on('charts', () => {
      renderCharts();
      renderAddChart();
      renderDash();
    }),
  ];
  return () => {
    offs.forEach((f) => f());
    tabs.destroy();
    for (const c of cards) c.chart.destroy();
  };
}

export { MAX_OVERLAYS };
