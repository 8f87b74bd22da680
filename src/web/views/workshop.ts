/**
 * Workshop lessons: the list of the model's lessons (start a workshop as facilitator, or join one
 * with its code), the participant's view (steps with text, question, the lever to move and the chart
 * to watch, then a scenario submitted with a justification), and the facilitator's view (every
 * submission side by side: indicator table, the IO and CGE results when the model has them, and
 * overlaid chart; one can be shown to the room).
 */
import type { AppState } from '../app-state.js';
import { api, type Lesson, type LessonStep, type WorkshopInfo, type WorkshopSubmission } from '../api.js';
import { announce, clear, h, uid } from '../dom.js';
import { errorText } from '../error-text.js';
import { currentLang, t } from '../i18n.js';
import { valueAt } from '../indicators.js';
import { leverControl } from '../ui/lever-control.js';
import { COLORS, LineChart, type ChartLine } from '../ui/line-chart.js';
import { seriesOf } from './dashboard.js';
import { compareResults } from '../results/compare-results.js';
import { hasResults, RESULTS_YEAR } from '../results/results-rows.js';

const key = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').trim();
const POLL_MS = 2000;

/** Step text: paragraphs, `- ` lists and **bold**, built as elements (never as HTML). */
function renderText(text: string): HTMLElement[] {
  const inline = (s: string) => s.split(/(\*\*[^*]+\*\*)/).map((p) => (p.startsWith('**') && p.endsWith('**') ? h('strong', {}, p.slice(2, -2)) : p));
  return text
    .split(/\n\s*\n/)
    .filter((b) => b.trim())
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => /^\s*-\s/.test(l))) return h('ul', {}, lines.map((l) => h('li', {}, inline(l.replace(/^\s*-\s/, '')))));
      return h('p', {}, inline(lines.join(' ')));
    });
}

