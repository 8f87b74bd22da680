/**
 * The prices-and-welfare tab: the CGE for the fuel-tax levers of the current settings. Cards for
 * real GDP, CPI, tax revenue, fuel use and CO2 (change against the CGE baseline), a bar chart of
 * equivalent variation as % of income by household group with its table, revenue by tax, the
 * solver's convergence, and the assumptions that turn levers into a CGE scenario.
 */
import type { AppState } from '../app-state.js';
import { h, uid } from '../dom.js';
import { fmt, fmtFixed, localized, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { signedBars } from '../ui/signed-bars.js';
import { resultsPanel, type Panel } from './panel.js';
import { resultsApi, type CgeResult, type Change } from './results-api.js';
import { fmtEv } from './results-rows.js';

/** A change in percent with two decimals (CGE changes are small): +0,12 %. */
const fmtChange = (x: number | null) => (x === null ? '—' : fmtEv(x));

function card(label: MessageKey, c: Change, unit: string, note?: string): HTMLElement {
  return h(
    'div',
    { class: 'result-card' },
    h('div', { class: 'result-label' }, t(label)),
    h('div', { class: 'result-value' }, fmtChange(c.changePct)),
    h('div', { class: 'note' }, `${t('baseColumn')}: ${fmt(c.base)}${unit ? ` ${unit}` : ''}`),
    note ? h('div', { class: 'note' }, note) : '',
  );
}

interface Choice {
  year?: number;
  recycling?: string;
}

function render(r: CgeResult, host: HTMLElement, choice: Choice, refetch: () => void): void {
  const money = localized(r.money);
  const yearId = uid('cge-year'), recId = uid('cge-rec');
  const year = h('select', { id: yearId, onchange: () => ((choice.year = Number(year.value)), refetch()) }, r.years.map((y) => h('option', { value: String(y), selected: y === r.year }, String(y))));
  const rec = h(
    'select',
    { id: recId, onchange: () => ((choice.recycling = rec.value || undefined), refetch()) },
    h('option', { value: '', selected: !choice.recycling }, t('recyclingAuto', { name: choice.recycling ? '' : localized(r.recyclingLabel) }).replace(' ()', '')),
    r.recyclingOptions.map((o) => h('option', { value: o.id, selected: choice.recycling === o.id }, localized(o.label))),
  );
  const rows = r.households.map((x) => ({ label: localized(x.label), value: x.evPct }));
  host.append(
    h('h3', {}, t('cgeTitle', { year: r.year })),
    h('p', { class: 'note' }, t('cgeHelp')),
    h('p', { class: 'results-controls' }, h('label', { for: yearId }, `${t('year')} `), year, ' ', h('label', { for: recId }, `${t('recycling')} `), rec),
    h(
      'div',
      { class: 'result-cards' },
      card('realGdp', r.indicators.realGdp, money),
      card('cpi', r.indicators.cpi, '', r.numeraire === 'cpi' ? t('cpiNumeraire') : undefined),
      card('fiscalRevenue', r.indicators.revenue, money),
      card('fuelUse', r.indicators.fuelUse, money),
      card('co2Fuel', r.indicators.co2, 'tCO₂'),
    ),
    h('p', { class: r.converged ? 'note' : 'error-box' }, t(r.converged ? 'converged' : 'notConverged', { res: r.maxResidual.toExponential(1).replace('.', currentDecimal()) })),
    h(
      'figure',
      { class: 'chart-card results-figure ev-figure' },
      h('figcaption', {}, h('span', { class: 'chart-title' }, t('evTitle'))),
      signedBars({ title: t('evTitle'), desc: t('evDesc', { list: rows.map((x) => `${x.label} ${fmtEv(x.value)}`).join('; ') }), rows, format: fmtEv }),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'results-table ev-table' },
        h('caption', {}, t('evTitle')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('household')), h('th', { scope: 'col' }, t('evPct')), h('th', { scope: 'col' }, t('evLevel', { money })))),
        h('tbody', {}, r.households.map((x) => h('tr', {}, h('th', { scope: 'row' }, localized(x.label)), h('td', { class: 'num' }, fmtEv(x.evPct)), h('td', { class: 'num' }, fmt(x.ev))))),
      ),
    ),
    h(
      'details',
      { class: 'chart-data' },
      h('summary', {}, t('revenueByTax', { money })),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'results-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('tax')), h('th', { scope: 'col' }, t('baseColumn')), h('th', { scope: 'col' }, t('scenarioColumn')))),
          h('tbody', {}, r.revenue.map((x) => h('tr', {}, h('th', { scope: 'row' }, localized(x.label)), h('td', { class: 'num' }, fmt(x.base)), h('td', { class: 'num' }, fmt(x.value))))),
        ),
      ),
    ),
    r.assumptions.length ? h('details', { class: 'chart-data' }, h('summary', {}, t('assumptionsTitle')), h('ul', {}, r.assumptions.map((a) => h('li', {}, localized(a))))) : '',
  );
}

/** The decimal separator of the current language (for exponents, which Intl does not format). */
function currentDecimal(): string {
  return fmtFixed(1.5, 1).includes(',') ? ',' : '.';
}

export function cgePanel(app: AppState): Panel {
  const choice: Choice = {};
  const panel = resultsPanel(app, {
    loading: 'cgeLoading',
    fetch: (signal) => resultsApi.cge(app.modelId, app.settings, choice, signal),
    render: (r, host, refetch) => render(r, host, choice, refetch),
  });
  panel.el.classList.add('cge-panel');
  return panel;
}
