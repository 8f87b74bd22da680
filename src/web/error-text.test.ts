/** The reader's sentence for server error codes, in both languages, before the technical detail. */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientError } from './api.js';
import { errorText } from './error-text.js';
import { setLang } from './i18n.js';
import { en, es } from './messages.js';

afterEach(() => setLang('en'));

describe('error text', () => {
  it('the run pool refusals read as sentences in English and Spanish, followed by the server detail', () => {
    const cases = [
      new ApiClientError(413, 'RUN_TOO_LARGE', 'this run needs ~900 MB; the limit is 160 MB'),
      new ApiClientError(429, 'TOO_MANY_RUNS', '400 runs are waiting for this user'),
    ];
    for (const lang of ['en', 'es'] as const) {
      setLang(lang);
      const catalogue = lang === 'en' ? en : es;
      for (const e of cases) {
        const text = errorText(e);
        expect(text.startsWith(catalogue[`err_${e.code}` as keyof typeof en])).toBe(true);
        expect(text).toContain(e.message);
      }
    }
    expect(en.err_TOO_MANY_RUNS).not.toBe(es.err_TOO_MANY_RUNS);
  });

  it('an unknown code keeps the server message as it is', () => {
    expect(errorText(new ApiClientError(500, 'SOMETHING_NEW', 'detail'))).toBe('detail');
  });
});
