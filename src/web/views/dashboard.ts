/** The SDG dashboard: each indicator's 2030 and 2050 values, its targets and whether they are met. */
import type { AppState } from '../app-state.js';
import { h, uid } from '../dom.js';
import { localized, t } from '../i18n.js';
import { valueAt, type Indicator, type Target } from '../indicators.js';
import type { Series } from '../model/model-client.js';
import { targetStatuses, type TargetStatus } from '../target-status.js';

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

const VERDICT_CLASS = { met: 'met', missed: 'not-met', uncertain: 'uncertain' } as const;

/** A status in words: the verdict, "on the edge" when it applies, and the central-run tag when asked. */
export function statusText(s: TargetStatus, centralTag = false, symbols = true): string {
  const mark = (m: string) => (symbols ? `${m} ` : '');
  const word = s.verdict === 'met' ? `${mark('✓')}${t('met')}` : s.verdict === 'missed' ? `${mark('✗')}${t('notMet')}` : s.verdict === 'uncertain' ? `${mark('?')}${t('uncertain')}` : symbols ? '—' : '-';
  return `${word}${s.edge ? ` · ${t('onTheEdge')}` : ''}${centralTag ? ` (${t('centralRunTag')})` : ''}`;
}

/** A status badge: the verdict in words (not colour alone), "on the edge" when it applies. */
export function statusBadge(s: TargetStatus, centralTag = false): HTMLElement {
  const text = statusText(s, centralTag);
  const cls = ['badge', s.verdict ? VERDICT_CLASS[s.verdict] : '', s.edge ? 'edge' : ''].filter(Boolean).join(' ');
  return h('span', { class: cls, ...(s.edge ? { title: t('onTheEdgeHint') } : {}) }, text);
}

/** The sentence under the table that says what the statuses rest on. */
export function basisNote(app: AppState): string {
  const band = app.bandsCurrent;
  if (band) return t('verdictBasisBand', { low: band.percentiles[0], high: band.percentiles[1], runs: band.runs });
  if (app.bandsOn && !app.bandsError) return t('verdictBasisPending');
  return app.bandsAvailable ? `${t('verdictBasisCentral')} ${t('verdictBasisSwitchOn')}` : t('verdictBasisCentral');
}

/**
 * Each target's status on the dashboard's basis (the band when it is current, else the central run);
 * `centralTag` when the band is in use but this indicator's targets were judged from the central run.
 */
export function statusesOf(app: AppState, ind: Indicator): { statuses: TargetStatus[]; centralTag: boolean } {
  const band = app.bandsCurrent;
  const { basis, statuses } = targetStatuses(ind.name, ind.targets, (year) => at(app.current, ind.name, year), band);
  return { statuses, centralTag: band !== undefined && basis.kind === 'central' };
}

export function renderDashboard(app: AppState): HTMLElement {
  const anyTarget = app.indicators.some((i) => i.targets.length > 0);
  const basisId = uid('verdict-basis');
  const rows = app.indicators.map((ind) => {
    const cells = [2030, 2050].map((year) => {
      const b = at(app.baseline, ind.name, year);
      const c = at(app.current, ind.name, year);
      return h('td', { class: 'num' }, h('span', { class: 'bau-value' }, app.formatValue(ind.name, b)), ' → ', h('strong', { class: 'current-value' }, app.formatValue(ind.name, c)));
    });
    const { statuses: verdicts, centralTag } = statusesOf(app, ind);
    const statuses = verdicts.map((s) => statusBadge(s, centralTag));
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
        // Screen readers hear which basis the statuses rest on with the table.
        { 'aria-describedby': anyTarget ? basisId : undefined },
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
    anyTarget ? h('p', { class: 'note verdict-basis', id: basisId }, basisNote(app)) : null,
  );
}

export { seriesOf, at };
