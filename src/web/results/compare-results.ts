/**
 * The compare view's IO and CGE table: for each compared column (business as usual, the chosen
 * scenarios, the current settings) the jobs split and the CGE indicators and EV by household group
 * in 2030. Requests go one after another (the server allows a few CGE solves at once).
 */
import { clear, h } from '../dom.js';
import { errorText } from '../error-text.js';
import { fmt, localized, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { fmtEv } from './cge-panel.js';
import { resultsApi, type CgeResult, type GreenJobsResult } from './results-api.js';

const YEAR = 2030;

export function compareResults(modelId: string, columns: { name: string; params: Record<string, number> }[]): { el: HTMLElement; destroy(): void } {
  const body = h('div', { class: 'compare-results-body', 'aria-live': 'polite' }, h('p', { class: 'note', role: 'status' }, t('cgeLoading')));
  const el = h('section', { class: 'compare-results' }, h('h2', {}, t('compareResults', { year: YEAR })), h('p', { class: 'note' }, t('compareResultsHelp')), body);
  const abort = new AbortController();
  void (async () => {
    const answers: { jobs: GreenJobsResult; cge: CgeResult }[] = [];
    try {
      for (const c of columns) {
        const jobs = await resultsApi.greenJobs(modelId, c.params, YEAR, abort.signal);
        const cge = await resultsApi.cge(modelId, c.params, { year: YEAR }, abort.signal);
        answers.push({ jobs, cge });
      }
    } catch (e) {
      if (abort.signal.aborted) return;
      clear(body);
      body.append(h('div', { class: 'error-box', role: 'alert' }, `${t('resultsFailed')}: ${errorText(e)}`));
      return;
    }
    if (abort.signal.aborted) return;
    const unit = localized(answers[0]!.jobs.unit);
    const jobRow = (key: 'green' | 'transition' | 'other' | 'formal' | 'informal' | 'total', label: MessageKey) =>
      h('tr', {}, h('th', { scope: 'row' }, t(label), h('span', { class: 'units' }, ` (${unit})`)), answers.map((a) => h('td', { class: 'num' }, fmt(a.jobs.total.scenario[key]))));
    const pct = (x: number | null) => (x === null ? '—' : fmtEv(x));
    const cgeRow = (key: 'realGdp' | 'cpi' | 'revenue' | 'co2', label: MessageKey) =>
      h('tr', {}, h('th', { scope: 'row' }, t(label)), answers.map((a) => h('td', { class: 'num' }, pct(a.cge.indicators[key].changePct))));
    const households = answers[0]!.cge.households;
    clear(body);
    body.append(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'compare-table results-compare' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('indicator')), columns.map((c) => h('th', { scope: 'col' }, c.name)))),
          h(
            'tbody',
            {},
            jobRow('green', 'jobsGreen'),
            jobRow('transition', 'jobsTransition'),
            jobRow('other', 'jobsOther'),
            jobRow('formal', 'jobsFormal'),
            jobRow('informal', 'jobsInformal'),
            jobRow('total', 'jobsTotal'),
            cgeRow('realGdp', 'realGdp'),
            cgeRow('cpi', 'cpi'),
            cgeRow('revenue', 'fiscalRevenue'),
            cgeRow('co2', 'co2Fuel'),
            households.map((hh, k) => h('tr', {}, h('th', { scope: 'row' }, t('evOf', { name: localized(hh.label) })), answers.map((a) => h('td', { class: 'num' }, fmtEv(a.cge.households[k]?.evPct ?? NaN))))),
          ),
        ),
      ),
    );
  })();
  return { el, destroy: () => abort.abort() };
}
