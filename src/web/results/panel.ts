/**
 * What the IO and CGE panels share: fetch the results for the current settings when the panel is
 * shown and again (debounced) when the settings change while it is shown; the last answer is kept,
 * so a language switch redraws without asking the server again.
 */
import type { AppState } from '../app-state.js';
import { clear, h } from '../dom.js';
import { errorText } from '../error-text.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../messages.js';

export interface Panel {
  el: HTMLElement;
  show(): void;
  hide(): void;
  destroy(): void;
}

export function resultsPanel<T>(app: AppState, o: { loading: MessageKey; fetch: (signal: AbortSignal) => Promise<T>; render: (r: T, host: HTMLElement, refetch: () => void) => void }): Panel {
  const el = h('div', { class: 'results-panel' });
  const status = h('div', { class: 'results-status', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'results-body' });
  el.append(status, body);
  let visible = false;
  let last: T | undefined;
  let stale = true;
  let abort: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = () => {
    abort?.abort();
    const a = (abort = new AbortController());
    stale = false;
    status.textContent = t(o.loading);
    el.setAttribute('aria-busy', 'true');
    o.fetch(a.signal).then(
      (r) => {
        if (a.signal.aborted) return;
        last = r;
        status.textContent = '';
        el.removeAttribute('aria-busy');
        clear(body);
        o.render(r, body, load);
      },
      (e: unknown) => {
        if (a.signal.aborted) return;
        el.removeAttribute('aria-busy');
        clear(status);
        status.append(h('div', { class: 'error-box', role: 'alert' }, `${t('resultsFailed')}: ${errorText(e)}`));
      },
    );
  };
  const off = app.on('settings', () => {
    stale = true;
    if (!visible) return;
    clearTimeout(timer);
    timer = setTimeout(load, 500);
  });
  return {
    el,
    show() {
      visible = true;
      if (stale || last === undefined) load();
    },
    hide() {
      visible = false;
    },
    destroy() {
      off();
      clearTimeout(timer);
      abort?.abort();
    },
  };
}
