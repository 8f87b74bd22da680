/** Character offsets → 1-based line and column, for every reader's diagnostics. */
import type { SourceLocation } from './diagnostics.js';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    private readonly file?: string,
  ) {
    // Text whose every CR is part of a CR LF (or that has no CR) has its line ends found by
    // indexOf, natively, instead of a look at each of a large model's million characters.
    if (!/\r(?!\n)/.test(text)) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // CR LF and a bare CR each end one line, like LF.
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10) this.lineStarts.push(i + 1);
    }
  }

  /** The line the last look-up found: readers ask in reading order, mostly on that line or a few after. */
  private last = 0;

  loc(offset: number): SourceLocation {
    const starts = this.lineStarts;
    const top = starts.length - 1;
    let lo = this.last;
    if (starts[lo]! <= offset) {
      for (let k = 0; k < 4 && lo < top && starts[lo + 1]! <= offset; k++) lo++;
    }
    if (starts[lo]! > offset || (lo < top && starts[lo + 1]! <= offset)) {
      lo = 0;
      let hi = top;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
    }
    this.last = lo;
    return { file: this.file, line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
