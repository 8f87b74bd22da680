/** The server's JSON API, typed; errors become ApiClientError with the server's code and details. */
import type { ApiErrorBody, ApiErrorDetail, ModelBundle, ModelSummary, RunAnswer, Scenario } from '../server/api-types.js';
import type { ModelLabels } from './labels.js';
import { csrfHeaders } from './auth.js';

type Bilingual = { es: string; en: string };
/** One policy of the model's library (models/<model>/policies/*.json). */
export interface Policy {
  id: string;
  order: number;
  family: Bilingual;
  title: Bilingual;
  summary: Bilingual;
  sources: { citation: string; note?: Bilingual; verified?: boolean }[];
  sdg: string[];
  levers: { name: string; meaning: Bilingual; valueLabels?: Record<string, Bilingual> }[];
  assumptions: { text: Bilingual; source: string }[];
  scenario: string;
  regions?: { name: Bilingual; populationShare?: number }[];
}
export interface PolicyLibrary {
  policies: Policy[];
  scenarioTitles: Record<string, Bilingual>;
}

export interface LessonStep {
  title: string;
  text: string;
  chart?: string;
  lever?: string;
  question?: string;
}
export interface Lesson {
  id: string;
  title: string;
  intro: string;
  steps: LessonStep[];
}
export interface WorkshopSubmission {
  id: string;
  participant: string;
  justification: string;
  params: Record<string, number>;
  createdAt: string;
}
export interface WorkshopInfo {
  code: string;
  modelId: string;
  lessonId: string;
  shown?: string;
  shownSubmission?: WorkshopSubmission;
}

/** A ready-made scenario file of the model (models/<model>/scenarios/*.json). */
export interface LibraryScenario {
  id: string;
  title: string;
  description: string;
  levers: Record<string, number>;
}

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** As the server sends them; `messageEs` may be missing in the answer of a server older than the rule that every error has it. */
    readonly details: readonly (Omit<ApiErrorDetail, 'messageEs'> & { messageEs?: string })[] = [],
    /** The message in Spanish (every error of this server has it; see `details`). */
    readonly messageEs?: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : csrfHeaders()), ...extraHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiClientError(res.status, 'BAD_RESPONSE', `the server answered ${res.status} with a body that is not JSON`, [], `el servidor respondió ${res.status} con un cuerpo que no es JSON`);
  }
  if (!res.ok) {
    const e = (json as ApiErrorBody | undefined)?.error;
    throw new ApiClientError(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? res.statusText, e?.details, e?.messageEs);
  }
  return json as T;
}

export const api = {
  models: () => call<{ models: ModelSummary[]; defaultId: string }>('GET', '/api/models'),
  model: (id: string) => call<ModelBundle>('GET', `/api/models/${encodeURIComponent(id)}`),
  uploadModel: (filename: string, text: string, name?: string) =>
    call<ModelSummary & { parameters: number; outputs: number }>('POST', '/api/models', { filename, text, ...(name ? { name } : {}) }),
  deleteModel: (id: string) => call<void>('DELETE', `/api/models/${encodeURIComponent(id)}`),
  scenarios: (modelId: string) => call<{ scenarios: Scenario[] }>('GET', `/api/scenarios?model=${encodeURIComponent(modelId)}`),
  createScenario: (s: { modelId: string; name: string; description: string; params: Record<string, number> }) => call<Scenario>('POST', '/api/scenarios', s),
  updateScenario: (id: string, patch: { name?: string; description?: string; params?: Record<string, number> }) =>
    call<Scenario>('PATCH', `/api/scenarios/${encodeURIComponent(id)}`, patch),
  deleteScenario: (id: string) => call<void>('DELETE', `/api/scenarios/${encodeURIComponent(id)}`),
  duplicateScenario: (id: string) => call<Scenario>('POST', `/api/scenarios/${encodeURIComponent(id)}/duplicate`, {}),
  labels: (modelId: string) => call<ModelLabels>('GET', `/api/models/${encodeURIComponent(modelId)}/labels`),
  library: (modelId: string) => call<{ scenarios: LibraryScenario[] }>('GET', `/api/models/${encodeURIComponent(modelId)}/library`),
  policies: (modelId: string) => call<PolicyLibrary>('GET', `/api/models/${encodeURIComponent(modelId)}/policies`),
  lessons: (modelId: string, lang: string) => call<{ lessons: Lesson[] }>('GET', `/api/models/${encodeURIComponent(modelId)}/lessons?lang=${lang}`),
  createWorkshop: (modelId: string, lessonId: string) => call<WorkshopInfo & { facilitatorToken: string }>('POST', '/api/workshops', { modelId, lessonId }),
  workshop: (code: string) => call<WorkshopInfo>('GET', `/api/workshops/${encodeURIComponent(code)}`),
  submitToWorkshop: (code: string, s: { participant: string; justification: string; params: Record<string, number> }) =>
    call<WorkshopSubmission>('POST', `/api/workshops/${encodeURIComponent(code)}/submissions`, s),
  workshopSubmissions: (code: string, token: string) => call<{ submissions: WorkshopSubmission[] }>('GET', `/api/workshops/${encodeURIComponent(code)}/submissions`, undefined, { 'x-facilitator-token': token }),
  showInWorkshop: (code: string, token: string, submissionId: string | null) =>
    call<WorkshopInfo>('POST', `/api/workshops/${encodeURIComponent(code)}/show`, { submissionId }, { 'x-facilitator-token': token }),
  run: (modelId: string, params: Record<string, number>, columns?: string[]) => call<RunAnswer>('POST', '/api/runs', { modelId, params, columns }),
};
