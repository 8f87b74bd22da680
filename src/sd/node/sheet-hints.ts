/**
 * The workbook sheets a Vensim model's text names, found before it is parsed, so that the Node
 * host can start reading them on another thread while the model parses (workbook-prefetch.ts).
 * Every GET DIRECT … / GET XLS … call names its file then its tab as its first two arguments,
 * quoted: `'?inputs.xlsx', 'Economy'` (vensim.com/documentation/fn_get_direct_data.html). A hint
 * only: a sheet it misses is read when the model asks for it, one it finds in error is never used.
 */

/** Written files that name a workbook: a '?tag' (mapped by the settings) or a spreadsheet's name. */
const WORKBOOK_FILE = /^\?|\.(xls|xlsx|xlsm|xlsb|ods)$/i;

/** File as written → tabs, in the order the text first names them. */
export function sheetHints(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // A quoted text, a comma, a quoted text: one scan of the model (MEDEAS, 1.4 MB: 3 ms).
  const re = /'([^'\r\n]{1,400})'\s*,\s*'([^'\r\n]{0,200})'/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const file = m[1]!.trim();
    if (!WORKBOOK_FILE.test(file)) {
      // The second text may be the next call's file: look again from just past this one's quote.
      re.lastIndex = m.index + 1;
      continue;
    }
    let tabs = out.get(file);
    if (!tabs) out.set(file, (tabs = []));
    if (!tabs.includes(m[2]!)) tabs.push(m[2]!);
  }
  return out;
}
