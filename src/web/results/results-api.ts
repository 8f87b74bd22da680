/** The results of the other model families (src/server/routes-results.ts), typed, and their calls. */
import { ApiClientError } from '../api.js';
import { csrfHeaders } from '../auth.js';
import type { ApiErrorBody, MeasuredBaseYear, SectorJobs } from '../../server/api-types.js';

export type { MeasuredBaseYear, MeasuredEstimate, SectorJobs } from '../../server/api-types.js';

export type Bilingual = { es: string; en: string };
export interface GreenJobsResult {
  year: number;
  years: number[];
  unit: Bilingual;
  sectors: { id: string; label: Bilingual; scenario: SectorJobs; baseline: SectorJobs }[];
  total: { scenario: SectorJobs; baseline: SectorJobs };
  /** The base year measured in a labour-force survey, in persons, when the model has one. */
  measured?: MeasuredBaseYear;
  cached: boolean;
}
export interface Change {
  base: number;
  value: number;
  changePct: number | null;
}
export interface CgeResult {
  year: number;
  years: number[];
  recycling: string;
  recyclingLabel: Bilingual;
  recyclingOptions: { id: string; label: Bilingual }[];
  assumptions: Bilingual[];
  converged: boolean;
  maxResidual: number;
  numeraire: string;
  money: Bilingual;
  indicators: { realGdp: Change; cpi: Change; revenue: Change; fuelUse: Change; co2: Change };
  revenue: { code: string; label: Bilingual; base: number; value: number }[];
  households: { code: string; label: Bilingual; ev: number; evPct: number }[];
  cached: boolean;
}

async function post<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(body), signal });
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const e = (json as ApiErrorBody | undefined)?.error;
    throw new ApiClientError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.details, e?.messageEs);
  }
  return json as T;
}

const base = (modelId: string) => `/api/models/${encodeURIComponent(modelId)}/results`;

export const resultsApi = {
  greenJobs: (modelId: string, params: Record<string, number>, year?: number, signal?: AbortSignal) =>
    post<GreenJobsResult>(`${base(modelId)}/green-jobs`, { params, ...(year ? { year } : {}) }, signal),
  cge: (modelId: string, params: Record<string, number>, opts: { year?: number; recycling?: string } = {}, signal?: AbortSignal) =>
    post<CgeResult>(`${base(modelId)}/cge`, { params, ...(opts.year ? { year: opts.year } : {}), ...(opts.recycling ? { recycling: opts.recycling } : {}) }, signal),
};
