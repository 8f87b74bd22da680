/**
 * The result tabs of the simulator: SD (the charts), green jobs (IO) and prices and welfare (CGE),
 * as an ARIA tab list (arrow keys move between tabs). The tab chosen survives a redraw (language switch).
 * Only the families the model has (the server's `results` flags) get a tab; a model with SD alone
 * shows its charts without a tab list.
 */
import type { AppState } from '../app-state.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { cgePanel } from './cge-panel.js';
import { ioPanel } from './io-panel.js';
import type { Panel } from './panel.js';

type TabId = 'sd' | 'io' | 'cge';
let chosen: TabId = 'sd';

export function resultTabs(app: AppState, sdContent: HTMLElement[]): { el: HTMLElement; destroy(): void } {
  const sd: Panel = { el: h('div', { class: 'sd-panel' }, sdContent), show() {}, hide() {}, destroy() {} };
  const families = app.bundle?.results ?? { io: false, cge: false };
  if (!families.io && !families.cge) {
    sd.el.id = 'panel-sd';
    return { el: h('div', { class: 'result-tabs-host' }, sd.el), destroy() {} };
  }
  const panels: Partial<Record<TabId, Panel>> = { sd, ...(families.io ? { io: ioPanel(app) } : {}), ...(families.cge ? { cge: cgePanel(app) } : {}) };
  const labels: Record<TabId, MessageKey> = { sd: 'tabSd', io: 'tabIo', cge: 'tabCge' };
  const ids = Object.keys(panels) as TabId[];
  const panel = (id: TabId) => panels[id]!;
  const tabs = new Map<TabId, HTMLButtonElement>();
  const list = h('div', { class: 'result-tabs', role: 'tablist', 'aria-label': t('resultsTabs') });
  for (const id of ids) {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'data-tab': id, onclick: () => select(id) }, t(labels[id]));
    tab.addEventListener('keydown', (e: KeyboardEvent) => {
      const k = ids.indexOf(id);
      const next = e.key === 'ArrowRight' ? ids[(k + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(k + ids.length - 1) % ids.length] : undefined;
      if (!next) return;
      e.preventDefault();
      select(next);
      tabs.get(next)!.focus();
    });
    tabs.set(id, tab);
    list.append(tab);
    const p = panel(id).el;
    p.id = `panel-${id}`;
    p.setAttribute('role', 'tabpanel');
    p.setAttribute('aria-labelledby', `tab-${id}`);
  }
  const select = (id: TabId, remember = true) => {
    if (remember) chosen = id;
    for (const k of ids) {
      const on = k === id;
      tabs.get(k)!.setAttribute('aria-selected', String(on));
      tabs.get(k)!.tabIndex = on ? 0 : -1;
      panel(k).el.hidden = !on;
      if (on) panel(k).show();
      else panel(k).hide();
    }
  };
  const el = h('div', { class: 'result-tabs-host' }, list, ids.map((id) => panel(id).el));
  // The tab chosen on another model may not exist on this one.
  select(ids.includes(chosen) ? chosen : 'sd', false);
  return { el, destroy: () => ids.forEach((id) => panel(id).destroy()) };
}
