/** The web app: header (navigation, model, language), hash routes, and the view of each route. */
import './styles.css';
import { AppState } from './app-state.js';
import { clear, h } from './dom.js';
import { currentLang, setLang, t, type Lang } from './i18n.js';
import { decodeShared, encodeShared } from './share-link.js';
import { storedSettings } from './settings-store.js';
import { mountCalibration } from './views/calibration.js';
import { mountCompare } from './views/compare.js';
import { mountExplorer } from './views/explorer.js';
import { mountLibrary } from './views/library.js';
import { mountWorkshop } from './views/workshop.js';
import { mountScenarios } from './views/scenarios.js';
import { mountSimulator } from './views/simulator.js';
import { mountUpload } from './views/upload.js';
import { announce } from './dom.js';
import { errorText, loadFailureParts } from './error-text.js';
import { ensureSignedIn } from './auth.js';

const app = new AppState();
const header = document.getElementById('header')!;
const main = document.getElementById('main')!;
let unmount: (() => void) | undefined;
let currentView = '';

const ROUTES: { path: string; label: () => string }[] = [
  { path: 'simulator', label: () => t('navSimulator') },
  { path: 'library', label: () => t('navLibrary') },
  { path: 'lessons', label: () => t('navLessons') },
  { path: 'scenarios', label: () => t('navScenarios') },
  { path: 'compare', label: () => t('navCompare') },
  { path: 'explorer', label: () => t('navExplorer') },
  { path: 'calibration', label: () => t('navCalibration') },
  { path: 'upload', label: () => t('navUpload') },
];

function go(route: string): void {
  if (location.hash === route) void handleRoute();
  else location.hash = route;
}

function parseHash(): { view: string; query: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, q] = raw.split('?', 2) as [string, string | undefined];
  const view = ROUTES.some((r) => r.path === path) ? path : 'simulator';
  return { view, query: new URLSearchParams(q ?? '') };
}

function renderHeader(): void {
  clear(header);
  const { view } = parseHash();
  const select = h(
    'select',
    { id: 'model-select', onchange: () => go(`#/simulator?model=${encodeURIComponent(select.value)}`) },
    app.models.map((m) => h('option', { value: m.id, selected: m.id === app.modelId }, m.source === 'builtin' ? `${m.name} (${t('builtin')})` : m.name)),
  );
  const langButton = (l: Lang, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        lang: l,
        'aria-pressed': String(currentLang() === l),
        onclick: () => switchLang(l),
      },
      label,
    );
  header.append(
    h('a', { class: 'skip', href: '#main', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, t('skipToContent')),
    h('div', { class: 'brand' }, h('span', { class: 'brand-name' }, t('appTitle')), h('span', { class: 'brand-sub' }, t('appSubtitle'))),
    h(
      'nav',
      { class: 'main-nav', 'aria-label': 'IGEM' },
      h(
        'ul',
        {},
        ROUTES.map((r) => h('li', {}, h('a', { href: `#/${r.path}`, 'aria-current': r.path === view ? 'page' : undefined }, r.label()))),
      ),
    ),
    h('div', { class: 'header-controls' }, h('label', { for: 'model-select', class: 'visually-hidden' }, t('model')), select, h('div', { class: 'lang-switch', role: 'group', 'aria-label': t('language') }, langButton('en', 'EN'), langButton('es', 'ES'))),
  );
}

function switchLang(l: Lang): void {
  setLang(l);
  localStorage.setItem('igem.lang', l);
  document.documentElement.lang = l;
  document.title = t('appTitle');
  app.rebuildLevers();
  renderHeader();
  mountView(true);
}

function renderStatus(): boolean {
  if (app.loading) {
    clear(main);
    main.append(h('p', { class: 'loading', role: 'status' }, t('loadingModel')));
    return true;
  }
  if (app.loadError && !app.facts) {
    clear(main);
    const { text, diagnostics } = loadFailureParts(app.loadError);
    main.append(
      h(
        'div',
        { class: 'error-box page', role: 'alert' },
        h('h1', {}, t('modelFailed')),
        text ? h('pre', {}, text) : null,
        diagnostics.length ? h('ul', {}, diagnostics.map((line) => h('li', {}, line))) : null,
      ),
    );
    return true;
  }
  return false;
}

