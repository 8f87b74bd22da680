/**
 * The policy library: every policy the ministry evaluates with the model (from the model's
 * policies/*.json, es/en), its legal or programme source, the SDG targets it serves, the levers that
 * represent it with their meaning and unit, its assumptions, and a button that runs its ready-made
 * scenario. Below, every ready-made scenario of the model, each runnable.
 */
import type { AppState } from '../app-state.js';
import { api, type LibraryScenario, type Policy, type PolicyLibrary } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { errorText } from '../error-text.js';
import { currentLang, t } from '../i18n.js';

const key = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\s*([[\],])\s*/g, '$1').trim();

export function mountLibrary(root: HTMLElement, app: AppState, go: (route: string) => void): () => void {
  let token = 0;
  const render = async () => {
    const mine = ++token;
    clear(root);
    const page = h('section', { class: 'page library' }, h('h1', {}, t('libraryTitle')), h('p', {}, t('libraryIntro')));
    root.append(page);
    let lib: PolicyLibrary;
    let scenarios: LibraryScenario[];
    try {
      [lib, { scenarios }] = await Promise.all([api.policies(app.modelId), api.library(app.modelId)]);
    } catch (e) {
      page.append(h('div', { class: 'error-box', role: 'alert' }, errorText(e)));
      return;
    }
    if (mine !== token) return;
    const lang = currentLang();
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    const title = (s: LibraryScenario) => lib.scenarioTitles[s.id]?.[lang] ?? s.title;
    const leverByKey = new Map(app.levers.map((l) => [key(l.name), l]));

    /** Applies a ready-made scenario's settings (names matched as Vensim matches them) and opens the simulator. */
    const run = (s: LibraryScenario) => {
      const settings: Record<string, number> = {};
      for (const [name, v] of Object.entries(s.levers)) settings[leverByKey.get(key(name))?.name ?? name] = v;
      app.applySettings(settings);
      announce(t('scenarioLoaded', { name: title(s) }));
      go('#/simulator');
    };

    if (lib.policies.length === 0) page.append(h('p', { class: 'note' }, t('libraryEmpty')));
    const toc = h('nav', { 'aria-label': t('libraryContents') }, h('ol', { class: 'library-toc' }, lib.policies.map((p) => h('li', {}, h('a', { href: `#/library`, onclick: (e: Event) => (e.preventDefault(), document.getElementById(`policy-${p.id}`)?.scrollIntoView()) }, p.title[lang])))));
    if (lib.policies.length > 0) page.append(toc);
    for (const p of lib.policies) page.append(policyCard(p, byId.get(p.scenario), run, title, (n) => leverByKey.get(key(n))));

    page.append(
      h('h2', { id: 'ready-scenarios' }, t('readyScenarios')),
      h(
        'ul',
        { class: 'plain ready-scenarios' },
        scenarios.map((s) =>
          h('li', { 'data-library-scenario': s.id }, h('button', { type: 'button', class: 'secondary', onclick: () => run(s) }, t('runScenario', { name: title(s) }))),
        ),
      ),
    );
  };

  function policyCard(
    p: Policy,
    scenario: LibraryScenario | undefined,
    run: (s: LibraryScenario) => void,
    title: (s: LibraryScenario) => string,
    leverOf: (name: string) => AppState['levers'][number] | undefined,
  ): HTMLElement {
    const lang = currentLang();
    const headingId = `policy-${p.id}-title`;
    const valueIn = (name: string): string => {
      if (!scenario) return '—';
      const entry = Object.entries(scenario.levers).filter(([k]) => key(k) === key(name) || key(k).startsWith(key(name) + '['));
      if (entry.length === 0) return t('leverNotInScenario');
      const labels = p.levers.find((l) => l.name === name)?.valueLabels;
      return entry
        .map(([k, v]) => {
          const named = labels?.[String(v)]?.[lang];
          const lever = leverOf(k);
          const shown = named ?? (lever ? `${app.formatValue(k, v)}${lever.units && !app.isPercent(k) ? ' ' + lever.units : ''}` : app.formatValue(k, v));
          return k.includes('[') ? `${app.labels.variable(k, lang)?.replace(/^.*\(/, '').replace(/\)$/, '') ?? k}: ${shown}` : shown;
        })
        .join('; ');
    };
    return h(
      'article',
      { class: 'policy', id: `policy-${p.id}`, 'aria-labelledby': headingId, 'data-policy': p.id },
      h('h2', { id: headingId }, p.title[lang]),
      h('p', { class: 'note' }, p.family[lang]),
      h('p', {}, p.summary[lang]),
      p.regions?.length ? h('p', {}, h('strong', {}, `${t('regions')}: `), p.regions.map((r) => r.name[lang]).join(', ')) : null,
      h(
        'dl',
        { class: 'policy-facts' },
        h('dt', {}, t('legalSource')),
        h('dd', {}, h('ul', { class: 'plain' }, p.sources.map((s) => h('li', {}, s.citation, s.note ? ` — ${s.note[lang]}` : '', s.verified === false ? h('span', { class: 'note' }, ` (${t('citationToVerify')})`) : null)))),
        h('dt', {}, t('sdgTargets')),
        h('dd', {}, p.sdg.length ? p.sdg.map((g) => `${t('sdg')} ${g}`).join(', ') : '—'),
        h('dt', {}, t('assumptions')),
        h('dd', {}, p.assumptions.length ? h('ul', { class: 'plain' }, p.assumptions.map((a) => h('li', {}, a.text[lang], h('span', { class: 'note' }, ` (${t('source')}: ${a.source})`)))) : '—'),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'policy-levers' },
          h('caption', {}, t('policyLevers')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('lever')), h('th', { scope: 'col' }, t('meaning')), h('th', { scope: 'col' }, t('units')), h('th', { scope: 'col' }, t('inScenario')))),
          h(
            'tbody',
            {},
            p.levers.map((l) => {
              const lever = leverOf(l.name) ?? app.levers.find((x) => key(x.name).startsWith(key(l.name) + '['));
              return h(
                'tr',
                { 'data-lever-name': l.name },
                h('th', { scope: 'row' }, lever ? lever.label.replace(/\s*\([^)]*\)$/, lever.name.includes('[') ? '' : '$&') : h('span', { class: 'warning' }, t('leverMissing'))),
                h('td', {}, l.meaning[lang]),
                h('td', {}, lever ? (app.isPercent(lever.name) ? '%' : lever.units || '—') : '—'),
                h('td', { class: 'num' }, valueIn(l.name)),
              );
            }),
          ),
        ),
      ),
      scenario
        ? h('p', {}, h('button', { type: 'button', class: 'primary', 'data-run-policy': p.id, onclick: () => run(scenario) }, t('runPolicy')), h('span', { class: 'note' }, ` ${t('scenarioFile', { name: title(scenario) })}`))
        : h('p', { class: 'warning' }, t('scenarioMissing', { name: p.scenario })),
    );
  }

  void render();
  const off = app.on('model', () => void render());
  return () => {
    token++;
    off();
  };
}
