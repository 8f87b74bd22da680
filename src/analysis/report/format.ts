/** Number formatting shared by the text, Markdown and HTML reports. */

/** Up to `digits` significant digits, no trailing zeros; NaN as "–". */
export function fmt(x: number, digits = 6): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return String(Number(x.toPrecision(digits)));
  return x.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Markdown table cell: pipes escaped. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
