/**
 * A streaming look at workbook XML before any parser sees it: element nesting depth, the longest
 * text run (a shared or inline string) or tag, and the number of cell elements. It reads bytes as
 * they are inflated and keeps only a few counters, so a part is judged without holding it.
 * Markup characters are ASCII, so UTF-8 text needs no decoding here.
 */

export interface XmlStats {
  maxDepth: number;
  /** Longest run of bytes between tags, or inside one tag. */
  longestRun: number;
  /** Elements named `c` (xlsx cells, any prefix) or `table-cell` (ODS). */
  cells: number;
}

export interface XmlLimitsHit {
  kind: 'depth' | 'text';
  value: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUERY = 0x3f;
const COLON = 0x3a;
const C = 0x63;
/** Name bytes kept per tag: the longest name any check compares is 16. */
const NAME_MAX = 40;
const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));
const ODS_PREFIX = ascii('table:table-');
const ODS_ROW = ascii('table:table-row');
const ODS_CELL = ascii('table:table-cell');

export class XmlGuard {
  readonly stats: XmlStats = { maxDepth: 0, longestRun: 0, cells: 0 };
  private depth = 0;
  private run = 0;
  private inTag = false;
  private quote = 0;
  private tagStart = false; // the byte after '<'
  private closing = false;
  private special = false; // <? … ?> or <! … >
  private prev = 0;
  /**
   * The tag's name as bytes (its first 40, as many as any check needs) and its length: a string
   * built a character at a time for every tag was most of a cold scan of a large sheet.
   */
  private readonly nameBytes = new Uint8Array(NAME_MAX);
  private nameLength = 0;
  /** Index of the name's first ':' (-1 for none), for its local part. */
  private colon = -1;
  /** Whether the name starts 'table:table-' (ODS rows and cells, whose text is kept). */
  private odsName = false;
  private naming = false;
  /** Text of the current tag when it is an ODS row or cell (their repeat counts matter). */
  private tag = '';
  private rowRepeat = 1;

  constructor(
    private readonly maxDepth: number,
    private readonly maxRun: number,
  ) {}

  /**
   * Feeds bytes; returns the first limit crossed, if any. The state lives in locals while a chunk
   * is scanned and goes back to the fields at its end (or at a tag's end, for endTag): a byte at a
   * time through the fields, and a startsWith per byte, were most of a large workbook's check.
   */
  push(bytes: Uint8Array): XmlLimitsHit | undefined {
    const maxRun = this.maxRun;
    const n = bytes.length;
    let run = this.run;
    let inTag = this.inTag;
    let tagStart = this.tagStart;
    let quote = this.quote;
    let naming = this.naming;
    let prev = this.prev;
    /** Whether the tag's text is kept (an ODS row or cell: `name` starts 'table:table-'). */
    let capture = this.odsName;
    for (let i = 0; i < n; i++) {
      const b = bytes[i]!;
      if (++run > maxRun) {
        this.save(run, inTag, tagStart, quote, naming, prev);
        return { kind: 'text', value: run };
      }
      if (!inTag) {
        if (b !== LT) {
          // Text up to the next '<' changes nothing but the run: skipped at once. A plain loop, not
          // indexOf: most runs are a cell's few digits, and the native call cost more than the scan.
          let end = i + 1;
          while (end < n && bytes[end] !== LT) end++;
          if (run + (end - i - 1) > maxRun) return this.crossed(inTag, tagStart, quote, naming, prev);
          run += end - i - 1;
          i = end - 1;
          continue;
        }
        inTag = true;
        tagStart = true;
        this.closing = false;
        this.special = false;
        quote = 0;
        this.nameLength = 0;
        this.colon = -1;
        this.odsName = false;
        this.tag = '';
        capture = false;
        naming = true;
        run = 0;
        continue;
      }
      if (tagStart) {
        tagStart = false;
        if (b === SLASH) {
          this.closing = true;
          naming = false;
          continue;
        }
        if (b === BANG || b === QUERY) {
          this.special = true;
          naming = false;
          continue;
        }
      }
      if (quote !== 0) {
        if (b === quote) quote = 0;
        else if (!capture) {
          // Inside a quoted attribute value only the run and the last byte change: skip to the
          // closing quote (processed by the next pass of the loop) as the text above.
          let end = i + 1;
          while (end < n && bytes[end] !== quote) end++;
          if (run + (end - i - 1) > maxRun) return this.crossed(inTag, tagStart, quote, naming, bytes[i + maxRun - run]!);
          run += end - i - 1;
          i = end - 1;
          prev = bytes[i]!;
          continue;
        }
      } else if (b === QUOTE || b === APOS) {
        quote = b;
      } else if (b === GT) {
        this.prev = prev;
        this.endTag();
        inTag = false;
        run = 0;
        // Only a tag's end changes the depth: checked here, not at every byte.
        if (this.depth > this.maxDepth) {
          this.save(run, inTag, tagStart, quote, naming, prev);
          return { kind: 'depth', value: this.depth };
        }
      } else if (naming) {
        if (b <= 0x20 || b === SLASH) naming = false;
        else if (this.nameLength < NAME_MAX) {
          if (b === COLON && this.colon < 0) this.colon = this.nameLength;
          this.nameBytes[this.nameLength++] = b;
          if (this.nameLength === ODS_PREFIX.length) this.odsName = capture = this.nameIs(ODS_PREFIX, true);
        }
      } else if (!capture) {
        // Past the tag's name and outside quotes, bytes up to the next quote or '>' change only the
        // run and the last byte: skipped as the text above (xlsx cells are mostly such attributes).
        let end = i + 1;
        while (end < n) {
          const c = bytes[end]!;
          if (c === GT || c === QUOTE || c === APOS) break;
          end++;
        }
        if (run + (end - i - 1) > maxRun) return this.crossed(inTag, tagStart, quote, naming, bytes[i + maxRun - run]!);
        run += end - i - 1;
        i = end - 1;
        prev = bytes[i]!;
        continue;
      }
      if (inTag) {
        if (capture && this.tag.length < 4096) this.tag += String.fromCharCode(b);
        prev = b;
      }
    }
    this.save(run, inTag, tagStart, quote, naming, prev);
    return undefined;
  }

