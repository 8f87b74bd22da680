/**
 * Sign-in for a server started with `igem serve --multi-user`: /api/me says whether accounts are on;
 * the login form posts the password once; the session lives in an HTTP-only cookie, and the CSRF
 * token the server returns is sent with every change. In local mode (/api/me absent) nothing happens.
 */
import { clear, h, uid } from './dom.js';
import { t } from './i18n.js';

let csrfToken: string | undefined;

/** The header every state-changing API call carries in multi-user mode. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Resolves once the reader may use the API: at once in local mode, after sign-in otherwise. */
export async function ensureSignedIn(main: HTMLElement): Promise<void> {
  const me = await fetch('/api/me');
  if (me.status === 404) return;
  const body = (await me.json()) as { user: { name: string } | null };
  if (body.user) {
    csrfToken = ((await (await fetch('/api/csrf')).json()) as { csrfToken: string }).csrfToken;
    return;
  }
  await new Promise<void>((resolve) => {
    clear(main);
    const nameId = uid('user');
    const passId = uid('pass');
    const name = h('input', { id: nameId, required: true, autocomplete: 'username' });
    const pass = h('input', { id: passId, type: 'password', required: true, autocomplete: 'current-password' });
    const status = h('p', { role: 'alert', class: 'lever-note' });
    main.append(
      h(
        'section',
        { class: 'page login' },
        h('h1', {}, t('signIn')),
        h(
          'form',
          {
            onsubmit: async (e: Event) => {
              e.preventDefault();
              const r = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name.value, password: pass.value }) });
              if (!r.ok) {
                status.textContent = t('signInFailed');
                return;
              }
              csrfToken = ((await r.json()) as { csrfToken: string }).csrfToken;
              clear(main);
              resolve();
            },
          },
          h('label', { for: nameId }, t('userName')),
          name,
          h('label', { for: passId }, t('password')),
          pass,
          h('button', { type: 'submit' }, t('signIn')),
          status,
        ),
      ),
    );
  });
}
