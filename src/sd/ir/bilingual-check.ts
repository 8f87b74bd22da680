/**
 * For tests of bilingual messages: the parts a translation must keep as they are (Vensim function
 * names, reference page ids, file types, XML tags, code, numbers), so a Spanish text that drops or
 * renames one, or an English text left untranslated, can be told apart from a faithful one.
 */

/** Words that mark an English sentence; none belongs in the Spanish text. */
const ENGLISH_WORDS = /\b(the|is|are|not|and|with|which|supported|only|yet|has|uses)\b/i;

const KEPT = [
  /\$\{[^}]*\}/g, // a placeholder filled in at run time
  /fn_\w+|[\w/]*\d+\.html|[\w.]+\.com\/\w+/g, // Vensim reference pages
  /\w+\[[^\]]*\]/g, // subscripted code: x[dim!]
  /<\/?\w+\/?>/g, // XML tags
  /--\w+|\.(?:tab|csv|dat|xlsx|mdl)\b/g, // options and file types
  /\b[A-Z][A-Z0-9_]*(?: [A-Z0-9][A-Z0-9_]*)*\b/g, // Vensim names in capitals: TIME STEP, DELAY N
  /\b\d+(?:\.\d+)?\b/g,
];

/** The kept parts of a message, sorted, with English plurals of capital names (TIME STEPs) singular. */
export function keptTokens(text: string): string[] {
  let rest = text.replace(/\b([A-Z][A-Z0-9]+)s\b/g, '$1');
  const found: string[] = [];
  for (const re of KEPT) {
    rest = rest.replace(re, (m) => {
      found.push(m);
      return ' ';
    });
  }
  return found.sort();
}

/** What is wrong with a pair, or undefined when both languages name the same things. */
export function bilingualProblem(en: string, es: string): string | undefined {
  if (!en.trim() || !es.trim()) return 'a language is empty';
  const a = keptTokens(en).join(' | ');
  const b = keptTokens(es).join(' | ');
  if (a !== b) return `the names differ: en [${a}] es [${b}]`;
  let prose = es;
  for (const re of KEPT) prose = prose.replace(re, ' ');
  // A text may be the same in both languages ("${NO_PAGE}; use VECTOR SELECT"), but not English prose.
  return ENGLISH_WORDS.test(prose) ? `the Spanish has English words: ${es}` : undefined;
}
