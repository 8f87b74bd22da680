/**
 * Vensim functions this engine knows by name but does not compute yet. A model that calls one
 * stops with E_UNSUPPORTED at the call, naming the function and a way round it, rather than
 * with "unknown function" or, worse, a number computed some other way.
 */

const QUEUE_HINT = 'model the queue as a stock (INTEG) and its ages with an aging chain of stocks';
const MARKET_HINT = 'write the price search or allocation out with explicit equations';
const VDF_HINT = 'export the series to a .tab/.csv/.dat file and read it with --data or GET DIRECT DATA';
const VECTOR_ARRAY_HINT = 'use SUM, PROD, VMIN or VMAX over the dimension (x[dim!]); divide SUM by ELMCOUNT for a mean';
const UNDOCUMENTED = 'no Vensim reference page was found for its semantics';

/** Function name (upper case, single spaces) → a hint on what to write instead. */
export const UNSUPPORTED_VENSIM_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  // fn_delay_profile: the profile is spread over time when the delay starts; how Vensim discretises it is not documented.
  ['DELAY PROFILE', 'use DELAY N (exponential profile of a chosen order) or DELAY FIXED (a pipeline)'],
  ['DELAY BATCH', 'use DELAY FIXED'],
  // The QUEUE family (fn_queue_fifo and its readers) keeps every arrival's age; not computed yet. The
  // pages leave open how the initial profile is split over TIME STEP slots (by area or by point) and
  // the age an arrival has in its first step, which the readers' values depend on.
  ['QUEUE FIFO', QUEUE_HINT], ['QUEUE FIFO ATTRIB', QUEUE_HINT], ['QUEUE LIFO', QUEUE_HINT], ['QUEUE PRIORITY', QUEUE_HINT],
  ['QUEUE AGE AVERAGE', QUEUE_HINT], ['QUEUE AGE IN RANGE', QUEUE_HINT], ['QUEUE AGE OLDEST', QUEUE_HINT],
  ['QUEUE ATTRIB AVERAGE', QUEUE_HINT], ['QUEUE ATTRIB QUANTITY', QUEUE_HINT], ['QUEUE ATTRIB', QUEUE_HINT],
  ['QUEUE CTH', QUEUE_HINT], ['QUEUE AGE', QUEUE_HINT],
  ['FIND ZERO', MARKET_HINT], ['FIND MARKET PRICE', MARKET_HINT], ['ALLOC P', MARKET_HINT], ['MARKETP', MARKET_HINT],
  ['DEMAND AT PRICE', MARKET_HINT], ['SUPPLY AT PRICE', MARKET_HINT], ['SIMULTANEOUS', MARKET_HINT],
  ['GET VDF DATA', VDF_HINT], ['GET VDF CONSTANTS', VDF_HINT], ['GET VDF LOOKUPS', VDF_HINT],
  ['GET 123 DATA', 'save the sheet as .xlsx or .csv and use GET DIRECT DATA'],
  ['GET 123 CONSTANTS', 'save the sheet as .xlsx or .csv and use GET DIRECT CONSTANTS'],
  ['GET 123 LOOKUPS', 'save the sheet as .xlsx or .csv and use GET DIRECT LOOKUPS'],
  ['GET DATA SUM', `${UNDOCUMENTED}; GET DATA MEAN times the number of points in the range gives a sum`],
  ['GET DATA TOTAL POINTS', UNDOCUMENTED],
  ['VECTOR ARRAY MAX', VECTOR_ARRAY_HINT], ['VECTOR ARRAY MIN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY SUM', VECTOR_ARRAY_HINT],
  ['VECTOR ARRAY MEAN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY PROD', VECTOR_ARRAY_HINT],
  ['TABXL', 'use LOOKUP EXTRAPOLATE'],
  ['VECTOR SELECT ROW', 'use VECTOR SELECT'],
]);

/** The located message for a call of an unsupported Vensim function (undefined when it is not one). */
export function unsupportedFunctionMessage(name: string): string | undefined {
  const fn = name.toUpperCase();
  const hint = UNSUPPORTED_VENSIM_FUNCTIONS.get(fn);
  return hint === undefined ? undefined : `the Vensim function ${fn} is not supported yet (${hint})`;
}
