/**
 * Vensim functions this engine knows by name but does not compute. A model that calls one
 * stops with E_UNSUPPORTED at the call, naming the function, what keeps it out (most often a
 * point Vensim's documentation leaves open, which we do not guess) and a way round it, rather
 * than with "unknown function" or, worse, a number computed some other way.
 */

const QUEUE_HINT =
  'its reference pages (fn_queue_fifo and its readers) do not say how an initial profile is split over TIME STEP slots, by area or by point, nor what age an arrival has in its first step, which every reader depends on; ' +
  'model the queue as a stock (INTEG) and its ages with an aging chain of stocks';
const SIMULTANEOUS_HINT =
  'it solves equations simultaneously across the model (the variable on its left is a hidden argument), which this engine, computing each equation once per step in dependency order, does not do; ' +
  'write the price search or allocation out with explicit equations';
const CURVE_HINT =
  'not computed yet: it reads demand and supply curves from priority profiles (Vensim documentation/24335.html), which this engine applies only inside ALLOCATE AVAILABLE; ' +
  'write the curves and the price search out with explicit equations';
const ALLOC_HINT =
  'fn_marketp says MARKETP(request[first], priority[first], size, width, supply) followed by ALLOC P(request, priority, width, that priority) has the same effect as ALLOCATE BY PRIORITY, ' +
  'but no page gives the scale of the market priority MARKETP returns (a model may show it), so the pair is not split here; use ALLOCATE BY PRIORITY(request, priority, size, width, supply)';
const VDF_HINT = 'export the series to a .tab/.csv/.dat file and read it with --data or GET DIRECT DATA';
const NO_PAGE = 'no Vensim reference page for it was found in vensim.com/documentation, so its semantics are not known here';
const VECTOR_ARRAY_HINT = `${NO_PAGE}; use SUM, PROD, VMIN or VMAX over the dimension (x[dim!]); divide SUM by ELMCOUNT for a mean`;

/** Function name (upper case, single spaces) → what keeps it out and what to write instead. */
export const UNSUPPORTED_VENSIM_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  [
    'DELAY PROFILE',
    'fn_delay_profile says the lookup is scaled to a probability distribution with delay time as its average, but not how its x axis is stretched to that average, how it is spread over TIME STEP slots, or how init and init grow fill the pipeline; ' +
      'use DELAY N (exponential profile of a chosen order) or DELAY FIXED (a pipeline)',
  ],
  [
    'DELAY BATCH',
    'fn_delay_batch and the 4.1 release notes do not say whether a batch may start in the step the previous one completes, nor when a batch whose time is not a whole number of TIME STEPs completes; ' +
      'use DELAY FIXED on a batch you form with SAMPLE IF TRUE',
  ],
  ['QUEUE FIFO', QUEUE_HINT], ['QUEUE FIFO ATTRIB', QUEUE_HINT], ['QUEUE LIFO', QUEUE_HINT], ['QUEUE PRIORITY', QUEUE_HINT],
  ['QUEUE AGE AVERAGE', QUEUE_HINT], ['QUEUE AGE IN RANGE', QUEUE_HINT], ['QUEUE AGE OLDEST', QUEUE_HINT],
  ['QUEUE ATTRIB AVERAGE', QUEUE_HINT], ['QUEUE ATTRIB QUANTITY', QUEUE_HINT], ['QUEUE ATTRIB', QUEUE_HINT],
  ['QUEUE CTH', QUEUE_HINT], ['QUEUE AGE', QUEUE_HINT],
  ['FIND ZERO', SIMULTANEOUS_HINT], ['SIMULTANEOUS', SIMULTANEOUS_HINT],
  ['FIND MARKET PRICE', CURVE_HINT], ['DEMAND AT PRICE', CURVE_HINT], ['SUPPLY AT PRICE', CURVE_HINT],
  ['ALLOC P', ALLOC_HINT], ['MARKETP', ALLOC_HINT],
  ['GET VDF DATA', VDF_HINT], ['GET VDF CONSTANTS', VDF_HINT], ['GET VDF LOOKUPS', VDF_HINT],
  ['GET 123 DATA', 'save the sheet as .xlsx or .csv and use GET DIRECT DATA'],
  ['GET 123 CONSTANTS', 'save the sheet as .xlsx or .csv and use GET DIRECT CONSTANTS'],
  ['GET 123 LOOKUPS', 'save the sheet as .xlsx or .csv and use GET DIRECT LOOKUPS'],
  ['GET DATA SUM', `${NO_PAGE}; GET DATA MEAN times the number of points in the range gives a sum`],
  ['GET DATA TOTAL POINTS', NO_PAGE],
  ['VECTOR ARRAY MAX', VECTOR_ARRAY_HINT], ['VECTOR ARRAY MIN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY SUM', VECTOR_ARRAY_HINT],
  ['VECTOR ARRAY MEAN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY PROD', VECTOR_ARRAY_HINT],
  ['TABXL', `${NO_PAGE} (a Vensim forum post calls it DYNAMO's name for an extrapolating table); use LOOKUP EXTRAPOLATE`],
  ['VECTOR SELECT ROW', `${NO_PAGE}; use VECTOR SELECT`],
]);

/** The located message for a call of an unsupported Vensim function (undefined when it is not one). */
export function unsupportedFunctionMessage(name: string): string | undefined {
  const fn = name.toUpperCase();
  const hint = UNSUPPORTED_VENSIM_FUNCTIONS.get(fn);
  return hint === undefined ? undefined : `the Vensim function ${fn} is not supported yet (${hint})`;
}