  /**
   * A skipped run that crosses the limit: the state the byte loop would stop in at the crossing
   * byte (the run one past the limit; `prev`, in a tag, the byte before it), without walking there.
   */
  private crossed(inTag: boolean, tagStart: boolean, quote: number, naming: boolean, prev: number): XmlLimitsHit {
    const run = this.maxRun + 1;
    this.save(run, inTag, tagStart, quote, naming, prev);
    return { kind: 'text', value: run };
  }

  /** The scan's locals back into the fields. */
  private save(run: number, inTag: boolean, tagStart: boolean, quote: number, naming: boolean, prev: number): void {
    this.run = run;
    this.inTag = inTag;
    this.tagStart = tagStart;
    this.quote = quote;
    this.naming = naming;
    this.prev = prev;
  }

  private endTag(): void {
    this.inTag = false;
    this.run = 0;
    if (this.special) return;
    if (this.closing) {
      this.depth = Math.max(0, this.depth - 1);
      return;
    }
    const cell = this.nameLength === this.colon + 2 && this.nameBytes[this.colon + 1] === C;
    // Added at every start tag, 0 for any but a cell: the code V8 optimises while scanning a
    // workbook's first parts (no cells) then already knows the count's field, where an increment
    // reached only at the first cell dropped that code in the middle of the sheet.
    this.stats.cells += cell ? 1 : 0;
    if (cell || !this.odsName) {
      // an xlsx cell, counted; or no ODS row or cell
    } else if (this.nameIs(ODS_ROW, false)) this.rowRepeat = repeat(this.tag, 'number-rows-repeated');
    else if (this.nameIs(ODS_CELL, false) && this.tag.includes('value-type')) {
      // ODS repeats a cell across columns and its row down rows: each copy is a cell to the reader.
      this.stats.cells += repeat(this.tag, 'number-columns-repeated') * this.rowRepeat;
    }
    this.tag = '';
    if (this.prev === SLASH) return; // <x/>: opens and closes
    this.depth++;
    if (this.depth > this.stats.maxDepth) this.stats.maxDepth = this.depth;
  }

  /** Whether the name read so far is `text` (or, with `prefix`, starts with it). */
  private nameIs(text: readonly number[], prefix: boolean): boolean {
    if (prefix ? this.nameLength < text.length : this.nameLength !== text.length) return false;
    for (let k = 0; k < text.length; k++) if (this.nameBytes[k] !== text[k]) return false;
    return true;
  }
}

function repeat(tag: string, attribute: string): number {
  const m = new RegExp(`${attribute}="(\\d{1,12})"`).exec(tag);
  return m ? Math.max(1, Number(m[1])) : 1;
}
