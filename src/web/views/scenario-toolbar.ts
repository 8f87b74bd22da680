/** Above the charts: the scenario's name, save, share link, exports and which saved scenarios to overlay. */
import { errorText } from '../error-text.js';
import type { AppState } from '../app-state.js';
import { MAX_OVERLAYS } from '../app-state.js';
import { announce, h, uid } from '../dom.js';
import { fmt, fmtDate, localized, t, currentLang } from '../i18n.js';
import { shareUrl } from '../share-link.js';
import { download, fileStem, toCsv } from '../export/csv.js';
import { at, basisNote, statusesOf, statusText, unitsOf } from './dashboard.js';
import type { Indicator } from '../indicators.js';
import { hasResults, headlineSheet, headlineTable, RESULTS_YEAR, scenarioResults, sectorSheet, type ScenarioResults } from '../results/results-rows.js';

/**
 * The IO and CGE results of the exported scenarios, when the model has them: the same server calls
 * the result tabs make. A failure (e.g. the CGE busy) does not stop the export; it says why instead.
 */
async function exportedResults(app: AppState, params: Record<string, number>[]): Promise<{ answers: ScenarioResults[] } | { error: string } | undefined> {
  const families = app.bundle?.results;
  if (!hasResults(families)) return undefined;
  try {
    const answers: ScenarioResults[] = [];
    for (const p of params) answers.push(await scenarioResults(app.modelId, families, p, RESULTS_YEAR));
    return { answers };
  } catch (e) {
    return { error: `${t('resultsFailed')}: ${errorText(e)}` };
  }
}

const asText = (rows: (string | number | null)[][]) => rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : (c ?? '—'))));

type ChartImages = () => { name: string; png: string | undefined }[];

/** A modal form asking for a scenario's name and description. */
export function askScenarioName(
  initial: { name: string; description: string },
  onSave: (name: string, description: string) => Promise<void>,
  title: string = t('saveScenario'),
): void {
  const nameId = uid('sc-name');
  const descId = uid('sc-desc');
  const name = h('input', { id: nameId, required: true, maxlength: 200, value: initial.name, autocomplete: 'off' });
  const desc = h('textarea', { id: descId, rows: 3, maxlength: 5000 }, initial.description);
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': `${nameId}-title` },
    h(
      'form',
      {
        method: 'dialog',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!name.value.trim()) return;
          try {
            await onSave(name.value.trim(), desc.value);
            dialog.close();
          } catch (err) {
            announce(`${t('errorPrefix')}: ${errorText(err)}`, 'error');
          }
        },
      },
      h('h2', { id: `${nameId}-title` }, title),
      h('label', { for: nameId }, t('scenarioName')),
      name,
      h('label', { for: descId }, t('scenarioDescription')),
      desc,
      h('div', { class: 'dialog-buttons' }, h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('cancel')), h('button', { type: 'submit' }, t('save'))),
    ),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  name.focus();
}

export async function exportCsv(app: AppState): Promise<void> {
  const r = await app.runWith({ ...app.settings });
  download(`${fileStem(app.activeScenario?.name ?? app.modelId)}.csv`, toCsv(r.time, r.names, r.series), 'text/csv');
}

