/**
 * Number formats that cannot show a date or a time, told apart without SheetJS's number-format
 * code (SSF): loading it for its date test was about 50 ms of a cold compile of MEDEAS, whose
 * workbooks use plain number formats only. The test is one-sided: `true` only for a format that
 * holds no date or time code; anything else (`false`) still goes to SSF, so which cells are dates
 * is unchanged (plain-number-format.test.ts checks SSF agrees on every format it clears).
 *
 * ECMA-376 Part 1, 18.8.30 (numFmt) and 18.8.31 (numFmts): date and time codes are letters (d, m,
 * y, h, s, AM/PM, …) or bracketed elapsed times ([h]); digit placeholders are 0 # ?, and a
 * character after `\` or `_` or `*`, or text in double quotes, is shown literally.
 */

/** Built-in formats (18.8.30) that are numbers, percentages, fractions, scientific or text. */
const PLAIN_BUILT_INS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]);

/** Whether built-in format `id` (with no custom format of that id) is one of the plain ones. */
export function plainBuiltInFormat(id: number): boolean {
  return PLAIN_BUILT_INS.has(id);
}

/**
 * Whether a format code is plainly not a date or time: `General`, or outside literal text only
 * digit placeholders, digits, `. , % ; - + ( ) / $ @`, spaces and a scientific `E+`/`E-`.
 * A bracket (colours, conditions, locales and elapsed times alike) or any other letter: false.
 */
export function plainNumberFormat(code: string): boolean {
  // Only as written in the standard: SSF reads `general` as a date (its g), not `General`.
  if (code === 'General') return true;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    // \x, _x and *x: the next character is literal (escaped, a space of its width, a fill).
    if (c === 92 || c === 95 || c === 42) {
      i++;
      continue;
    }
    if (c === 34) {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
      continue;
    }
    if ((c === 69 || c === 101) && (code.charCodeAt(i + 1) === 43 || code.charCodeAt(i + 1) === 45)) {
      i++;
      continue;
    }
    if (!PLAIN_CHARS.has(c)) return false;
  }
  return true;
}

const PLAIN_CHARS: ReadonlySet<number> = new Set(Array.from('0123456789#?.,%;-+()/$@ ', (ch) => ch.charCodeAt(0)));
