/**
 * Derives `Fertile Age Share Index` (peru.mdl, group "Fertility path after 2023"): the share of persons
 * aged 15-49 among those aged 15-64, relative to 2023, from birth cohorts. Births: INEI, Estimaciones y
 * Proyecciones de Poblacion 1950-2050, cuadro A.1.1.2 (annual births by quinquennium, at mid-points,
 * linearly interpolated); after 2022.5 held at the 2020-2025 level (Supuesto). Cohorts are counted
 * without mortality or migration differences between 15-49 and 50-64 (Supuesto; a 10 % lower survival
 * to 50-64 moves the 2050 index from 0.938 to 0.942). Usage: node fertile-share-index.mjs
 */
const MID = [1952.5, 1957.5, 1962.5, 1967.5, 1972.5, 1977.5, 1982.5, 1987.5, 1992.5, 1997.5, 2002.5, 2007.5, 2012.5, 2017.5, 2022.5];
const BIRTHS = [384, 435, 495, 537, 574, 617, 621, 629, 622, 613, 603, 596, 589, 581, 573];

function births(year) {
  if (year <= MID[0]) return BIRTHS[0];
  if (year >= MID[MID.length - 1]) return BIRTHS[BIRTHS.length - 1];
  const i = MID.findIndex((m) => m > year) - 1;
  return BIRTHS[i] + ((BIRTHS[i + 1] - BIRTHS[i]) * (year - MID[i])) / (MID[i + 1] - MID[i]);
}

const cohorts = (t, from, to) => Array.from({ length: to - from + 1 }, (_, k) => births(t - (from + k))).reduce((a, b) => a + b, 0);
const fertileShare = (t) => cohorts(t, 15, 49) / cohorts(t, 15, 64);

const base = fertileShare(2023);
for (const t of [2023, 2025, 2030, 2035, 2040, 2045, 2050]) console.log(`${t}\t${(fertileShare(t) / base).toFixed(4)}`);
