/**
 * Cross-check of `Fertile Cohort Share` / `Fertile Cohort Share at Path Start` (peru.mdl, group "Mothers
 * cohorts after 2023") while every cohort aged 15-64 was born by 2023 (to 2040): persons aged 15-49
 * weighted by the mothers' age pattern of fertility, among those aged 15-64, relative to 2023, from birth
 * cohorts. Weights: INEI's age-specific fertility rates of 2020-2025, hipótesis media (INEI, Perú:
 * Estimaciones y Proyecciones de Población, cuadro 2.15, Tasa y estructura de fecundidad por quinquenio
 * según edad de la mujer, http://proyectos.inei.gob.pe/web/biblioineipub/bancopub/Est/LIB0170/N11/iecbb015.htm):
 * 15-19 0.0448, 20-24 0.1107, 25-29 0.1058, 30-34 0.0791, 35-39 0.0528, 40-44 0.0227, 45-49 0.0041
 * (TFR 2.10). With equal weights the index is the plain 15-49 share (pass --unweighted). After 2040 the
 * model moves the cohorts born after 2023 with its own births; this script holds them at 573 thousand.
 * Births: INEI, Estimaciones y Proyecciones de Poblacion 1950-2050, cuadro A.1.1.2 (annual births by quinquennium, at mid-points,
 * linearly interpolated); after 2022.5 held at the 2020-2025 level. Cohorts are counted without
 * mortality or migration differences between 15-49 and 50-64 (Supuesto). Usage: node fertile-share-index.mjs
 */
const MID = [1952.5, 1957.5, 1962.5, 1967.5, 1972.5, 1977.5, 1982.5, 1987.5, 1992.5, 1997.5, 2002.5, 2007.5, 2012.5, 2017.5, 2022.5];
const BIRTHS = [384, 435, 495, 537, 574, 617, 621, 629, 622, 613, 603, 596, 589, 581, 573];

function births(year) {
  if (year <= MID[0]) return BIRTHS[0];
  if (year >= MID[MID.length - 1]) return BIRTHS[BIRTHS.length - 1];
  const i = MID.findIndex((m) => m > year) - 1;
  return BIRTHS[i] + ((BIRTHS[i + 1] - BIRTHS[i]) * (year - MID[i])) / (MID[i + 1] - MID[i]);
}

// each five-year age band 15-19 ... 60-64 is the cohort born at its mid-age (17.5 ... 62.5), as in peru.mdl
const MIDS = Array.from({ length: 10 }, (_, k) => 17.5 + 5 * k);
const ASFR = [0.0448, 0.1107, 0.1058, 0.0791, 0.0528, 0.0227, 0.0041];
const weights = process.argv.includes('--unweighted') ? ASFR.map(() => 1) : ASFR;
const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
// each five-year group of mothers counts by its fertility relative to the 15-49 mean (equal weights: 15-49 share)
const weighted = (t) => weights.reduce((s, w, g) => s + (w / mean) * births(t - MIDS[g]), 0);
const fertileShare = (t) => weighted(t) / MIDS.reduce((s, m) => s + births(t - m), 0);

const base = fertileShare(2023);
for (const t of [2023, 2025, 2030, 2035, 2040, 2045, 2050]) console.log(`${t}\t${(fertileShare(t) / base).toFixed(4)}`);
