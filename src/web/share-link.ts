/**
 * Share links: the model and the lever settings that differ from business as usual, in the URL
 * (`#/simulator?model=ID&p=…`, the settings as base64url JSON so any variable name survives).
 */

export interface SharedState {
  model?: string;
  params: Record<string, number>;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * The query part (`model=…&p=…`) for a state. With `always`, business as usual is written as an
 * empty `p` too, so the link means "these settings" rather than "whatever the reader had".
 */
export function encodeShared(state: SharedState, always = false): string {
  const q = new URLSearchParams();
  if (state.model) q.set('model', state.model);
  if (always || Object.keys(state.params).length > 0) q.set('p', toBase64Url(JSON.stringify(state.params)));
  return q.toString();
}

/** Reads a state back; settings that are not finite numbers are dropped. Throws on a corrupt `p`. */
export function decodeShared(query: string): SharedState {
  const q = new URLSearchParams(query);
  const out: SharedState = { params: {} };
  const model = q.get('model');
  if (model) out.model = model;
  const p = q.get('p');
  if (p) {
    let obj: unknown;
    try {
      obj = JSON.parse(fromBase64Url(p));
    } catch {
      throw new Error('the link\'s lever settings (p=…) are damaged');
    }
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
      // fromEntries defines own properties, so even a variable named __proto__ stays a setting.
      out.params = Object.fromEntries(Object.entries(obj).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
    }
  }
  return out;
}

/** A full link to the simulator with these settings, on the page's own origin. */
export function shareUrl(base: string, state: SharedState): string {
  const q = encodeShared(state, true);
  return `${base.replace(/#.*$/, '')}#/simulator${q ? '?' + q : ''}`;
}
