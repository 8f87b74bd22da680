/** Results as CSV: one row per saved time, one column per variable; '.' decimals for any locale. */

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(time: ArrayLike<number>, names: readonly string[], series: readonly ArrayLike<number>[]): string {
  const lines = [['Time', ...names].map(cell).join(',')];
  for (let i = 0; i < time.length; i++) {
    const row = [String(time[i])];
    for (const s of series) row.push(Number.isNaN(s[i]!) ? '' : String(s[i]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Offers text or bytes as a file download. */
export function download(filename: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name: letters, digits and dashes. */
export function fileStem(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'scenario'
  );
}
