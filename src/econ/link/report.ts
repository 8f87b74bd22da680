/**
 * The report of a linked SD–CGE run, in Markdown (Spanish, English or both) and JSON: per year
 * convergence (iterations, gaps), real GDP of both models, total energy demand, fuel price ratios,
 * government revenue by tax, CO2, the CGE's output by SD sector and the sector feedback on SD value
 * added, household income (the total acting on the SD, by group for the report only), and
 * equivalent variation by household group.
 */
import type { IntegratedResult } from './run-integrated.js';

export type Lang = 'es' | 'en';

const TXT = {
  es: {
    title: (s: string) => `Corrida vinculada SD–CGE: escenario ${s}`,
    summary: (n: number, ok: number, tol: number, it: number) => `${ok} de ${n} años convergen dentro de ${(tol * 100).toFixed(2)} % (PBI real y demanda total de energía); ${it} iteraciones en total.`,
    timing: (w: number, c: number, sd: number, cge: number) => `Tiempo: ${(w / 1000).toFixed(2)} s de reloj, ${(c / 1000).toFixed(2)} s de CPU; ${sd} corridas del modelo SD y ${cge} soluciones del CGE.`,
    method: 'Método',
    methodText: [
      'Cada año, desde el año base de la MCS, el CGE resuelve el año con la fuerza laboral, los factores de emisión y la inversión de política del modelo SD; el modelo SD se vuelve a correr con las razones de precios de los combustibles del CGE (Gauss–Seidel amortiguado), un factor uniforme sobre su valor agregado (que entra por sector, ver abajo) y una escala de sus elasticidades precio de la demanda de energía (CGE Price Response Scale), ambos por cuasi-Newton con aceleración secante, hasta que el PBI real y la demanda total de energía coinciden dentro de la tolerancia y los precios que usa el SD son los del CGE.',
      'La línea base del CGE sigue el índice de PBI y la fuerza laboral de la referencia del SD (productividad resuelta dentro de Newton). La eficiencia energética autónoma (AEEI) del CGE es su propia tendencia por el ahorro de las políticas de eficiencia del SD, igual en línea base y escenario: la brecha de energía se cierra por la respuesta de la demanda a los precios (la del CGE, con elasticidades con fuente), nunca cambiando la tecnología del CGE en el escenario, de modo que la variación equivalente mide sólo la política.',
      'Las tendencias de energía de ambos modelos no se fuerzan a coincidir (la energía del CGE crece casi uno a uno con el PBI, la del SD mucho menos; cerrarlo con la AEEI exigiría mejoras de eficiencia de ~7 % anual). Por eso la demanda total de energía se compara como cambio del escenario frente a la referencia de cada modelo; la tabla de energía muestra también los índices de cada modelo.',
      'El factor de PBI es uniforme (la secante es escalar), pero entra al valor agregado del SD sector por sector: CGE Sector Output Feedback[sector] = factor uniforme × mezcla sectorial del CGE, donde la mezcla es el cambio de la producción real del CGE de las actividades del sector (escenario / línea base del año; correspondencia de las 23 actividades con los 7 sectores en link/cge-link.json) dividido por la media de esos cambios ponderada por el valor agregado de la referencia del SD. La media ponderada del factor sectorial es así el factor uniforme: el nivel del PBI sigue al CGE y la composición sectorial del efecto de la política es la del CGE.',
      'El ingreso disponible de los hogares del SD se multiplica por CGE Household Income Ratio: ingreso total de los hogares del CGE, escenario / línea base, deflactado por la razón del IPC del CGE y dividido por la razón de su PBI real; lleva el efecto del reciclaje de la recaudación más allá del cambio del PBI, que ya entra por el valor agregado. Sólo el total actúa sobre el SD, que tiene un único agregado de hogares; el ingreso por grupo del CGE queda en este reporte.',
    ],
    conv: 'Convergencia',
    convCols: ['año', 'iteraciones', 'brecha PBI %', 'brecha energía %', 'converge', 'factor uniforme de PBI', 'CGE Price Response Scale', 'CGE Household Income Ratio'],
    gdp: 'PBI real',
    gdpCols: ['año', 'SD (M S/ 2007)', 'CGE (M S/ 2019)', 'índice SD', 'índice CGE', 'CGE escenario / línea base %'],
    energy: 'Demanda total de energía (diésel, gasolinas, GLP, gas natural, electricidad)',
    energyCols: ['año', 'SD TWh', 'índice SD', 'índice SD referencia', 'índice CGE', 'índice CGE línea base', 'SD vs referencia %', 'CGE vs línea base %'],
    prices: 'Precios de comprador de los combustibles, escenario / línea base del CGE',
    revenue: 'Recaudación por impuesto (CGE, M S/ 2019), cambio frente a la línea base',
    perPerson: 'ISC adicional por persona (S/ 2019, población del SD)',
    co2: 'CO2',
    co2Cols: ['año', 'CGE MtCO2', 'CGE vs línea base %', 'SD CO2 fósil MtCO2', 'SD vs referencia %'],
    ev: 'Variación equivalente por grupo de hogares (% del ingreso de la línea base)',
    sectorOut: 'Producción real del CGE por sector del SD, escenario frente a línea base (%)',
    sectorOutNote: 'Suma de la producción real (precios del año base) de las actividades de cada sector. «media» pondera por el valor agregado de la referencia del SD; «PBI» es el PBI real del CGE.',
    mean: 'media',
    gdpCol: 'PBI',
    sectorFb: 'CGE Sector Output Feedback[sector]: factor sobre el valor agregado del SD',
    sectorFbNote: 'Factor uniforme de PBI × (cambio del sector / media ponderada): su media ponderada por el valor agregado de la referencia del SD es el factor uniforme.',
    income: 'Ingreso de los hogares',
    incomeNote: 'Sólo el total actúa sobre el SD (CGE Household Income Ratio sobre su ingreso disponible; el SD tiene un único agregado de hogares). El ingreso por grupo del CGE es sólo reporte. Con el cierre actual del CGE (cge/closure.json) el IPC es el numerario: su razón es 1 y el ingreso nominal es real.',
    incomeCols: ['año', 'ingreso total CGE %', 'IPC CGE %', 'PBI real CGE %', 'CGE Household Income Ratio', 'ingreso disponible SD vs referencia %'],
    incomeGroup: 'Ingreso real por grupo de hogares del CGE (deflactado por el IPC), escenario frente a línea base (%)',
    year: 'año',
    yes: 'sí',
    no: 'no',
  },
  en: {
    title: (s: string) => `Linked SD–CGE run: scenario ${s}`,
    summary: (n: number, ok: number, tol: number, it: number) => `${ok} of ${n} years converge within ${(tol * 100).toFixed(2)} % (real GDP and total energy demand); ${it} iterations in all.`,
    timing: (w: number, c: number, sd: number, cge: number) => `Time: ${(w / 1000).toFixed(2)} s wall, ${(c / 1000).toFixed(2)} s CPU; ${sd} SD model runs and ${cge} CGE solves.`,
    method: 'Method',
    methodText: [
      "Each year from the SAM base year, the CGE solves the year with the SD model's labour force, emission factors and policy investment; the SD model is re-run with the CGE's fuel price ratios (damped Gauss–Seidel), a uniform factor on its value added (entering sector by sector, see below) and a scale of its energy-demand price elasticities (CGE Price Response Scale), both by quasi-Newton with secant acceleration, until real GDP and total energy demand agree within the tolerance and the prices the SD uses are the CGE's.",
      "The CGE baseline follows the GDP index and labour force of the SD reference (productivity solved inside Newton). The CGE's autonomous energy efficiency (AEEI) is its own trend times the savings of the SD's efficiency policies, the same in baseline and scenario: the energy gap is closed through the demand's price response (the CGE's, whose elasticities carry sources), never by changing the CGE's technology in the scenario, so the equivalent variation measures the policy only.",
      "The two models' energy trends are not forced together (the CGE's energy grows about one for one with GDP, the SD's much less; closing that with the AEEI would need efficiency gains of ~7 % a year). Total energy demand is therefore compared as the scenario's change against each model's own reference; the energy table also shows each model's indices.",
      "The GDP factor is uniform (the secant is scalar), but it enters the SD's value added sector by sector: CGE Sector Output Feedback[sector] = uniform factor × the CGE's sector mix, where the mix is the change in the CGE's real output of the sector's activities (scenario / baseline of the year; the 23 activities are mapped to the 7 sectors in link/cge-link.json) divided by the mean of those changes weighted by the SD reference's value added. The weighted mean of the sector factor is thus the uniform factor: the GDP level follows the CGE and the sector composition of the policy's effect is the CGE's.",
      "SD household disposable income is multiplied by CGE Household Income Ratio: the CGE's total household income, scenario / baseline, deflated by the CGE's CPI ratio and divided by its real GDP ratio; it carries the effect of revenue recycling beyond the GDP change, which already enters through value added. Only the total acts on the SD, which has a single household aggregate; the CGE's income by group stays in this report.",
    ],
    conv: 'Convergence',
    convCols: ['year', 'iterations', 'GDP gap %', 'energy gap %', 'converged', 'uniform GDP factor', 'CGE Price Response Scale', 'CGE Household Income Ratio'],
    gdp: 'Real GDP',
    gdpCols: ['year', 'SD (M S/ 2007)', 'CGE (M S/ 2019)', 'SD index', 'CGE index', 'CGE scenario / baseline %'],
    energy: 'Total energy demand (diesel, gasoline, LPG, natural gas, electricity)',
    energyCols: ['year', 'SD TWh', 'SD index', 'SD reference index', 'CGE index', 'CGE baseline index', 'SD vs reference %', 'CGE vs baseline %'],
    prices: 'Fuel purchaser prices, CGE scenario / baseline',
    revenue: 'Revenue by tax (CGE, M S/ 2019), change against the baseline',
    perPerson: 'extra ISC per person (2019 S/, SD population)',
    co2: 'CO2',
    co2Cols: ['year', 'CGE MtCO2', 'CGE vs baseline %', 'SD fossil CO2 MtCO2', 'SD vs reference %'],
    ev: 'Equivalent variation by household group (% of baseline income)',
    sectorOut: 'CGE real output by SD sector, scenario against baseline (%)',
    sectorOutNote: "Sum of the real output (base-year prices) of each sector's activities. 'mean' weights by the SD reference's value added; 'GDP' is the CGE's real GDP.",
    mean: 'mean',
    gdpCol: 'GDP',
    sectorFb: 'CGE Sector Output Feedback[sector]: factor on SD value added',
    sectorFbNote: "Uniform GDP factor × (sector change / weighted mean): its mean weighted by the SD reference's value added is the uniform factor.",
    income: 'Household income',
    incomeNote: "Only the total acts on the SD (CGE Household Income Ratio on its disposable income; the SD has a single household aggregate). The CGE income by group is report only. Under the CGE's current closure (cge/closure.json) the CPI is the numéraire: its ratio is 1 and nominal income is real.",
    incomeCols: ['year', 'CGE total income %', 'CGE CPI %', 'CGE real GDP %', 'CGE Household Income Ratio', 'SD disposable income vs reference %'],
    incomeGroup: 'CGE real income by household group (deflated by the CPI), scenario against baseline (%)',
    year: 'year',
    yes: 'yes',
    no: 'no',
  },
};

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const pct = (a: number, b: number) => f(100 * (a / b - 1), 3);
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export interface ReportData {
  scenario: string;
  label?: { es: string; en: string };
  tolerance: number;
  years: ReturnType<typeof yearRows>;
  timing: IntegratedResult['timing'];
  sdRuns: number;
  cgeSolves: number;
  converged: boolean;
  mechanism: { es: string[]; en: string[] };
}

