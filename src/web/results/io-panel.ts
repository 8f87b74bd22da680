/** The green-jobs tab: jobs by sector for the current settings, green / in transition / other and formal / informal. */
import type { AppState } from '../app-state.js';
import { h, uid } from '../dom.js';
import { fmt, fmtPercent, localized, t } from '../i18n.js';
import { stackedBars } from '../ui/stacked-bars.js';
import { resultsPanel, type Panel } from './panel.js';
import { resultsApi, type GreenJobsResult, type MeasuredBaseYear, type SectorJobs } from './results-api.js';

export const JOB_COLORS = { green: '#1e6b2a', transition: '#c58a00', other: '#8a8d93', formal: '#0b5cad', informal: '#a04a00' };

const change = (v: number, b: number) => (b !== 0 ? fmtPercent((100 * (v - b)) / Math.abs(b)) : '—');

function card(label: string, value: number, base: number, unit: string): HTMLElement {
  return h('div', { class: 'result-card' }, h('div', { class: 'result-label' }, label), h('div', { class: 'result-value' }, fmt(value), h('span', { class: 'units' }, ` ${unit}`)), h('div', { class: 'note' }, t('changeVsBau', { change: change(value, base) })));
}

function legend(parts: { label: string; color: string }[]): HTMLElement {
  return h('ul', { class: 'legend' }, parts.map((p) => h('li', {}, h('span', { class: 'swatch', style: `background:${p.color}`, 'aria-hidden': 'true' }), p.label)));
}

/** The measured base year: each total with its interval (persons shown in thousands). */
function measuredSection(m: MeasuredBaseYear): HTMLElement {
  const k = (x: number) => fmt(x / 1000);
  const confidence = fmt(100 * m.confidence);
  const item = (label: string, e: MeasuredBaseYear['green']) =>
    h(
      'div',
      { class: 'result-card' },
      h('div', { class: 'result-label' }, label),
      h('div', { class: 'result-value' }, k(e.value), h('span', { class: 'units' }, ` ${t('measuredUnit')}`)),
      h('div', { class: 'note' }, t('measuredInterval', { confidence, low: k(e.low), high: k(e.high) })),
    );
  return h(
    'section',
    { class: 'measured-base-year', 'aria-label': t('measuredTitle', { year: m.year }) },
    h('h3', {}, t('measuredTitle', { year: m.year })),
    m.synthetic ? h('p', { class: 'note warning' }, t('measuredSynthetic')) : null,
    h('p', { class: 'note' }, t('measuredHelp', { confidence })),
    h('div', { class: 'result-cards' }, item(t('jobsGreen'), m.green), item(t('jobsTransition'), m.transition), item(t('jobsOther'), m.other), item(t('jobsTotal'), m.employment)),
  );
}

export function render(r: GreenJobsResult, host: HTMLElement, year: { value?: number; set(y: number): void }): void {
  const unit = localized(r.unit);
  const s = r.total.scenario, b = r.total.baseline;
  const yearId = uid('io-year');
  const select = h('select', { id: yearId, onchange: () => year.set(Number(select.value)) }, r.years.map((y) => h('option', { value: String(y), selected: y === r.year }, String(y))));
  const green = [
    { key: 'green', label: t('jobsGreen'), color: JOB_COLORS.green },
    { key: 'transition', label: t('jobsTransition'), color: JOB_COLORS.transition },
    { key: 'other', label: t('jobsOther'), color: JOB_COLORS.other },
  ] as const;
  const formal = [
    { key: 'formal', label: t('jobsFormal'), color: JOB_COLORS.formal },
    { key: 'informal', label: t('jobsInformal'), color: JOB_COLORS.informal },
  ] as const;
  const figure = (title: string, parts: readonly { key: keyof SectorJobs; label: string; color: string }[]) =>
    h(
      'figure',
      { class: 'chart-card results-figure' },
      h('figcaption', {}, h('span', { class: 'chart-title' }, title)),
      legend(parts as unknown as { label: string; color: string }[]),
      stackedBars({
        title,
        desc: t('chartDesc', { parts: parts.map((p) => p.label).join(', ') }),
        parts: parts as unknown as { label: string; color: string }[],
        rows: r.sectors.map((x) => ({ label: localized(x.label), values: parts.map((p) => x.scenario[p.key]) })),
        format: fmt,
      }),
    );
  const cols: { key: keyof SectorJobs; label: string }[] = [...green, ...formal, { key: 'total', label: t('jobsTotal') }];
  host.append(
    h('h3', {}, t('ioTitle', { year: r.year })),
    h('p', { class: 'note' }, t('ioHelp')),
    h('p', {}, h('label', { for: yearId }, `${t('year')} `), select),
    h('div', { class: 'result-cards' }, [...green, ...formal].map((p) => card(p.label, s[p.key], b[p.key], unit)), card(t('jobsTotal'), s.total, b.total, unit)),
    h('div', { class: 'results-figures' }, figure(t('ioByGreen', { unit }), green), figure(t('ioByFormality', { unit }), formal)),
    h(
      'details',
      { class: 'chart-data' },
      h('summary', {}, t('showTable')),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'results-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('sector')), cols.map((c) => h('th', { scope: 'col' }, c.label)))),
          h(
            'tbody',
            {},
            r.sectors.map((x) => h('tr', {}, h('th', { scope: 'row' }, localized(x.label)), cols.map((c) => h('td', { class: 'num' }, fmt(x.scenario[c.key]))))),
            h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('jobsTotal')), cols.map((c) => h('td', { class: 'num' }, fmt(s[c.key])))),
          ),
        ),
      ),
    ),
  );
  if (r.measured) host.append(measuredSection(r.measured));
}

export function ioPanel(app: AppState): Panel {
  let year: number | undefined;
  const panel = resultsPanel(app, {
    loading: 'resultsLoading',
    fetch: (signal) => resultsApi.greenJobs(app.modelId, app.settings, year, signal),
    render: (r, host, refetch) =>
      render(r, host, {
        value: year,
        set: (y) => {
          year = y;
          refetch();
        },
      }),
  });
  panel.el.classList.add('io-panel');
  return panel;
}