function mountView(force = false): void {
  const { view, query } = parseHash();
  if (!force && view === currentView && unmount && view !== 'explorer' && view !== 'lessons') return;
  unmount?.();
  unmount = undefined;
  currentView = view;
  if (view !== 'upload' && renderStatus()) return;
  clear(main);
  if (view === 'simulator') unmount = mountSimulator(main, app);
  else if (view === 'library') unmount = mountLibrary(main, app, go);
  else if (view === 'lessons') unmount = mountWorkshop(main, app, query, go);
  else if (view === 'scenarios') unmount = mountScenarios(main, app, go);
  else if (view === 'compare') unmount = mountCompare(main, app);
  else if (view === 'explorer') unmount = mountExplorer(main, app, query, go);
  else if (view === 'calibration') unmount = mountCalibration(main, app);
  else unmount = mountUpload(main, app, go);
}

/**
 * After the reader follows a link, move focus to the new page's heading (or, in the explorer, to
 * the variable just opened) so keyboard and screen-reader users start where the content changed.
 */
function focusHeading(viewChanged: boolean): void {
  const target = (!viewChanged && main.querySelector<HTMLElement>('.variable h2')) || (viewChanged ? main.querySelector<HTMLElement>('h1') : null);
  if (!target) return;
  target.tabIndex = -1;
  target.focus({ preventScroll: false });
}

async function handleRoute(fromLink = false): Promise<void> {
  const before = currentView;
  const { view, query } = parseHash();
  renderHeader();
  let shared;
  try {
    shared = decodeShared(query.toString());
  } catch (e) {
    announce(errorText({ message: (e as Error).message, code: 'LINK_DAMAGED' }), 'error');
    shared = { params: {} };
  }
  const wanted = shared.model && app.models.some((m) => m.id === shared.model) ? shared.model : app.modelId || app.defaultId;
  if (wanted !== app.modelId) {
    currentView = '';
    // A link's settings win; without them, the settings this browser kept for the model.
    const opening = app.openModel(wanted, query.has('p') ? shared.params : storedSettings(wanted));
    mountView(true);
    await opening;
  } else if (view === 'simulator' && query.has('p')) {
    app.applySettings(shared.params);
  }
  mountView();
  syncAddress();
  if (fromLink) focusHeading(before !== view);
}

/**
 * The simulator's address carries the model and the settings (`#/simulator?model=…&p=…`), so a
 * reload keeps them and the address bar is always a share link. Written at most every 150 ms, off
 * the slider's path; replaceState adds no history entry and fires no hashchange.
 */
let addressTimer: ReturnType<typeof setTimeout> | undefined;
function syncAddress(): void {
  clearTimeout(addressTimer);
  addressTimer = setTimeout(() => {
    if (parseHash().view !== 'simulator' || !app.modelId || !app.facts) return;
    const q = encodeShared({ model: app.modelId, params: app.settings }, true);
    const next = `#/simulator?${q}`;
    if (location.hash !== next) history.replaceState(null, '', next);
  }, 150);
}
app.on('settings', syncAddress);

app.on('model', () => {
  renderHeader();
  mountView(true);
});
app.on('models', renderHeader);

async function start(): Promise<void> {
  const saved = localStorage.getItem('igem.lang');
  const initial: Lang = saved === 'es' || saved === 'en' ? saved : navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
  setLang(initial);
  document.documentElement.lang = initial;
  document.title = t('appTitle');
  try {
    await ensureSignedIn(main);
    await app.loadModels();
  } catch (e) {
    main.append(h('div', { class: 'error-box', role: 'alert' }, `${t('errorPrefix')}: ${errorText(e)}`));
    return;
  }
  window.addEventListener('hashchange', () => void handleRoute(true));
  await handleRoute();
}

void start();

// For tests and the latency benchmark (read-only use).
(window as unknown as { igem: AppState }).igem = app;