function yearRows(r: IntegratedResult) {
  const base = r.cgeBaseline;
  const [ya, yb] = r.reportYears;
  const v = r.cge.variables, b = base.variables;
  const taxes = Object.keys(v).filter((k) => k.startsWith('revenue:'));
  return r.link.years
    .filter((y) => y.year >= ya && y.year <= yb)
    .map((y) => {
      const t = y.year - r.baseYear;
      return {
        year: y.year,
        iterations: y.iterations,
        converged: y.converged,
        gdpGap: y.gdpGap,
        energyGap: y.energyGap,
        gapHistory: y.history,
        gdpFeedback: y.gdpFeedback,
        priceResponseScale: y.priceScale,
        aeei: y.aeei,
        gdp: { sd: y.sd.gdp, cge: y.cgeGdp, sdIndex: y.sdGdpIndex, cgeIndex: y.cgeGdpIndex, cgeBaseline: b['real_gdp']![t]! },
        energy: { sdTWh: y.sd.energy, sdIndex: y.sdEnergyIndex, sdReferenceIndex: y.sdRefEnergyIndex, cgeIndex: y.cgeEnergyIndex, cgeBaselineIndex: y.cgeBaseEnergyIndex },
        priceRatio: y.priceRatio,
        revenue: Object.fromEntries(taxes.map((k) => [k.slice(8), { scenario: v[k]![t]!, baseline: b[k]![t]! }])),
        co2: { cgeMt: v['co2']![t]! / 1e6, cgeBaselineMt: b['co2']![t]! / 1e6, sdFossilMt: y.sd.co2, sdReferenceMt: r.link.reference[t]!.co2 },
        population: y.sd.population,
        /** Extra ISC revenue per person (2019 soles): what a lump-sum recycling can return to each person. */
        iscRevenuePerPerson: (taxes.filter((k) => k.startsWith('revenue:t-isc')).reduce((s2, k) => s2 + v[k]![t]! - b[k]![t]!, 0) * 1e6) / y.sd.population,
        sectors: { outputRatio: y.feedback.outputRatio, meanOutputRatio: y.feedback.meanOutputRatio, gdpRatio: y.feedback.gdpRatio, mix: y.feedback.mix, weights: y.feedback.weights, feedback: y.feedback.sectorFeedback },
        household: {
          incomeRatio: y.feedback.incomeRatio,
          sdIncomeRatio: y.feedback.sdIncomeRatio,
          cpiRatio: y.feedback.cpiRatio,
          income: y.feedback.income,
          sdDisposableIncome: y.feedback.sdDisposableIncome,
          sdReferenceDisposableIncome: y.feedback.sdReferenceDisposableIncome,
        },
        evPct: Object.fromEntries(Object.entries(r.cge.households).map(([h, e]) => [h, e.ev_pct[t]!])),
      };
    });
}

