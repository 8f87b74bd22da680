/**
 * /api/models/:id/results/{green-jobs,cge}: results of the other model families for a scenario.
 * - green-jobs: the SD run with the lever settings feeds the IO model through the model's link
 *   (io/web-labels.json names the table and link); jobs by sector, green / in transition / other
 *   and formal / informal, for the year asked, against the run with the model's own values.
 * - cge: the CGE (cge/) for the scenario the fuel-tax levers map to (cge/web.json, see
 *   src/econ/cge/lever-scenario.ts), or for a named CGE scenario: real GDP, CPI, revenue by tax,
 *   fuel use and CO2, equivalent variation by household group; converged and the largest residual.
 * GET answers the model's own settings (and, for cge, `?scenario=NAME`); POST takes a body.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { leverKey, leverValues } from '../econ/cge/lever-scenario.js';
import type { Recycling } from '../econ/cge/scenario.js';
import { totalJobs, type JobsByYear } from '../econ/io/jobs-by-sector.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { canonicalColumn } from '../sd/ir/names.js';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import { noResults, readCgeWeb, readIoWeb, readMeasuredBaseYear, type CgeWeb } from './results-files.js';
import type { CgeAnswer } from './results-task.js';
import { cgeQuery, cgeRequest, greenJobsQuery, greenJobsRequest, idParam, parse } from './schemas.js';
import { checkScenarioLevers, parameterDefaults } from './scenario-levers.js';

/** The year shown: the one asked (it must be in the results), else 2030 when there, else the last. */
function pickYear(years: number[], asked: number | undefined, where: string): number {
  if (asked === undefined) return years.includes(2030) ? 2030 : years[years.length - 1]!;
  if (!years.includes(asked)) {
    const [first, last] = [years[0], years[years.length - 1]];
    throw new ApiError(400, 'VALIDATION', { en: `${where}: ${asked} is not a year of the results (${first}–${last})`, es: `${where}: ${asked} no es un año de los resultados (${first}–${last})` }, [
      { field: where, message: `must be between ${first} and ${last}`, messageEs: `debe estar entre ${first} y ${last}` },
    ]);
  }
  return asked;
}

/** An InputError of the lever link as a 400 naming the field. */
function asBadInput(e: unknown): never {
  if (e instanceof InputError) throw new ApiError(400, 'BAD_INPUT', { en: e.message, es: e.messageEs }, [{ field: e.where.startsWith('params.') ? `body.${e.where}` : e.where, message: e.message, messageEs: e.messageEs }]);
  throw e;
}

const sortedParams = (p: Record<string, number>) => JSON.stringify(Object.entries(p).map(([k, v]) => [canonicalColumn(k), v]).sort(([a], [b]) => String(a).localeCompare(String(b))));

