/** Upload a Vensim model: checked by the server; errors shown with line, column and the source line. */
import { diagnosticText, errorText } from '../error-text.js';
import type { AppState } from '../app-state.js';
import { api, ApiClientError } from '../api.js';
import { announce, clear, h, uid } from '../dom.js';
import { fmtDate, t } from '../i18n.js';

/** UTF-8 when valid, else Latin-1 (older Vensim files), as the Node loader reads them. */
export async function readModelFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** The lines around an error with a caret under its column. */
function excerpt(text: string, line: number, column: number): HTMLElement {
  const lines = text.split(/\r\n|\n|\r/);
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const out: (string | HTMLElement)[] = [];
  for (let n = from; n <= to; n++) {
    const content = `${String(n).padStart(5)} | ${lines[n - 1] ?? ''}\n`;
    if (n === line) {
      out.push(h('mark', {}, content));
      out.push(`${' '.repeat(8 + Math.max(0, column - 1))}^\n`);
    } else out.push(content);
  }
  return h('pre', { class: 'excerpt' }, out);
}

export function mountUpload(root: HTMLElement, app: AppState, go: (route: string) => void): () => void {
  const render = () => {
    clear(root);
    const fileId = uid('file');
    const nameId = uid('name');
    const file = h('input', { id: fileId, type: 'file', accept: '.mdl,.xmile,.stmx,.itmx', required: true });
    const name = h('input', { id: nameId, maxlength: 200, autocomplete: 'off' });
    const status = h('div', { class: 'upload-status', 'aria-live': 'polite' });
    const button = h('button', { type: 'submit' }, t('uploadButton'));
    const form = h(
      'form',
      {
        class: 'upload-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const f = file.files?.[0];
          if (!f) return;
          clear(status);
          status.append(h('p', {}, t('uploading')));
          button.disabled = true;
          const text = await readModelFile(f);
          try {
            const m = await api.uploadModel(f.name, text, name.value.trim() || undefined);
            await app.loadModels();
            go(`#/simulator?model=${encodeURIComponent(m.id)}`);
          } catch (err) {
            clear(status);
            if (err instanceof ApiClientError && err.code === 'MODEL_INVALID') {
              const first = err.details.find((d) => d.line !== undefined);
              status.append(
                h(
                  'div',
                  { class: 'error-box', role: 'alert' },
                  h('h2', {}, t('uploadErrors')),
                  h(
                    'ul',
                    { class: 'diagnostics' },
                    err.details.map((d) =>
                      h('li', {}, d.line !== undefined ? h('strong', {}, `${f.name}: ${t('lineColumn', { line: d.line, column: d.column ?? '?' })}: `) : null, diagnosticText(d), d.code ? h('span', { class: 'note' }, ` (${d.code})`) : null),
                    ),
                  ),
                  first?.line !== undefined ? excerpt(text, first.line, first.column ?? 1) : null,
                ),
              );
            } else status.append(h('div', { class: 'error-box', role: 'alert' }, `${t('errorPrefix')}: ${errorText(err)}`));
          } finally {
            button.disabled = false;
          }
        },
      },
      h('label', { for: fileId }, t('uploadFile')),
      file,
      h('label', { for: nameId }, t('uploadName')),
      name,
      button,
    );
    const uploads = app.models.filter((m) => m.source === 'upload');
    root.append(
      h(
        'section',
        { class: 'page upload' },
        h('h1', {}, t('uploadTitle')),
        h('p', {}, t('uploadHelp')),
        form,
        status,
        uploads.length
          ? [
              h('h2', {}, t('uploadedModels')),
              h(
                'ul',
                { class: 'model-list' },
                uploads.map((m) =>
                  h(
                    'li',
                    {},
                    h('a', { href: `#/simulator?model=${encodeURIComponent(m.id)}` }, m.name),
                    h('span', { class: 'note' }, ` ${m.file} · ${m.createdAt ? fmtDate(m.createdAt) : ''} `),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'danger',
                        onclick: () =>
                          void api
                            .deleteModel(m.id)
                            .then(() => app.loadModels())
                            .catch((e: Error) => announce(errorText(e), 'error')),
                      },
                      t('deleteModel'),
                    ),
                  ),
                ),
              ),
            ]
          : null,
      ),
    );
  };
  render();
  const off = app.on('models', render);
  return off;
}