export function reportData(r: IntegratedResult): ReportData {
  const years = yearRows(r);
  return {
    scenario: r.cge.scenario,
    label: r.link.scenario.label,
    tolerance: r.map.tolerance,
    years,
    timing: r.timing,
    sdRuns: r.link.sdRuns,
    cgeSolves: r.link.cgeSolves,
    converged: r.link.years.every((y) => y.converged),
    mechanism: { es: TXT.es.methodText, en: TXT.en.methodText },
  };
}

export function markdownReport(d: ReportData, lang: Lang): string {
  const T = TXT[lang];
  const Y = d.years;
  const fuels = Object.keys(Y[0]?.priceRatio ?? {});
  const taxes = Object.keys(Y[0]?.revenue ?? {});
  const hh = Object.keys(Y[0]?.evPct ?? {});
  const secs = Object.keys(Y[0]?.sectors.feedback ?? {});
  const groups = Object.keys(Y[0]?.household.income ?? {});
  const tot = (o: Record<string, { scenario: number; baseline: number }>, k: 'scenario' | 'baseline') => Object.values(o).reduce((a, x) => a + x[k], 0);
  const chg = (x: number) => f(100 * (x - 1), 3);
  const out = [
    `# ${T.title(d.scenario)}`,
    d.label ? `\n${d.label[lang]}\n` : '',
    T.summary(Y.length, Y.filter((y) => y.converged).length, d.tolerance, Y.reduce((s, y) => s + y.iterations, 0)),
    '',
    T.timing(d.timing.wallMs, d.timing.cpuMs, d.sdRuns, d.cgeSolves),
    '',
    `## ${T.method}`,
    '',
    ...T.methodText.flatMap((p) => [p, '']),
    `## ${T.conv}`,
    '',
    table(T.convCols, Y.map((y) => [y.year, y.iterations, f(100 * y.gdpGap, 3), f(100 * y.energyGap, 3), y.converged ? T.yes : T.no, f(y.gdpFeedback, 4), f(y.priceResponseScale, 3), f(y.household.sdIncomeRatio, 5)])),
    '',
    `## ${T.gdp}`,
    '',
    table(T.gdpCols, Y.map((y) => [y.year, f(y.gdp.sd, 0), f(y.gdp.cge, 0), f(y.gdp.sdIndex, 4), f(y.gdp.cgeIndex, 4), pct(y.gdp.cge, y.gdp.cgeBaseline)])),
    '',
    `## ${T.energy}`,
    '',
    table(T.energyCols, Y.map((y) => [y.year, f(y.energy.sdTWh, 1), f(y.energy.sdIndex, 4), f(y.energy.sdReferenceIndex, 4), f(y.energy.cgeIndex, 4), f(y.energy.cgeBaselineIndex, 4), pct(y.energy.sdIndex, y.energy.sdReferenceIndex), pct(y.energy.cgeIndex, y.energy.cgeBaselineIndex)])),
    '',
    `## ${T.prices}`,
    '',
    table([T.year, ...fuels], Y.map((y) => [y.year, ...fuels.map((k) => f(y.priceRatio[k]!, 4))])),
    '',
    `## ${T.revenue}`,
    '',
    table([T.year, ...taxes, T.perPerson], Y.map((y) => [y.year, ...taxes.map((k) => `${f(y.revenue[k]!.scenario, 0)} (${f(y.revenue[k]!.scenario - y.revenue[k]!.baseline, 0)})`), f(y.iscRevenuePerPerson, 1)])),
    '',
    `## ${T.co2}`,
    '',
    table(T.co2Cols, Y.map((y) => [y.year, f(y.co2.cgeMt, 2), pct(y.co2.cgeMt, y.co2.cgeBaselineMt), f(y.co2.sdFossilMt, 2), pct(y.co2.sdFossilMt, y.co2.sdReferenceMt)])),
    '',
    `## ${T.sectorOut}`,
    '',
    T.sectorOutNote,
    '',
    table([T.year, ...secs, T.mean, T.gdpCol], Y.map((y) => [y.year, ...secs.map((k) => chg(y.sectors.outputRatio[k]!)), chg(y.sectors.meanOutputRatio), chg(y.sectors.gdpRatio)])),
    '',
    `## ${T.sectorFb}`,
    '',
    T.sectorFbNote,
    '',
    table([T.year, ...secs], Y.map((y) => [y.year, ...secs.map((k) => f(y.sectors.feedback[k]!, 5))])),
    '',
    `## ${T.income}`,
    '',
    T.incomeNote,
    '',
    table(T.incomeCols, Y.map((y) => [y.year, pct(tot(y.household.income, 'scenario'), tot(y.household.income, 'baseline')), chg(y.household.cpiRatio), chg(y.sectors.gdpRatio), f(y.household.incomeRatio, 5), pct(y.household.sdDisposableIncome, y.household.sdReferenceDisposableIncome)])),
    '',
    `### ${T.incomeGroup}`,
    '',
    table([T.year, ...groups], Y.map((y) => [y.year, ...groups.map((h) => chg(y.household.income[h]!.scenario / y.household.income[h]!.baseline / y.household.cpiRatio))])),
    '',
    `## ${T.ev}`,
    '',
    table([T.year, ...hh], Y.map((y) => [y.year, ...hh.map((h) => f(y.evPct[h]!, 3))])),
    '',
  ];
  return out.join('\n');
}

export function bilingualReport(d: ReportData): string {
  return `${markdownReport(d, 'es')}\n---\n\n${markdownReport(d, 'en')}`;
}
