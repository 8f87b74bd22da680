/** The reader's sentence for server error codes, in both languages, before the technical detail. */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientError } from './api.js';
import { diagnosticText, errorText, loadFailureParts } from './error-text.js';
import { ModelLoadError } from './model/model-client.js';
import { ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { unsupportedFunctionMessage } from '../sd/ir/unsupported.js';
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

  it('a refused Vensim function reads in Spanish when the interface is Spanish, in English otherwise', () => {
    const reason = unsupportedFunctionMessage('DELAY BATCH')!;
    const fromServer = new ApiClientError(422, 'MODEL_INVALID', `line 6, column 5: ${reason.en}`, [{ line: 6, column: 5, code: 'E_UNSUPPORTED', message: reason.en, messageEs: reason.es }], `línea 6, columna 5: ${reason.es}`);
    const inPage = new ModelLoadError('m.mdl:6:5: error E_UNSUPPORTED: ' + reason.en, ModelError.at('E_UNSUPPORTED', reason, { file: 'm.mdl', line: 6, column: 5 }).diagnostics);
    setLang('es');
    expect(errorText(fromServer)).toBe(`${es.err_E_UNSUPPORTED} ${es.errorTechnical}: línea 6, columna 5: ${reason.es}`);
    expect(errorText(inPage)).toBe(`${es.err_E_UNSUPPORTED} ${es.errorTechnical}: m.mdl:6:5: error E_UNSUPPORTED: ${reason.es}`);
    expect(diagnosticText(fromServer.details[0]!)).toBe(reason.es);
    setLang('en');
    expect(errorText(fromServer)).toBe(`${en.err_E_UNSUPPORTED} ${en.errorTechnical}: line 6, column 5: ${reason.en}`);
    expect(errorText(inPage)).toBe(`${en.err_E_UNSUPPORTED} ${en.errorTechnical}: m.mdl:6:5: error E_UNSUPPORTED: ${reason.en}`);
    expect(diagnosticText(fromServer.details[0]!)).toBe(reason.en);
  });

  it('a model that fails to load shows each diagnostic once, in the interface language', () => {
    const a = { en: 'the equation is empty', es: 'la ecuación está vacía' };
    const b = { en: 'x is not defined', es: 'x no está definida' };
    const error = new ModelError([
      ...ModelError.at('E_EMPTY', a, { file: 'm.mdl', line: 2, column: 3 }).diagnostics,
      ...ModelError.at('E_UNDEFINED', b, { file: 'm.mdl', line: 5, column: 1 }).diagnostics,
    ]);
    // As the page's worker hands it over: the error's message already lists both diagnostics.
    const e = new ModelLoadError(error.message, error.diagnostics);
    for (const [lang, catalogue, text] of [['es', es, (m: typeof a) => m.es], ['en', en, (m: typeof a) => m.en]] as const) {
      setLang(lang);
      const { text: sentence, diagnostics } = loadFailureParts(e);
      const page = [sentence, ...diagnostics].join('\n');
      for (const m of [a, b]) expect(page.split(text(m)).length - 1, `${lang}: ${text(m)}`).toBe(1);
      expect(sentence).toBe(catalogue.err_E_EMPTY);
      expect(diagnostics).toEqual([
        `m.mdl: ${catalogue.lineColumn.replace('{line}', '2').replace('{column}', '3')}: ${text(a)} (E_EMPTY)`,
        `m.mdl: ${catalogue.lineColumn.replace('{line}', '5').replace('{column}', '1')}: ${text(b)} (E_UNDEFINED)`,
      ]);
    }
    // Before the fix the page showed errorText (which holds every diagnostic) above the same list.
    setLang('en');
    expect(errorText(e)).toContain(a.en);
    // An error without diagnostics keeps its whole text and no list.
    expect(loadFailureParts(new Error('network down'))).toEqual({ text: 'network down', diagnostics: [] });
  });

  it('a failed run reads in Spanish in the Spanish interface, from the server or from the page worker', () => {
    const nan = new SimulationError({ en: 'Stock became NaN at time 3', es: 'Stock se volvió NaN en el tiempo 3' }, 'Stock', 3);
    const fromServer = new ApiClientError(422, 'SIMULATION_FAILED', nan.message, [], nan.messageEs);
    const fromWorker = Object.assign(new Error(nan.message), { messageEs: nan.messageEs });
    setLang('es');
    expect(errorText(fromWorker)).toBe(`${es.err_SIM_NAN} ${es.errorTechnical}: ${nan.messageEs}`);
    expect(errorText(fromServer)).toBe(`${es.err_SIMULATION_FAILED} ${es.errorTechnical}: ${nan.messageEs}`);
    setLang('en');
    expect(errorText(fromWorker)).toBe(`${en.err_SIM_NAN} ${en.errorTechnical}: ${nan.message}`);
  });

  it('the server\'s sign-in, access, limit and not-found errors read in Spanish in the Spanish interface', () => {
    // As api.ts builds them from the server's body { code, message, messageEs }.
    const cases = [
      new ApiClientError(401, 'UNAUTHORIZED', 'sign in first', [], 'inicie sesión primero'),
      new ApiClientError(403, 'FORBIDDEN', 'this scenario belongs to another user', [], 'este escenario pertenece a otro usuario'),
      new ApiClientError(429, 'RATE_LIMITED', 'at most 20 requests per minute for this user; try again in 40 s', [], 'como máximo 20 solicitudes por minuto para este usuario; intente de nuevo en 40 s'),
      new ApiClientError(504, 'RUN_TIMEOUT', 'the run took longer than 8000 ms and was stopped', [], 'la corrida tardó más de 8000 ms y se detuvo'),
      new ApiClientError(404, 'NOT_FOUND', 'workshop ABC not found', [], 'no se encontró el taller ABC'),
      new ApiClientError(429, 'WORKSHOP_FULL', 'this workshop already has 200 submissions', [], 'este taller ya tiene 200 envíos'),
      new ApiClientError(504, 'RESULTS_TIMEOUT', 'the cge results took longer than 120000 ms and were stopped', [], 'los resultados cge tardaron más de 120000 ms y se detuvieron'),
    ];
    for (const e of cases) {
      setLang('es');
      expect(errorText(e)).toBe(`${es[`err_${e.code}` as keyof typeof es]} ${es.errorTechnical}: ${e.messageEs}`);
      setLang('en');
      expect(errorText(e)).toBe(`${en[`err_${e.code}` as keyof typeof en]} ${en.errorTechnical}: ${e.message}`);
    }
  });

  it('a diagnostic the engine wrote in English only stays English in the Spanish interface', () => {
    setLang('es');
    const e = new ApiClientError(422, 'MODEL_INVALID', 'line 2, column 1: expected )', [{ line: 2, column: 1, code: 'E_SYNTAX', message: 'expected )' }]);
    expect(errorText(e)).toBe(`${es.err_E_SYNTAX} ${es.errorTechnical}: line 2, column 1: expected )`);
    expect(diagnosticText(e.details[0]!)).toBe('expected )');
  });
});
