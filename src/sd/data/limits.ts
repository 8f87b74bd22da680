/**
 * What a data file may cost before it is read. Each limit is checked before the memory it guards
 * is allocated (file size before decoding, zip sizes from the central directory before inflating,
 * XML depth and text runs while streaming, cell counts before building rows). Callers may raise
 * or lower any of them; the defaults hold every statistics-office table we know of with room to spare.
 */

export interface DataLimits {
  /** Bytes of the file itself. Default 64 MiB. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of a zip workbook's parts (xlsx, xlsm, ods). Default 256 MiB. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of any one zip part larger than 1 MiB. Default 200. */
  maxCompressionRatio: number;
  /** Parts in a zip workbook. Default 10,000. */
  maxZipEntries: number;
  /** Non-empty cells over all sheets read. Default 5,000,000. */
  maxCells: number;
  /** Bytes of one text run in workbook XML (a shared string, an inline string). Default 256 KiB (Excel caps a cell at 32,767 characters). */
  maxTextBytes: number;
  /** Element nesting in workbook XML. Default 128 (real files nest below 20). */
  maxXmlDepth: number;
}

export const DEFAULT_DATA_LIMITS: Readonly<DataLimits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  maxCells: 5_000_000,
  maxTextBytes: 256 * 1024,
  maxXmlDepth: 128,
});

export function withLimits(partial?: Partial<DataLimits>): DataLimits {
  return { ...DEFAULT_DATA_LIMITS, ...partial };
}

/** '1.5 MiB' for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}
