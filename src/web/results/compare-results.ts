/**
 * The IO and CGE table beside SD results: for each compared column (business as usual, the chosen
 * scenarios, the current settings, or a workshop's submissions) the jobs split and the CGE
 * indicators and EV by household group in 2030, for the families the model has. Requests go one
 * after another (the server allows a few CGE solves at once).
 */
import type { ResultFamilies } from '../../server/api-types.js';
import { clear, h } from '../dom.js';
import { errorText } from '../error-text.js';
import { t } from '../i18n.js';
import { headlineTable, RESULTS_YEAR, scenarioResults, type ScenarioResults } from './results-rows.js';

export function compareResults(
  modelId: string,
  families: ResultFamilies,
  columns: { name: string; params: Record<string, number> }[],
  title = t('compareResults', { year: RESULTS_YEAR }),
): { el: HTMLElement; destroy(): void } {
  const body = h('div', { class: 'compare-results-body', 'aria-live': 'polite' }, h('p', { class: 'note', role: 'status' }, t(families.cge ? 'cgeLoading' : 'resultsLoading')));
  const el = h('section', { class: 'compare-results' }, h('h2', {}, title), h('p', { class: 'note' }, t('compareResultsHelp')), body);
  const abort = new AbortController();
  void (async () => {
    const answers: ScenarioResults[] = [];
    try {
      for (const c of columns) answers.push(await scenarioResults(modelId, families, c.params, RESULTS_YEAR, abort.signal));
    } catch (e) {
      if (abort.signal.aborted) return;
      clear(body);
      body.append(h('div', { class: 'error-box', role: 'alert' }, `${t('resultsFailed')}: ${errorText(e)}`));
      return;
    }
    if (abort.signal.aborted) return;
    const table = headlineTable(
      columns.map((c) => c.name),
      answers,
    );
    clear(body);
    body.append(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'compare-table results-compare' },
          h('thead', {}, h('tr', {}, table.header.map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, table.rows.map(([label, ...cells]) => h('tr', {}, h('th', { scope: 'row' }, label!), cells.map((c) => h('td', { class: 'num' }, c))))),
        ),
      ),
    );
  })();
  return { el, destroy: () => abort.abort() };
}
