/** The saved scenarios of the open model: open, rename, duplicate, delete, share, compare. */
import { errorText } from '../error-text.js';
import type { Scenario } from '../../server/api-types.js';
import type { AppState } from '../app-state.js';
import { api } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { fmt, fmtDate, t } from '../i18n.js';
import { shareUrl } from '../share-link.js';
import { askScenarioName } from './scenario-toolbar.js';

export function mountScenarios(root: HTMLElement, app: AppState, go: (route: string) => void): () => void {
  const render = () => {
    clear(root);
    const fail = (e: unknown) => announce(`${t('errorPrefix')}: ${errorText(e)}`, 'error');
    const rows = app.scenarios.map((s: Scenario) => {
      const changed = Object.entries(s.params);
      return h(
        'tr',
        { 'data-scenario': s.name },
        h('th', { scope: 'row' }, h('span', { class: 'scenario-row-name' }, s.name), s.description ? h('p', { class: 'note' }, s.description) : null),
        h('td', {}, fmtDate(s.createdAt)),
        h(
          'td',
          {},
          changed.length === 0
            ? '—'
            : h(
                'ul',
                { class: 'plain' },
                changed.map(([k, v]) => h('li', {}, `${app.lever(k)?.label ?? k} = ${fmt(v)}`)),
              ),
        ),
        h(
          'td',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                app.loadScenario(s);
                go('#/simulator');
              },
            },
            t('load'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () =>
                askScenarioName(
                  { name: s.name, description: s.description },
                  async (name, description) => {
                    await api.updateScenario(s.id, { name, description });
                    await app.reloadScenarios();
                  },
                  t('rename'),
                ),
            },
            t('rename'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () =>
                void api
                  .duplicateScenario(s.id)
                  .then(() => app.reloadScenarios())
                  .catch(fail),
            },
            t('duplicate'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async () => {
                const url = shareUrl(location.href, { model: app.modelId, params: s.params });
                try {
                  await navigator.clipboard.writeText(url);
                  announce(t('linkCopied'));
                } catch {
                  prompt(t('linkShown'), url);
                }
              },
            },
            t('shareLink'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              onclick: () => {
                if (!confirm(t('confirmDelete', { name: s.name }))) return;
                void api
                  .deleteScenario(s.id)
                  .then(() => app.reloadScenarios())
                  .catch(fail);
              },
            },
            t('delete'),
          ),
        ),
      );
    });
    root.append(
      h(
        'section',
        { class: 'page' },
        h('h1', {}, t('scenariosTitle')),
        app.scenarios.length === 0
          ? h('p', {}, t('noScenarios'))
          : h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                { class: 'scenarios' },
                h(
                  'thead',
                  {},
                  h('tr', {}, h('th', { scope: 'col' }, t('scenarioName')), h('th', { scope: 'col' }, t('created')), h('th', { scope: 'col' }, t('changedLevers')), h('th', { scope: 'col' }, t('actions'))),
                ),
                h('tbody', {}, rows),
              ),
            ),
        app.scenarios.length > 0 ? h('p', {}, h('a', { href: '#/compare' }, t('compareTitle'))) : null,
      ),
    );
  };
  render();
  const offs = [app.on('scenarios', render), app.on('model', render)];
  return () => offs.forEach((f) => f());
}
