/** The SDG dashboard: each indicator's 2030 and 2050 values, its targets and whether they are met. */
import type { AppState } from '../app-state.js';
import { h } from '../dom.js';
import { localized, t } from '../i18n.js';
import { targetMet, valueAt, type Indicator, type Target } from '../indicators.js';
import type { Series } from '../model/model-client.js';

function seriesOf(r: Series | undefined, name: string): Float64Array | undefined {
  if (!r) return undefined;
  const j = r.names.indexOf(name);
  return j < 0 ? undefined : r.series[j];
}

function at(r: Series | undefined, name: string, year: number): number {
  const s = seriesOf(r, name);
  return r && s ? valueAt(r.time, s, year) : NaN;
}

function targetText(app: AppState, name: string, tg: Target): string {
  const base = t(tg.direction === 'max' ? 'atMost' : 'atLeast', { value: app.formatValue(name, tg.value), year: tg.year });
  const label = localized(tg.label);
  return label ? `${base} (${label})` : base;
}

export function indicatorLabel(app: AppState, ind: Indicator): string {
  return localized(ind.label) || app.displayName(ind.name);
}

/** Units as readers see them (translated; % for rates). */
export function unitsOf(app: AppState, name: string): string {
  return app.displayUnits(name);
}

export function renderDashboard(app: AppState): HTMLElement {
  const anyTarget = app.indicators.some((i) => i.targets.length > 0);
  const rows = app.indicators.map((ind) => {
    const cells = [2030, 2050].map((year) => {
      const b = at(app.baseline, ind.name, year);
      const c = at(app.current, ind.name, year);
      return h('td', { class: 'num' }, h('span', { class: 'bau-value' }, app.formatValue(ind.name, b)), ' → ', h('strong', { class: 'current-value' }, app.formatValue(ind.name, c)));
    });
    const statuses = ind.targets.map((tg) => {
      const met = targetMet(at(app.current, ind.name, tg.year), tg);
      return h(
        'span',
        { class: `badge ${met === true ? 'met' : met === false ? 'not-met' : ''}` },
        met === true ? `✓ ${t('met')}` : met === false ? `✗ ${t('notMet')}` : '—',
      );
    });
    return h(
      'tr',
      { 'data-indicator': ind.name },
      h('th', { scope: 'row' }, indicatorLabel(app, ind), h('span', { class: 'units' }, ` ${unitsOf(app, ind.name)}`)),
      h('td', {}, ind.sdg ?? '—'),
      h('td', {}, ind.targets.length ? ind.targets.map((tg, i) => [i ? h('br') : null, targetText(app, ind.name, tg)]) : t('noTarget')),
      ...cells,
      h('td', {}, ind.targets.length ? statuses.map((s, i) => [i ? h('br') : null, s]) : '—'),
    );
  });
  return h(
    'section',
    { class: 'dashboard', 'aria-labelledby': 'dashboard-title' },
    h('h2', { id: 'dashboard-title' }, t('dashboard')),
    anyTarget ? null : h('p', { class: 'note' }, t('noIndicators')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', { class: 'visually-hidden' }, `${t('dashboard')}: ${t('bau')} → ${t('current')}`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('indicator')),
            h('th', { scope: 'col' }, t('sdg')),
            h('th', { scope: 'col' }, t('target')),
            h('th', { scope: 'col' }, t('value2030')),
            h('th', { scope: 'col' }, t('value2050')),
            h('th', { scope: 'col' }, t('status')),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

export { seriesOf, at };
