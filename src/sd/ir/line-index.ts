/** Character offsets → 1-based line and column, for every reader's diagnostics. */
import type { SourceLocation } from './diagnostics.js';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    private readonly file?: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // CR LF and a bare CR each end one line, like LF.
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10) this.lineStarts.push(i + 1);
    }
  }

  loc(offset: number): SourceLocation {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}