function cgeScenarios(web: CgeWeb): string[] {
  const dir = join(web.dir, 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const greenJobs = async (id: string, params: Record<string, number>, year: number | undefined, where: string) => {
    const web = readIoWeb(ctx, id);
    const source = ctx.catalog.source(id);
    if (!('path' in source)) throw noResults(id, 'io', true);
    checkScenarioLevers(ctx, id, params);
    const { value: a, cached } = await ctx.results.greenJobs(`${source.key}|${web.tablePath}|${sortedParams(params)}`, {
      kind: 'green-jobs', modelPath: source.path, tablePath: web.tablePath, mappingPath: web.mappingPath, params,
    });
    const y = pickYear(a.scenario.years, year, where);
    const t = a.scenario.years.indexOf(y);
    const byYear = (j: JobsByYear) => j.jobs.map(totalJobs);
    const totals = byYear(a.scenario);
    return {
      model: id,
      year: y,
      years: a.scenario.years,
      unit: web.unit,
      sectors: a.scenario.sectors.map((s, k) => ({ id: s, label: web.sectors[s] ?? { es: s, en: s }, scenario: a.scenario.jobs[t]![k]!, baseline: a.baseline.jobs[t]![k]! })),
      total: { scenario: totals[t]!, baseline: byYear(a.baseline)[t]! },
      byYear: { years: a.scenario.years, green: totals.map((x) => x.green), transition: totals.map((x) => x.transition), other: totals.map((x) => x.other), formal: totals.map((x) => x.formal), informal: totals.map((x) => x.informal), total: totals.map((x) => x.total) },
      basis: a.basis,
      notes: a.notes,
      ...(web.measuredPath ? { measured: readMeasuredBaseYear(web.measuredPath) } : {}),
      cached,
      ms: a.ms,
    };
  };

  const cge = async (id: string, b: { params?: Record<string, number>; scenario?: string; recycling?: Recycling; year?: number }, where: string, reply: FastifyReply) => {
    const web = readCgeWeb(ctx, id);
    const source = ctx.catalog.source(id);
    let key: string;
    let task: Parameters<typeof ctx.results.cge>[1];
    let used: ReturnType<typeof leverValues> | undefined;
    if (b.scenario !== undefined) {
      const known = cgeScenarios(web);
      if (!known.includes(b.scenario)) {
        const names = known.join(', ');
        throw new ApiError(400, 'VALIDATION', { en: `${where}.scenario: no CGE scenario "${b.scenario}" (known: ${names})`, es: `${where}.scenario: no hay un escenario CGE "${b.scenario}" (conocidos: ${names})` }, [
          { field: `${where}.scenario`, message: `unknown CGE scenario; known: ${names}`, messageEs: `escenario CGE desconocido; conocidos: ${names}` },
        ]);
      }
      key = `named:${b.scenario}`;
      task = { kind: 'cge', dir: web.dir, named: b.scenario };
    } else {
      const params = b.params ?? {};
      checkScenarioLevers(ctx, id, params);
      try {
        used = leverValues(web.levers, params, parameterDefaults(ctx, id));
        key = `levers:${leverKey(web.levers, used, b.recycling)}`;
      } catch (e) {
        asBadInput(e);
      }
      task = { kind: 'cge', dir: web.dir, levers: { link: web.levers, used, recycling: b.recycling } };
    }
    let answer: { value: CgeAnswer; cached: boolean };
    try {
      answer = await ctx.results.cge(`${source.key}|${web.dir}|${key}`, task);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) void reply.header('Retry-After', String(ctx.results.limits.retryAfterS));
      throw e;
    }
    const a = answer.value;
    const y = pickYear(a.years, b.year, `${where}.year`);
    const t = a.years.indexOf(y);
    const change = (base: number, value: number) => ({ base, value, changePct: base !== 0 ? (100 * (value - base)) / Math.abs(base) : null });
    const at = (s: Record<string, number[]>, k: string) => s[k]?.[t] ?? 0;
    const revenueCodes = Object.keys(a.scenario).filter((k) => k.startsWith('revenue:')).map((k) => k.slice('revenue:'.length));
    const sumRevenue = (s: Record<string, number[]>) => revenueCodes.reduce((sum, c) => sum + at(s, `revenue:${c}`), 0);
    return {
      model: id,
      source: b.scenario !== undefined ? 'scenario' : 'levers',
      scenario: b.scenario ?? null,
      label: a.label ?? null,
      recycling: a.recycling,
      recyclingLabel: web.recycling[a.recycling] ?? { es: a.recycling, en: a.recycling },
      recyclingOptions: Object.entries(web.recycling).map(([id, label]) => ({ id, label })),
      levers: used ?? null,
      assumptions: b.scenario !== undefined ? [] : web.assumptions,
      scenarios: cgeScenarios(web),
      year: y,
      years: a.years,
      converged: a.converged,
      maxResidual: a.maxResidual,
      maxWalras: a.maxWalras,
      numeraire: a.numeraire,
      money: web.money,
      indicators: {
        realGdp: change(at(a.baseline, 'real_gdp'), at(a.scenario, 'real_gdp')),
        cpi: change(at(a.baseline, 'cpi'), at(a.scenario, 'cpi')),
        revenue: change(sumRevenue(a.baseline), sumRevenue(a.scenario)),
        fuelUse: change(at(a.baseline, 'fuel_use'), at(a.scenario, 'fuel_use')),
        co2: change(at(a.baseline, 'co2'), at(a.scenario, 'co2')),
      },
      revenue: revenueCodes.map((c) => ({ code: c, label: web.taxes[c] ?? { es: c, en: c }, base: at(a.baseline, `revenue:${c}`), value: at(a.scenario, `revenue:${c}`) })),
      households: Object.entries(a.households).map(([code, h]) => ({ code, label: web.households[code] ?? { es: code, en: code }, ev: h.ev[t] ?? 0, evPct: h.evPct[t] ?? 0 })),
      cached: answer.cached,
      ms: a.ms,
    };
  };

  app.get('/api/models/:id/results/green-jobs', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const q = parse(greenJobsQuery, req.query, 'query');
    return greenJobs(id, {}, q.year, 'query.year');
  });
  app.post('/api/models/:id/results/green-jobs', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const b = parse(greenJobsRequest, req.body ?? {}, 'body');
    return greenJobs(id, b.params ?? {}, b.year, 'body.year');
  });
  app.get('/api/models/:id/results/cge', async (req, reply) => {
    const { id } = parse(idParam, req.params, 'path');
    const q = parse(cgeQuery, req.query, 'query');
    return cge(id, q, 'query', reply);
  });
  app.post('/api/models/:id/results/cge', async (req, reply) => {
    const { id } = parse(idParam, req.params, 'path');
    const b = parse(cgeRequest, req.body ?? {}, 'body');
    return cge(id, b, 'body', reply);
  });
}
