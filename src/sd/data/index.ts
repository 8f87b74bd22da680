/** Reading external data the way Vensim's GET DIRECT … / GET XLS … functions do (browser-safe). */

export type { CellRange, DataHost, DataSeries, LookupSeries, Sheet } from './types.js';
export { cellName, cellWhere, columnIndex, columnLetters, parseA1, parseCellRef, type CellRef } from './cell-ref.js';
export { getConstants } from './constants.js';
export { dropMissing, getData, getLookups } from './series.js';
export { getSubscript } from './subscript.js';
export { isAbsolutePath, parseFileTags, resolveFileTag } from './file-tags.js';
export { GridSheet, toCellValue, type CellValue } from './grid-sheet.js';
export { delimiterFor, parseDelimited } from './delimited.js';
export { parseDatFile, type DatSeries } from './dat-file.js';
