/** The server's JSON API, typed; errors become ApiClientError with the server's code and details. */
import type { ApiErrorBody, ModelBundle, ModelSummary, RunAnswer, Scenario } from '../server/api-types.js';
import type { ModelLabels } from './labels.js';

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
    readonly details: NonNullable<ApiErrorBody['error']['details']> = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiClientError(res.status, 'BAD_RESPONSE', `the server answered ${res.status} with a body that is not JSON`);
  }
  if (!res.ok) {
    const e = (json as ApiErrorBody | undefined)?.error;
    throw new ApiClientError(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? res.statusText, e?.details);
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
  run: (modelId: string, params: Record<string, number>, columns?: string[]) => call<RunAnswer>('POST', '/api/runs', { modelId, params, columns }),
};
