/**
 * Model explorer: search the variables; for each, its equation, units, documentation, source line,
 * causes and uses (each a link), and its chart; the diagram; the feedback loops.
 */
import type { AppState } from '../app-state.js';
import { clear, h, uid } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import type { VariableInfo } from '../model/model-info.js';
import { COLORS, LineChart, type ChartLine } from '../ui/line-chart.js';
import { renderAuto, renderSketch } from './diagram.js';

type Tab = 'variable' | 'diagram' | 'loops';

export function mountExplorer(root: HTMLElement, app: AppState, query: URLSearchParams, go: (route: string) => void): () => void {
  let chart: LineChart | undefined;
  let disposed = false;
  const state: { tab: Tab; selected?: string; search: string; view?: number } = {
    tab: (query.get('tab') as Tab) || 'variable',
    selected: query.get('var') ?? undefined,
    search: query.get('q') ?? '',
  };
  const link = (patch: Partial<typeof state>) => {
    const s = { ...state, ...patch };
    const q = new URLSearchParams();
    if (s.selected) q.set('var', s.selected);
    if (s.tab !== 'variable') q.set('tab', s.tab);
    return `#/explorer?${q.toString()}`;
  };

  const render = () => {
    chart?.destroy();
    chart = undefined;
    clear(root);
    const facts = app.facts;
    if (!facts) return;
    const vars = new Map(facts.variables.map((v) => [v.key, v]));
    const searchId = uid('search');
    const list = h('ul', { class: 'var-list', 'aria-label': t('variables', { n: facts.variables.length }) });
    const fillList = () => {
      clear(list);
      const q = state.search.trim().toLowerCase();
      const hits = facts.variables.filter((v) => !q || v.name.toLowerCase().includes(q) || v.units.toLowerCase().includes(q) || v.doc.toLowerCase().includes(q));
      for (const v of hits.slice(0, 400))
        list.append(h('li', {}, h('a', { href: link({ selected: v.key, tab: 'variable' }), 'aria-current': v.key === state.selected ? 'true' : undefined }, h('span', { class: 'model-name', translate: 'no' }, v.name), h('span', { class: 'kind-tag' }, t(`kind_${v.kind}` as MessageKey)))));
      count.textContent = t('variables', { n: hits.length });
    };
    const count = h('p', { class: 'note', 'aria-live': 'polite' });
    const search = h('input', {
      id: searchId,
      type: 'search',
      placeholder: t('searchPlaceholder'),
      value: state.search,
      oninput: () => {
        state.search = search.value;
        fillList();
      },
    });
    fillList();
    const side = h('aside', { class: 'explorer-side' }, h('label', { for: searchId }, t('search')), search, count, list);
    const tabs = h(
      'nav',
      { class: 'tabs', 'aria-label': t('explorerTitle') },
      (['variable', 'diagram', 'loops'] as Tab[]).map((tab) =>
        h('a', { href: link({ tab }), 'aria-current': tab === state.tab ? 'page' : undefined }, t(tab === 'variable' ? 'tabVariable' : tab === 'diagram' ? 'tabDiagram' : 'tabLoops')),
      ),
    );
    const main = h('div', { class: 'explorer-main' });
    root.append(h('section', { class: 'page explorer' }, h('h1', {}, t('explorerTitle')), h('div', { class: 'explorer-layout' }, side, h('div', {}, tabs, main))));
    if (state.tab === 'variable') renderVariable(main, state.selected ? vars.get(state.selected) : undefined, vars);
    else if (state.tab === 'diagram') renderDiagram(main, vars);
    else renderLoops(main, vars);
  };

  const varLink = (k: string, vars: Map<string, VariableInfo>) => h('a', { href: link({ selected: k, tab: 'variable' }), class: 'model-name', translate: 'no' }, vars.get(k)?.name ?? k);

  const renderVariable = (main: HTMLElement, v: VariableInfo | undefined, vars: Map<string, VariableInfo>) => {
    if (!v) {
      main.append(h('p', { class: 'note' }, t('selectVariable')));
      return;
    }
    const refs = (keys: string[]) => (keys.length === 0 ? h('span', { class: 'note' }, t('none')) : h('ul', { class: 'inline-list' }, keys.map((k) => h('li', {}, varLink(k, vars)))));
    const plot = h('div', { class: 'plot' });
    main.append(
      h(
        'article',
        { class: 'variable' },
        h('h2', {}, h('span', { class: 'model-name', translate: 'no' }, v.name), app.labels.variable(v.name, currentLang()) ? ` — ${app.labels.variable(v.name, currentLang())}` : '', ' ', h('span', { class: 'kind-tag' }, t(`kind_${v.kind}` as MessageKey))),
        h(
          'dl',
          {},
          h('dt', {}, t('equation')),
          h('dd', {}, v.equations.map((e) => h('pre', { class: 'equation' }, e))),
          h('dt', {}, t('units')),
          h('dd', {}, v.units || '—'),
          h('dt', {}, t('documentation')),
          h('dd', { dir: 'auto', class: 'doc' }, v.doc || '—'),
          v.group ? [h('dt', {}, t('group')), h('dd', {}, v.group.replace(/^\.+/, ''))] : null,
          h('dt', {}, t('source')),
          h('dd', {}, h('code', {}, `${app.bundle?.file ?? ''}:${v.line ?? '?'}:${v.column ?? '?'}`)),
          h('dt', {}, t('causes')),
          h('dd', {}, refs(v.causes)),
          h('dt', {}, t('uses')),
          h('dd', {}, refs(v.uses)),
        ),
        h('figure', { class: 'chart-card' }, plot),
      ),
    );
    const facts = app.facts!;
    const columns = facts.outputNames.filter((n) => n.replace(/\[.*$/, '').toLowerCase().replace(/[_\s]+/g, ' ').trim() === v.key).slice(0, 8);
    if (columns.length === 0 || v.kind === 'lookup') {
      plot.replaceWith(h('p', { class: 'note' }, t('notChartable')));
      return;
    }
    void Promise.all([app.runWith({}, columns), app.runWith({ ...app.settings }, columns)]).then(([base, cur]) => {
      if (disposed || !plot.isConnected) return;
      const lines: ChartLine[] = [];
      columns.forEach((c, i) => {
        const multi = columns.length > 1;
        lines.push({ label: `${multi ? c : t('bau')}${multi ? ' · BAU' : ''}`, values: base.series[i]!, color: multi ? COLORS.overlays[i % 3]! : COLORS.baseline, dash: [6, 4] });
        lines.push({ label: multi ? c : (app.activeScenario?.name ?? t('current')), values: cur.series[i]!, color: multi ? COLORS.overlays[i % 3]! : COLORS.current });
      });
      chart = new LineChart(plot);
      chart.update(base.time, lines);
    });
  };

  const renderDiagram = (main: HTMLElement, vars: Map<string, VariableInfo>) => {
    const facts = app.facts!;
    const select = (k: string) => go(link({ selected: k, tab: 'diagram' }));
    if (facts.views.length > 0) {
      // The view holding the selected variable, unless the reader picked one.
      const holding = facts.views.findIndex((v) => state.selected && v.nodes.some((n) => n.name.toLowerCase().replace(/[_\s]+/g, ' ') === state.selected));
      const viewIdx = Math.min(facts.views.length - 1, Math.max(0, state.view ?? holding));
      const view = facts.views[viewIdx]!;
      const pickId = uid('view');
      const picker =
        facts.views.length > 1
          ? h(
              'p',
              {},
              h('label', { for: pickId }, `${t('view')} `),
              h(
                'select',
                {
                  id: pickId,
                  onchange: (e: Event) => {
                    state.view = Number((e.target as HTMLSelectElement).value);
                    render();
                  },
                },
                facts.views.map((v, i) => h('option', { value: i, selected: i === viewIdx }, v.name)),
              ),
            )
          : '';
      main.append(picker, h('p', { class: 'note' }, t('diagramFromSketch', { view: view.name })), renderSketch(view, vars, state.selected, select));
      return;
    }
    const note = h('p', { class: 'note' }, t('diagramLoading'));
    main.append(note);
    void renderAuto(facts.variables, state.selected, select).then((el) => {
      if (disposed || !note.isConnected) return;
      note.textContent = t('diagramAuto');
      main.append(el);
    });
  };

  const renderLoops = (main: HTMLElement, vars: Map<string, VariableInfo>) => {
    const facts = app.facts!;
    if (facts.loops.length === 0) {
      main.append(h('p', {}, t('noLoops')));
      return;
    }
    const loops = [...facts.loops].sort((a, b) => a.length - b.length);
    main.append(
      h('p', {}, t('loopsFound', { n: loops.length })),
      facts.loopsTruncated ? h('p', { class: 'note' }, t('loopsTruncated', { n: loops.length })) : '',
      h(
        'ol',
        { class: 'loops' },
        loops.map((loop) =>
          h(
            'li',
            {},
            h('span', { class: 'note' }, `${t('loopLength', { n: loop.length })}: `),
            loop.map((k, i) => [i ? ' → ' : '', varLink(k, vars)]),
            ' → ',
            varLink(loop[0]!, vars),
          ),
        ),
      ),
    );
  };

  render();
  const off = app.on('model', render);
  return () => {
    disposed = true;
    off();
    chart?.destroy();
  };
}
