/**
 * Model explorer: search the variables; for each, its equation, units, documentation, source line,
 * causes and uses (each a link), and its chart; its causes and uses trees; the stock-and-flow
 * diagram (the model's own, or laid out by group); the feedback loops, ranked, with a causal-loop
 * diagram of the one chosen and, on request, their dominance over a run.
 */
import type { AppState } from '../app-state.js';
import { clear, h, uid } from '../dom.js';
import { currentLang, fmtShare, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import type { VariableInfo } from '../model/model-info.js';
import type { DominanceSummary, ModelFacts } from '../model/protocol.js';
import { COLORS, LineChart, type ChartLine } from '../ui/line-chart.js';
import type { FeedbackLoop } from '../../sd/analyze/structure/index.js';
import { renderView } from './diagram.js';
import { renderLoopDiagram } from './loop-diagram.js';
import { renderTree } from './tree-view.js';

type Tab = 'variable' | 'causes' | 'uses' | 'diagram' | 'loops';
const TABS: [Tab, MessageKey][] = [
  ['variable', 'tabVariable'],
  ['causes', 'tabCauses'],
  ['uses', 'tabUses'],
  ['diagram', 'tabDiagram'],
  ['loops', 'tabLoops'],
];

/** Loop dominance computed for a loaded model (kept while the model stays loaded). */
const dominanceOf = new WeakMap<ModelFacts, DominanceSummary>();

export function mountExplorer(root: HTMLElement, app: AppState, query: URLSearchParams, go: (route: string) => void): () => void {
  let chart: LineChart | undefined;
  let disposed = false;
  const tabParam = query.get('tab') as Tab | null;
  const familyParam = Number(query.get('family'));
  const state: { tab: Tab; selected?: string; search: string; view?: number; loop?: string; family?: number } = {
    tab: tabParam && TABS.some(([x]) => x === tabParam) ? tabParam : 'variable',
    selected: query.get('var') ?? undefined,
    search: query.get('q') ?? '',
    loop: query.get('loop') ?? undefined,
    family: Number.isInteger(familyParam) && familyParam >= 1 ? familyParam : undefined,
  };
  const link = (patch: Partial<typeof state>) => {
    const s = { ...state, ...patch };
    const q = new URLSearchParams();
    if (s.selected) q.set('var', s.selected);
    if (s.tab !== 'variable') q.set('tab', s.tab);
    if (s.tab === 'loops' && s.loop) q.set('loop', s.loop);
    if (s.tab === 'loops' && s.family) q.set('family', String(s.family));
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
      TABS.map(([tab, key]) => h('a', { href: link({ tab }), 'aria-current': tab === state.tab ? 'page' : undefined }, t(key))),
    );
    const main = h('div', { class: 'explorer-main' });
    root.append(h('section', { class: 'page explorer' }, h('h1', {}, t('explorerTitle')), h('div', { class: 'explorer-layout' }, side, h('div', {}, tabs, main))));
    if (state.tab === 'variable') renderVariable(main, state.selected ? vars.get(state.selected) : undefined, vars);
    else if (state.tab === 'causes' || state.tab === 'uses') renderTreeTab(main, state.tab, vars);
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

  const renderTreeTab = (main: HTMLElement, dir: 'causes' | 'uses', vars: Map<string, VariableInfo>) => {
    const v = state.selected ? vars.get(state.selected) : undefined;
    if (!v) {
      main.append(h('p', { class: 'note' }, t('selectVariable')));
      return;
    }
    main.append(h('h2', {}, h('span', { class: 'model-name', translate: 'no' }, v.name), ' ', h('span', { class: 'kind-tag' }, t(`kind_${v.kind}` as MessageKey))));
    main.append(renderTree(app.facts!.graph, v.key, dir, (k) => h('a', { href: link({ selected: k, tab: dir }), class: 'model-name', translate: 'no' }, vars.get(k)?.name ?? k)));
  };

  const renderDiagram = (main: HTMLElement, vars: Map<string, VariableInfo>) => {
    const facts = app.facts!;
    const select = (k: string) => go(link({ selected: k, tab: 'diagram' }));
    const selectable = (k: string) => vars.has(k);
    const auto = facts.views.length === 0;
    const names = auto ? facts.groups.map((g) => g.name) : facts.views.map((v) => v.name);
    if (names.length === 0) {
      main.append(h('p', { class: 'note' }, t('selectVariable')));
      return;
    }
    // The view (or group) holding the selected variable, unless the reader picked one.
    const holding = auto
      ? facts.groups.findIndex((g) => !!state.selected && g.keys.includes(state.selected))
      : facts.views.findIndex((v) => v.nodes.some((n) => n.key === state.selected && !n.shadow));
    const idx = Math.min(names.length - 1, Math.max(0, state.view ?? holding));
    const pickId = uid('view');
    const picker =
      names.length > 1
        ? h(
            'p',
            {},
            h('label', { for: pickId }, `${t(auto ? 'diagramGroup' : 'view')} `),
            h(
              'select',
              {
                id: pickId,
                onchange: (e: Event) => {
                  state.view = Number((e.target as HTMLSelectElement).value);
                  render();
                },
              },
              names.map((n, i) => h('option', { value: i, selected: i === idx }, n)),
            ),
          )
        : '';
    if (facts.viewWarnings.length > 0) {
      const d = facts.viewWarnings[0]!;
      main.append(h('p', { class: 'note' }, t('diagramWarnings', { n: facts.viewWarnings.length, first: `${d.loc ? `${d.loc.file ?? ''}:${d.loc.line}: ` : ''}${d.message}` })));
    }
    if (!auto) {
      const view = facts.views[idx]!;
      main.append(picker, h('p', { class: 'note' }, t('diagramFromSketch', { view: view.name })), renderView(view, state.selected, selectable, select));
      return;
    }
    const group = facts.groups[idx]!;
    const note = h('p', { class: 'note', 'aria-live': 'polite' }, t('diagramLoading'));
    main.append(picker, note);
    app.layoutGroup(idx).then(
      (view) => {
        if (disposed || !note.isConnected) return;
        note.textContent = t('diagramAutoGroup', { group: group.name });
        main.append(renderView(view, state.selected, selectable, select));
      },
      (err: unknown) => {
        if (disposed || !note.isConnected) return;
        note.textContent = `${t('diagramFailed')}: ${(err as Error).message ?? String(err)}`;
      },
    );
  };

  const loopItem = (loop: FeedbackLoop, vars: Map<string, VariableInfo>, share: number | undefined) => {
    const polarity = t(loop.polarity === 'R' ? 'loopR' : loop.polarity === 'B' ? 'loopB' : 'loopU');
    const name = (k: string) => h('span', { class: 'model-name', translate: 'no' }, vars.get(k)?.name ?? k);
    const sign = (i: number) => {
      const p = loop.links[i]!.polarity;
      return h('span', { class: `sign sign-${p === '+' ? 'pos' : p === '-' ? 'neg' : 'unk'}`, 'aria-hidden': 'true' }, p === '+' ? ' +→ ' : p === '-' ? ' −→ ' : ' ?→ ');
    };
    return h(
      'li',
      { 'data-loop': loop.id, class: loop.id === state.loop ? 'selected' : undefined },
      h('span', { class: `loop-badge loop-${loop.polarity}`, title: polarity }, h('span', { 'aria-hidden': 'true' }, loop.polarity), h('span', { class: 'visually-hidden' }, `${polarity}: `)),
      ' ',
      h('a', { href: link({ tab: 'loops', loop: loop.id }), class: 'loop-id', 'aria-label': t('loopDraw', { id: loop.id }) }, loop.id),
      ' ',
      h(
        'span',
        { class: 'note' },
        `${loop.variables.length === 1 ? t('loopLengthOne') : t('loopLength', { n: loop.variables.length })} · `,
        h('a', { href: link({ tab: 'loops', family: loop.family + 1, loop: undefined }), class: 'loop-family' }, t('loopFamily', { n: loop.family + 1 })),
        `${share !== undefined ? ` · ${t('loopShare', { p: share > 0 && share < 0.0005 ? `< ${fmtShare(0.0005)}` : fmtShare(share) })}` : ''}${loop.variants > 1 ? ` · ${t('loopVariants', { n: loop.variants - 1 })}` : ''}`,
      ),
      h('br'),
      loop.variables.map((k, i) => [name(k), sign(i)]),
      name(loop.variables[0]!),
    );
  };

  const renderLoops = (main: HTMLElement, vars: Map<string, VariableInfo>) => {
    const facts = app.facts!;
    const report = facts.loopReport;
    if (report.loops.length === 0) {
      main.append(h('p', {}, t('noLoops')));
      return;
    }
    const dom = dominanceOf.get(facts);
    const shares = dom ? new Map(Object.entries(dom.shares)) : undefined;
    const counts = facts.loopCounts;
    const status = h('p', { class: 'note', 'aria-live': 'polite' }, dom ? t('dominanceDone', { n: dom.scored, m: dom.notScored }) : '');
    const button = h('button', { type: 'button', class: 'secondary', disabled: dom ? true : undefined }, t('dominanceCompute'));
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = t('dominanceRunning');
      app.loopDominance({ ...app.settings }).then(
        (d) => {
          dominanceOf.set(facts, d);
          if (!disposed) render();
        },
        (err: unknown) => {
          button.disabled = false;
          status.textContent = `${t('dominanceFailed')}: ${(err as Error).message ?? String(err)}`;
        },
      );
    });
    // The report lists loops by length; dominance gives the order by share.
    const byId = new Map(report.loops.map((l) => [l.id, l]));
    const all = dom ? dom.order.map((id) => byId.get(id)!).filter((l) => !!l) : report.loops;
    const family = state.family !== undefined ? report.families[state.family - 1] : undefined;
    const ranked = family ? all.filter((l) => l.family === state.family! - 1) : all;
    const familyNote = family
      ? h(
          'p',
          { class: 'family-note' },
          t('loopFamilyShown', { n: state.family!, k: family.loops.length, stocks: family.stocks.map((k) => vars.get(k)?.name ?? k).join(', ') || '—' }),
          ' ',
          h('a', { href: link({ tab: 'loops', family: undefined, loop: undefined }) }, t('loopsAll')),
        )
      : '';
    const chosen = state.loop ? report.loops.find((l) => l.id === state.loop) : undefined;
    main.append(
      h('p', { class: 'loops-summary' }, t('loopsSummary', { n: counts.loops, r: counts.R, b: counts.B, u: counts.U, f: counts.families })),
      report.truncated ? h('p', { class: 'note' }, t('loopsShortestPerLink', { limit: report.limit })) : '',
      h('p', {}, button, ' ', h('span', { class: 'note' }, t(shares ? 'loopsRankedShare' : 'loopsRankedLength'))),
      status,
      familyNote,
      dom && dom.periods.length > 0
        ? h('details', {}, h('summary', {}, t('dominantOverTime')), h('ul', {}, dom.periods.map((p) => h('li', {}, `${p.from}–${p.to}: `, h('a', { href: link({ tab: 'loops', loop: p.listed }) }, p.loop)))))
        : '',
      h('div', { class: 'loops-layout' }, h('ol', { class: 'loops' }, ranked.map((l) => loopItem(l, vars, shares?.get(l.id)))), chosen ? renderLoopDiagram(chosen, facts.graph) : ''),
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