export function mountWorkshop(root: HTMLElement, app: AppState, query: URLSearchParams, go: (route: string) => void): () => void {
  const cleanups: (() => void)[] = [];
  let alive = true;
  const code = query.get('code')?.toUpperCase();
  const role = query.get('role') === 'facilitator' ? 'facilitator' : 'participant';
  const fail = (e: unknown) => announce(`${t('errorPrefix')}: ${errorText(e)}`, 'error');

  const lessons = async (): Promise<Lesson[]> => (await api.lessons(app.modelId, currentLang())).lessons;
  const outputName = (name: string | undefined) => (name ? app.facts?.outputNames.find((n) => key(n) === key(name)) : undefined);

  const renderList = async () => {
    clear(root);
    const page = h('section', { class: 'page lessons' }, h('h1', {}, t('lessonsTitle')), h('p', {}, t('lessonsIntro')));
    root.append(page);
    const codeId = uid('code');
    const nameId = uid('name');
    const codeIn = h('input', { id: codeId, required: true, maxlength: 6, autocomplete: 'off', class: 'code-input' });
    const nameIn = h('input', { id: nameId, required: true, maxlength: 100, autocomplete: 'name' });
    page.append(
      h(
        'form',
        {
          class: 'join-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            sessionStorage.setItem(`igem.workshop.name.${codeIn.value.toUpperCase()}`, nameIn.value.trim());
            go(`#/lessons?code=${encodeURIComponent(codeIn.value.trim().toUpperCase())}`);
          },
        },
        h('h2', {}, t('joinWorkshop')),
        h('label', { for: codeId }, t('workshopCode')),
        codeIn,
        h('label', { for: nameId }, t('yourName')),
        nameIn,
        h('button', { type: 'submit' }, t('join')),
      ),
    );
    let list: Lesson[];
    try {
      list = await lessons();
    } catch (e) {
      fail(e);
      return;
    }
    if (!alive) return;
    page.append(h('h2', {}, t('lessonsAvailable')));
    if (list.length === 0) page.append(h('p', { class: 'note' }, t('noLessons')));
    page.append(
      h(
        'ul',
        { class: 'plain lesson-list' },
        list.map((l) =>
          h(
            'li',
            { 'data-lesson': l.id },
            h('h3', {}, l.title),
            l.intro ? renderText(l.intro) : null,
            h('p', { class: 'note' }, t('lessonSteps', { n: l.steps.length })),
            h(
              'button',
              {
                type: 'button',
                'data-start-lesson': l.id,
                onclick: async () => {
                  try {
                    const w = await api.createWorkshop(app.modelId, l.id);
                    sessionStorage.setItem(`igem.workshop.token.${w.code}`, w.facilitatorToken);
                    go(`#/lessons?code=${w.code}&role=facilitator`);
                  } catch (e) {
                    fail(e);
                  }
                },
              },
              t('startWorkshop'),
            ),
          ),
        ),
      ),
    );
  };

  /** A chart of one variable: business as usual and the given lines. */
  const chartOf = (host: HTMLElement, name: string, lines: () => ChartLine[]) => {
    const chart = new LineChart(host, { percent: app.isPercent(name), height: 170 });
    const draw = () => {
      const ref = app.current ?? app.baseline;
      const b = seriesOf(app.baseline, name);
      if (!ref || !b) return;
      chart.update(ref.time, [{ label: t('bau'), values: b, color: COLORS.baseline, dash: [6, 4], width: 2 }, ...lines()]);
    };
    draw();
    cleanups.push(app.on('current', draw), app.on('baseline', draw), () => chart.destroy());
    return draw;
  };

  const stepView = (s: LessonStep, i: number) => {
    const chartName = outputName(s.chart);
    const lever = s.lever ? app.levers.find((l) => key(l.name) === key(s.lever!)) : undefined;
    const plot = h('div', { class: 'plot' });
    const el = h(
      'article',
      { class: 'lesson-step', 'data-step': i + 1 },
      h('h2', {}, s.title),
      s.question ? h('p', { class: 'question' }, h('strong', {}, `${t('question')}: `), s.question) : null,
      renderText(s.text),
      lever ? leverControl(lever, app.value(lever.name), (v) => app.setLever(lever.name, v)).el : null,
      chartName ? h('figure', { class: 'chart-card' }, h('figcaption', {}, h('span', { class: 'chart-title' }, app.displayName(chartName))), plot) : null,
    );
    if (chartName) queueMicrotask(() => chartOf(plot, chartName, () => {
      const c = seriesOf(app.current, chartName);
      return c ? [{ label: t('current'), values: c, color: COLORS.current, width: 2.5 }] : [];
    }));
    return el;
  };

  const roomBanner = h('div', { class: 'room-banner', role: 'status', 'aria-live': 'polite' });
  const showRoom = (w: WorkshopInfo) => {
    clear(roomBanner);
    const s = w.shownSubmission;
    if (!s) return;
    roomBanner.append(
      h('h2', {}, t('shownToRoom', { name: s.participant })),
      h('p', {}, s.justification),
      h('ul', { class: 'plain' }, Object.entries(s.params).map(([k, v]) => h('li', {}, `${app.lever(k)?.label ?? app.displayName(k)} = ${app.formatValue(k, v)}`))),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.applySettings(s.params) }, t('tryShown')),
    );
  };

  const renderSession = async () => {
    if (!code) return;
    clear(root);
    const page = h('section', { class: `page workshop ${role}` });
    root.append(page);
    let w: WorkshopInfo;
    let lesson: Lesson | undefined;
    try {
      w = await api.workshop(code);
      if (w.modelId !== app.modelId) {
        go(`#/simulator?model=${encodeURIComponent(w.modelId)}`);
        return;
      }
      lesson = (await lessons()).find((l) => l.id === w.lessonId);
    } catch (e) {
      page.append(h('div', { class: 'error-box', role: 'alert' }, errorText(e)));
      return;
    }
    if (!alive || !lesson) return;
    page.append(h('h1', {}, lesson.title), h('p', {}, t('workshopCode'), ': ', h('span', { class: 'session-code', 'data-code': code }, code)), roomBanner);
    showRoom(w);
    const timer = setInterval(async () => {
      try {
        const next = await api.workshop(code);
        if (next.shown !== w.shown) showRoom(next);
        w = next;
        if (role === 'facilitator') await refreshSubmissions();
      } catch {
        // A missed poll is retried at the next tick.
      }
    }, POLL_MS);
    cleanups.push(() => clearInterval(timer));

    const charts = [...new Set(lesson.steps.map((s) => outputName(s.chart)).filter((n): n is string => !!n))];
    let refreshSubmissions = async () => {};
    if (role === 'participant') {
      if (lesson.intro) page.append(...renderText(lesson.intro));
      lesson.steps.forEach((s, i) => page.append(stepView(s, i)));
      const nameStored = sessionStorage.getItem(`igem.workshop.name.${code}`) ?? '';
      const justId = uid('just');
      const nameId = uid('pname');
      const nameIn = h('input', { id: nameId, required: true, maxlength: 100, value: nameStored });
      const just = h('textarea', { id: justId, required: true, maxlength: 2000, rows: 3 });
      page.append(
        h(
          'form',
          {
            class: 'submit-form',
            onsubmit: async (e: Event) => {
              e.preventDefault();
              try {
                await api.submitToWorkshop(code, { participant: nameIn.value.trim(), justification: just.value.trim(), params: { ...app.settings } });
                announce(t('submitted'));
              } catch (err) {
                fail(err);
              }
            },
          },
          h('h2', {}, t('submitScenario')),
          h('label', { for: nameId }, t('yourName')),
          nameIn,
          h('label', { for: justId }, t('justification')),
          just,
          h('button', { type: 'submit' }, t('submit')),
        ),
      );
    } else {
      const token = sessionStorage.getItem(`igem.workshop.token.${code}`) ?? '';
      const tableHost = h('div', { class: 'table-wrap' });
      const plot = h('div', { class: 'plot' });
      const focus = charts[0];
      // The submissions' green jobs (IO) and prices and welfare (CGE), from the server as in the result tabs.
      const resultsHost = h('div', { class: 'submission-results' });
      const families = app.bundle?.results;
      let results: { destroy(): void } | undefined;
      cleanups.push(() => results?.destroy());
      page.append(h('p', {}, t('facilitatorHelp')), h('h2', {}, t('submissions')), tableHost, resultsHost);
      if (focus) page.append(h('figure', { class: 'chart-card' }, h('figcaption', {}, h('span', { class: 'chart-title' }, app.displayName(focus))), plot));
      let subs: WorkshopSubmission[] = [];
      const runs = new Map<string, Awaited<ReturnType<AppState['runWith']>>>();
      const redraw = focus
        ? chartOf(plot, focus, () =>
            subs.flatMap((s, i) => {
              const v = seriesOf(runs.get(s.id), focus);
              return v ? [{ label: s.participant, values: v, color: COLORS.overlays[i % COLORS.overlays.length]!, width: 2 }] : [];
            }),
          )
        : () => {};
      const year = 2030;
      refreshSubmissions = async () => {
        const next = (await api.workshopSubmissions(code, token)).submissions;
        if (!alive || next.length === subs.length) return;
        subs = next;
        for (const s of subs) if (!runs.has(s.id)) runs.set(s.id, await app.runWith(s.params, charts));
        clear(tableHost);
        tableHost.append(
          h(
            'table',
            { class: 'submissions' },
            h('caption', { class: 'visually-hidden' }, t('submissions')),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('participant')), h('th', { scope: 'col' }, t('justification')), charts.map((c) => h('th', { scope: 'col' }, `${app.displayName(c)} ${year}`)), h('th', { scope: 'col' }, t('actions')))),
            h(
              'tbody',
              {},
              subs.map((s) => {
                const r = runs.get(s.id);
                return h(
                  'tr',
                  { 'data-submission': s.participant },
                  h('th', { scope: 'row' }, s.participant),
                  h('td', {}, s.justification),
                  charts.map((c) => {
                    const v = seriesOf(r, c);
                    return h('td', { class: 'num' }, r && v ? app.formatValue(c, valueAt(r.time, v, year)) : '—');
                  }),
                  h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => api.showInWorkshop(code, token, s.id).then(showRoom, fail) }, t('showToRoom'))),
                );
              }),
            ),
          ),
        );
        if (hasResults(families)) {
          results?.destroy();
          const table = compareResults(app.modelId, families, subs.map((s) => ({ name: s.participant, params: s.params })), t('submissionResults', { year: RESULTS_YEAR }));
          results = table;
          clear(resultsHost);
          resultsHost.append(table.el);
        }
        redraw();
      };
      try {
        await refreshSubmissions();
      } catch (e) {
        fail(e);
      }
    }
  };

  if (code) void renderSession();
  else void renderList();
  return () => {
    alive = false;
    cleanups.forEach((f) => f());
  };
}
