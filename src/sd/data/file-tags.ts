/**
 * Tagged file references. A Vensim model may name a data file as '?tag' and map the tag to a path
 * in Model > Settings > XLS Files (vensim.com/documentation/fn_get_direct_data.html: "use '?Tag' to
 * indirectly reference a file"). The .mdl stores the map in its settings section, after the sketch,
 * as lines `30:?tag=path` (e.g. pymedeas_w: `30:?inputs_w.xlsx=inputs_w.xlsx` and
 * `30:?../../scenarios/scen_w.xlsx=Z:\CREAF\dev\pymedeas\scenarios\scen_w.xlsx`).
 */

const TAG_LINE = /^30:\?([^=]*)=(.*)$/;

/**
 * Tag → path from a settings section (the whole .mdl text works too: only `30:?tag=path` lines
 * count). Keys are the tag as written, without '?'; paths are as written.
 */
export function parseFileTags(settingsText: string): Map<string, string> {
  const tags = new Map<string, string>();
  // Only lines holding '30:?' can match: found with indexOf, not by splitting the whole text into
  // lines (a 1.4 MB model made 3.7 MB of line strings for its two tag lines).
  let from = 0;
  for (let at = settingsText.indexOf('30:?'); at >= 0; at = settingsText.indexOf('30:?', from)) {
    const start = Math.max(settingsText.lastIndexOf('\n', at), settingsText.lastIndexOf('\r', at)) + 1;
    const end = lineEnd(settingsText, at);
    const m = TAG_LINE.exec(settingsText.slice(start, end).trim());
    if (m && m[1]!.trim() !== '') tags.set(m[1]!.trim(), m[2]!.trim());
    from = end + 1;
  }
  return tags;
}

/** Index of the first '\n' or '\r' from `at`, or the text's length. */
function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  const r = text.indexOf('\r', at);
  if (n < 0) return r < 0 ? text.length : r;
  return r < 0 ? n : Math.min(n, r);
}

/**
 * The paths to try, best first, for `file` as written in the model, with '/' separators.
 * A plain name gives itself. '?tag' gives the mapped path (when the map has the tag; matched
 * without regard to case) and then the tag itself read as a path relative to the model, which is
 * what finds the file when the mapped path is another machine's absolute Windows path.
 */
export function resolveFileTag(file: string, tagMap?: ReadonlyMap<string, string>): string[] {
  const written = file.trim();
  if (!written.startsWith('?')) return [toSlashes(written)];
  const tag = written.slice(1).trim();
  const candidates: string[] = [];
  const mapped = lookupTag(tag, tagMap);
  if (mapped !== undefined && mapped !== '') candidates.push(toSlashes(mapped));
  const own = toSlashes(tag);
  if (!candidates.includes(own)) candidates.push(own);
  return candidates;
}

/** True for 'C:\…', 'C:/…', '\\server\…' and '/…': paths that do not depend on the model's folder. */
export function isAbsolutePath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('/') || path.startsWith('\\\\');
}

function lookupTag(tag: string, tagMap?: ReadonlyMap<string, string>): string | undefined {
  if (!tagMap) return undefined;
  const exact = tagMap.get(tag) ?? tagMap.get('?' + tag);
  if (exact !== undefined) return exact;
  const want = tag.toLowerCase();
  for (const [k, v] of tagMap) {
    if (k.replace(/^\?/, '').toLowerCase() === want) return v;
  }
  return undefined;
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