export async function exportXlsx(app: AppState): Promise<void> {
  const { buildWorkbook } = await import('../export/xlsx.js');
  const cur = await app.runWith({ ...app.settings });
  const base = await app.runWith({});
  const scenarios = [
    { name: app.activeScenario?.name ?? t('current'), ...cur },
    { name: t('bau'), ...base },
  ];
  for (const id of app.overlay) {
    const s = app.scenarios.find((x) => x.id === id);
    if (s) scenarios.push({ name: s.name, ...(await app.runWith(s.params)) });
  }
  const levers = app.levers.map((l) => [l.name, app.value(l.name), l.defaultValue, l.units] as [string, number, number, string]);
  // The same scenarios through the IO table and the CGE: a sheet side by side, and jobs by sector of the current one.
  const params = [{ ...app.settings }, {}, ...app.overlay.flatMap((id) => app.scenarios.filter((x) => x.id === id).map((x) => x.params))];
  const results = await exportedResults(app, params);
  const extra =
    results === undefined
      ? []
      : 'error' in results
        ? [{ name: t('sheetResults'), rows: [[results.error]] }]
        : [
            { name: t('sheetResults'), rows: headlineSheet(scenarios.map((x) => x.name), results.answers, RESULTS_YEAR) },
            ...(results.answers[0]!.jobs ? [{ name: t('sheetJobs'), rows: sectorSheet(results.answers[0]!.jobs) }] : []),
          ];
  download(`${fileStem(app.activeScenario?.name ?? app.modelId)}.xlsx`, buildWorkbook(levers, scenarios, extra) as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

export async function exportPdf(app: AppState, images: ChartImages): Promise<void> {
  const { buildReport } = await import('../export/pdf.js');
  const name = app.activeScenario?.name ?? t('unsaved');
  const results = await exportedResults(app, [{}, { ...app.settings }]);
  const tables: NonNullable<Parameters<typeof buildReport>[0]['tables']> = [];
  if (results && 'error' in results) tables.push({ title: t('compareResults', { year: RESULTS_YEAR }), header: [t('indicator')], rows: [[results.error]] });
  else if (results) {
    tables.push({ title: t('compareResults', { year: RESULTS_YEAR }), note: t('compareResultsHelp'), ...headlineTable([t('bau'), name], results.answers) });
    const jobs = results.answers[1]!.jobs;
    if (jobs) {
      const [[title], header, ...rows] = asText(sectorSheet(jobs));
      tables.push({ title: `${title!}: ${name}`, header: header!, rows });
    }
  }
  const pdf = buildReport({
    title: `${t('reportTitle')}: ${name}`,
    subtitle: `${t('model')}: ${app.bundle?.name ?? app.modelId}${app.activeScenario?.description ? ' — ' + app.activeScenario.description : ''}`,
    generated: t('reportGenerated', { date: fmtDate(new Date().toISOString()) }),
    leversTitle: t('reportLevers'),
    levers: Object.entries(app.settings).map(([k, v]) => {
      const l = app.lever(k);
      return [l?.label ?? k, `${fmt(v)} ${l?.units ?? ''} (${t('defaultValue', { value: fmt(l?.defaultValue) })})`];
    }),
    noChanges: t('reportNoChanges'),
    indicatorsTitle: t('reportIndicators'),
    indicatorHeader: [t('indicator'), `2030 ${t('bau')}`, `2030 ${t('current')}`, `2050 ${t('bau')}`, `2050 ${t('current')}`, t('target'), t('status')],
    indicatorRows: app.indicators.map((i) => [
      `${localized(i.label) || app.displayName(i.name)} (${unitsOf(app, i.name)})${i.sdg ? ` [${t('sdg')} ${i.sdg}]` : ''}`,
      app.formatValue(i.name, at(app.baseline, i.name, 2030)),
      app.formatValue(i.name, at(app.current, i.name, 2030)),
      app.formatValue(i.name, at(app.baseline, i.name, 2050)),
      app.formatValue(i.name, at(app.current, i.name, 2050)),
      i.targets.map((tg) => t(tg.direction === 'max' ? 'atMost' : 'atLeast', { value: app.formatValue(i.name, tg.value), year: tg.year })).join('; ') || t('noTarget'),
      statusCell(app, i),
    ]),
    indicatorsNote: app.indicators.some((i) => i.targets.length > 0) ? basisNote(app) : undefined,
    tables,
    charts: images()
      .filter((c) => c.png)
      .map((c) => ({ title: `${app.displayName(c.name)}: ${t('chartKey', { name })}`, png: c.png!, width: 16, height: 5 })),
  });
  download(`${fileStem(name)}-${currentLang()}.pdf`, pdf, 'application/pdf');
}

/** The report's status column: the dashboard's statuses as plain words. */
function statusCell(app: AppState, i: Indicator): string {
  const { statuses, centralTag } = statusesOf(app, i);
  return statuses.map((s) => statusText(s, centralTag, false)).join('; ') || '-';
}

function guarded(f: () => Promise<void>): () => void {
  return () => {
    f().catch((e: unknown) => announce(`${t('errorPrefix')}: ${errorText(e)}`, 'error'));
  };
}

export function scenarioToolbar(app: AppState, images: ChartImages): HTMLElement {
  const changed = Object.keys(app.settings).length;
  const active = app.activeScenario;
  const modified = active && JSON.stringify(sorted(active.params)) !== JSON.stringify(sorted(app.settings));
  const shareBox = h('input', { class: 'share-url', readonly: true, 'aria-label': t('shareLink'), hidden: true });
  const title = h(
    'div',
    { class: 'scenario-title' },
    h('h2', { class: 'scenario-name', title: active?.description || undefined }, active ? active.name : t('unsaved'), modified ? ' *' : ''),
    active?.description ? h('span', { class: 'note scenario-description' }, active.description) : null,
    h('span', { class: 'note' }, `${t('changedLevers')}: ${changed}`),
    app.facts && app.current
      ? h('span', { class: 'note timing' }, `${t('compileTime', { ms: Math.round(app.facts.compileMs) })} · ${t('runTime', { ms: app.current.ms.toFixed(1) })}`)
      : null,
  );
  const save = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        askScenarioName({ name: active && !modified ? `${active.name} 2` : (active?.name ?? ''), description: active?.description ?? '' }, async (n, d) => {
          const s = await app.saveScenario(n, d);
          announce(t('saved', { name: s.name }));
        }),
    },
    t('saveScenario'),
  );
  const update = active && modified ? h('button', { type: 'button', class: 'secondary', onclick: guarded(async () => void (await app.updateActiveScenario()) ) }, t('update')) : null;
  const share = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: async () => {
        const url = shareUrl(location.href, { model: app.modelId, params: app.settings });
        shareBox.value = url;
        shareBox.hidden = false;
        shareBox.select();
        try {
          await navigator.clipboard.writeText(url);
          announce(t('linkCopied'));
        } catch {
          announce(t('linkShown'));
        }
      },
    },
    t('shareLink'),
  );
  const exports = h(
    'div',
    { class: 'export-group', role: 'group', 'aria-label': t('export') },
    h('span', { class: 'note' }, `${t('export')}:`),
    h('button', { type: 'button', class: 'secondary', onclick: guarded(() => exportCsv(app)) }, t('exportCsv')),
    h('button', { type: 'button', class: 'secondary', onclick: guarded(() => exportXlsx(app)) }, t('exportXlsx')),
    h('button', { type: 'button', class: 'secondary', onclick: guarded(() => exportPdf(app, images)) }, t('exportPdf')),
  );
  const overlay =
    app.scenarios.length === 0
      ? null
      : h(
          'fieldset',
          { class: 'overlay' },
          h('legend', {}, `${t('overlay')} (≤ ${MAX_OVERLAYS})`),
          app.scenarios.map((s) => {
            const id = uid('ov');
            const on = app.overlay.includes(s.id);
            const box = h('input', {
              type: 'checkbox',
              id,
              checked: on,
              disabled: !on && app.overlay.length >= MAX_OVERLAYS,
              onchange: () => {
                if (!app.toggleOverlay(s.id, box.checked)) {
                  box.checked = false;
                  announce(t('overlayLimit'), 'error');
                }
              },
            });
            return h('span', { class: 'check' }, box, h('label', { for: id }, s.name));
          }),
        );
  const bandsId = uid('bands');
  const bands = app.bandsAvailable
    ? h(
        'span',
        { class: 'check' },
        h('input', { type: 'checkbox', id: bandsId, checked: app.bandsOn, onchange: (e: Event) => app.setBands((e.target as HTMLInputElement).checked) }),
        h('label', { for: bandsId }, t('bandsToggle', { runs: app.bundle!.uncertainty!.runs })),
      )
    : null;
  return h('div', { class: 'toolbar' }, title, h('div', { class: 'toolbar-buttons' }, save, update, share, exports), bands, shareBox, overlay);
}

function sorted(o: Record<string, number>): [string, number][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
