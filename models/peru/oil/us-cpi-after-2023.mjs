/**
 * US CPI (FRED CPIAUCSL) annual means after the copy in ../forest ends (2023), shared by the oil and coal price
 * builders. 2024: the twelve monthly values of the copy `sivamsapingali/Codex_Macro-Monitor` (SOURCES.md);
 * 2025: the ten months in that copy (October 2025 is missing there).
 */
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const cpi2024 = mean([309.794, 311.022, 312.107, 313.016, 313.14, 313.131, 313.566, 314.131, 314.851, 315.564, 316.449,
  317.603]);
export const cpi2025 = mean([319.086, 319.775, 319.615, 320.321, 320.58, 321.5, 322.132, 323.364, 324.368, 325.031]);
