/**
 * Vensim functions this engine knows by name but does not compute. A model that calls one
 * stops with E_UNSUPPORTED at the call, naming the function, what keeps it out (most often a
 * point Vensim's documentation leaves open, which we do not guess) and a way round it, rather
 * than with "unknown function" or, worse, a number computed some other way. Each reason is
 * written in English and Spanish (function names, page ids and code stay as Vensim writes them).
 */
import type { BilingualText } from './diagnostics.js';

/** The queues this engine takes: QUEUE FIFO with no initial content, read by QUEUE AGE IN RANGE (src/sd/analyze/queue.ts). */
const QUEUE_TAKEN: BilingualText = {
  en: 'QUEUE FIFO with an initial content of 0 and QUEUE AGE IN RANGE are supported',
  es: 'se admiten QUEUE FIFO con un contenido inicial de 0 y QUEUE AGE IN RANGE',
};
const QUEUE_HINT: BilingualText = {
  en:
    'fn_queue_fifo says the initial content is spread over ages TIME STEP to age range + TIME STEP by the profile renormalized to an area of 1 over 0 to age range, ' +
    'but not whether each TIME STEP slot takes the area under the profile over its interval or the value of the profile at one point, and this queue starts with that content; ' +
    `${QUEUE_TAKEN.en}; otherwise model the queue as a stock (INTEG) and its ages with an aging chain of stocks`,
  es:
    'fn_queue_fifo dice que el contenido inicial se reparte entre las edades TIME STEP y age range + TIME STEP según el perfil renormalizado a un área de 1 entre 0 y age range, ' +
    'pero no si cada intervalo de TIME STEP recibe el área bajo el perfil en ese intervalo o el valor del perfil en un punto, y esta cola empieza con ese contenido; ' +
    `${QUEUE_TAKEN.es}; si no, modele la cola como un stock (INTEG) y sus edades con una cadena de envejecimiento de stocks`,
};
/** QUEUE AGE AVERAGE and QUEUE AGE OLDEST: settled for a queue with content, open for an empty one. */
const QUEUE_AGE_HINT: BilingualText = {
  en:
    'fn_queue_age_average and fn_queue_age_oldest give the average age of the oldest quant elements and the oldest age (TIME STEP for a negative queue, :NA: when the argument is not a queue), ' +
    'but not what they return for an empty queue, which every queue this engine takes is at the start (QUEUE FIFO with an initial content of 0: fn_queue_fifo leaves the spread of other initial content open); ' +
    'use QUEUE AGE IN RANGE, which counts the content by age',
  es:
    'fn_queue_age_average y fn_queue_age_oldest dan la edad promedio de los quant elementos más antiguos y la edad más antigua (TIME STEP para una cola negativa, :NA: cuando el argumento no es una cola), ' +
    'pero no lo que devuelven para una cola vacía, como lo está al inicio toda cola que este motor admite (QUEUE FIFO con un contenido inicial de 0: fn_queue_fifo deja abierto el reparto de otro contenido inicial); ' +
    'use QUEUE AGE IN RANGE, que cuenta el contenido por edad',
};
/** What to write instead of either simultaneous function. */
const WRITE_IT_OUT: BilingualText = {
  en: 'write the price search or allocation out with explicit equations',
  es: 'escriba la búsqueda del precio o la asignación con ecuaciones explícitas',
};
const SIMULTANEOUS_HINT: BilingualText = {
  en:
    'simultaneousiterative.html says SIMULTANEOUS makes Vensim run around the loop until nothing in the loop changes any more, but the text read here does not say how small a change counts as none nor how many passes are tried before giving up, ' +
    `and this engine, computing each equation once per step in dependency order, does not iterate a loop within a step; ${WRITE_IT_OUT.en}`,
  es:
    'simultaneousiterative.html dice que SIMULTANEOUS hace que Vensim recorra el bucle hasta que nada en él cambie, pero el texto leído aquí no dice qué cambio cuenta como ninguno ni cuántas pasadas se intentan antes de desistir, ' +
    `y este motor, que calcula cada ecuación una vez por paso en el orden de sus dependencias, no itera un bucle dentro de un paso; ${WRITE_IT_OUT.es}`,
};
const FIND_ZERO_HINT: BilingualText = {
  en:
    'it solves equations simultaneously across the model: fn_find_zero makes the variable on its left a hidden argument over the last subscript and defines xs, z, zs, xi, n and skip, ' +
    'but the copies of fn_find_zero read here stop before saying what tol bounds, what is returned when max iter is reached, and which algorithm each method value selects, ' +
    `and this engine does not solve a block of equations within a step; ${WRITE_IT_OUT.en}`,
  es:
    'resuelve ecuaciones simultáneamente en todo el modelo: fn_find_zero hace de la variable a su izquierda un argumento oculto sobre el último subíndice y define xs, z, zs, xi, n y skip, ' +
    'pero las copias de fn_find_zero leídas aquí terminan antes de decir qué acota tol, qué se devuelve al llegar a max iter y qué algoritmo elige cada valor de method, ' +
    `y este motor no resuelve un bloque de ecuaciones dentro de un paso; ${WRITE_IT_OUT.es}`,
};
const ALLOC_HINT: BilingualText = {
  en:
    'fn_marketp says MARKETP(request[first], priority[first], size, width, supply) followed by ALLOC P(request, priority, width, that priority) has the same effect as ALLOCATE BY PRIORITY, ' +
    'but no page gives the scale of the market priority MARKETP returns (a model may show it), so the pair is not split here; use ALLOCATE BY PRIORITY(request, priority, size, width, supply)',
  es:
    'fn_marketp dice que MARKETP(request[first], priority[first], size, width, supply) seguida de ALLOC P(request, priority, width, esa prioridad) tiene el mismo efecto que ALLOCATE BY PRIORITY, ' +
    'pero ninguna página da la escala de la prioridad de mercado que devuelve MARKETP (un modelo podría mostrarla), así que aquí no se separa el par; use ALLOCATE BY PRIORITY(request, priority, size, width, supply)',
};
const VDF_HINT: BilingualText = {
  en: 'export the series to a .tab/.csv/.dat file and read it with --data or GET DIRECT DATA',
  es: 'exporte las series a un archivo .tab/.csv/.dat y léalo con --data o con GET DIRECT DATA',
};
const NO_PAGE: BilingualText = {
  en: 'no Vensim reference page for it was found in vensim.com/documentation, so its semantics are not known here',
  es: 'no se encontró ninguna página de referencia de Vensim para ella en vensim.com/documentation, así que aquí no se conoce su semántica',
};
const VECTOR_ARRAY_HINT: BilingualText = {
  en: `${NO_PAGE.en}; use SUM, PROD, VMIN or VMAX over the dimension (x[dim!]); divide SUM by ELMCOUNT for a mean`,
  es: `${NO_PAGE.es}; use SUM, PROD, VMIN o VMAX sobre la dimensión (x[dim!]); para un promedio, divida SUM entre ELMCOUNT`,
};
/** A spreadsheet in Lotus 1-2-3 format: the GET DIRECT function that reads the same thing. */
const lotus = (direct: string): BilingualText => ({
  en: `save the sheet as .xlsx or .csv and use ${direct}`,
  es: `guarde la hoja como .xlsx o .csv y use ${direct}`,
});

/** Function name (upper case, single spaces) → what keeps it out and what to write instead. */
export const UNSUPPORTED_VENSIM_FUNCTIONS: ReadonlyMap<string, BilingualText> = new Map([
  [
    'DELAY PROFILE',
    {
      en:
        'fn_delay_profile says the lookup is scaled to a probability distribution with delay time as its average, but not how its x axis is stretched to that average, how it is spread over TIME STEP slots, or how init and init grow fill the pipeline; ' +
        'use DELAY N (exponential profile of a chosen order) or DELAY FIXED (a pipeline)',
      es:
        'fn_delay_profile dice que la tabla (lookup) se escala a una distribución de probabilidad cuyo promedio es el tiempo de retardo, pero no cómo se estira su eje x hasta ese promedio, cómo se reparte entre los intervalos de TIME STEP, ni cómo init e init grow llenan la tubería; ' +
        'use DELAY N (perfil exponencial del orden que elija) o DELAY FIXED (una tubería)',
    },
  ],
  [
    'DELAY BATCH',
    {
      en:
        'fn_delay_batch and the 4.1 release notes do not say whether a batch takes all the material accumulated or bsize of it (the rest waiting), whether a batch may start in the step the previous one completes, ' +
        'nor when a batch whose time is not a whole number of TIME STEPs completes; its units line (bsize and inibacklog in units*time, input, inibatch and output in units) suggests a completed batch comes out as its amount divided by TIME STEP, which no text says; ' +
        'use DELAY FIXED on a batch you form with SAMPLE IF TRUE',
      es:
        'fn_delay_batch y las notas de la versión 4.1 no dicen si un lote toma todo el material acumulado o solo bsize de él (esperando el resto), si un lote puede empezar en el mismo paso en que termina el anterior, ' +
        'ni cuándo termina un lote cuyo tiempo no es un número entero de TIME STEP; su línea de unidades (bsize e inibacklog en units*time; input, inibatch y la salida en units) sugiere que un lote terminado sale como su cantidad dividida entre TIME STEP, lo que ningún texto dice; ' +
        'use DELAY FIXED sobre un lote que usted forme con SAMPLE IF TRUE',
    },
  ],
  [
    'DEPRECIATE BY SCHEDULE',
    {
      en:
        'fn_depreciate_by_schedule describes init both as the initial amount of depreciation (an array as long as sch) and as the fractions that are scaled to add to 1, so what init means is not settled; ' +
        'write the depreciation out with DELAY FIXED copies of str weighted by the schedule',
      es:
        'fn_depreciate_by_schedule describe init a la vez como el monto inicial de depreciación (un arreglo tan largo como sch) y como las fracciones que se escalan para sumar 1, así que no queda claro qué significa init; ' +
        'escriba la depreciación con copias DELAY FIXED de str ponderadas por el calendario',
    },
  ],
  ['QUEUE FIFO ATTRIB', QUEUE_HINT], ['QUEUE LIFO', QUEUE_HINT], ['QUEUE PRIORITY', QUEUE_HINT],
  ['QUEUE AGE AVERAGE', QUEUE_AGE_HINT], ['QUEUE AGE OLDEST', QUEUE_AGE_HINT],
  ['QUEUE ATTRIB AVERAGE', QUEUE_HINT], ['QUEUE ATTRIB QUANTITY', QUEUE_HINT], ['QUEUE ATTRIB', QUEUE_HINT],
  ['QUEUE CTH', QUEUE_HINT], ['QUEUE AGE', QUEUE_HINT],
  ['FIND ZERO', FIND_ZERO_HINT], ['SIMULTANEOUS', SIMULTANEOUS_HINT],
  ['ALLOC P', ALLOC_HINT], ['MARKETP', ALLOC_HINT],
  ['GET VDF DATA', VDF_HINT], ['GET VDF CONSTANTS', VDF_HINT], ['GET VDF LOOKUPS', VDF_HINT],
  ['GET 123 DATA', lotus('GET DIRECT DATA')],
  ['GET 123 CONSTANTS', lotus('GET DIRECT CONSTANTS')],
  ['GET 123 LOOKUPS', lotus('GET DIRECT LOOKUPS')],
  [
    'GET DATA SUM',
    {
      en: `${NO_PAGE.en}; GET DATA MEAN times the number of points in the range gives a sum`,
      es: `${NO_PAGE.es}; GET DATA MEAN multiplicada por el número de puntos del rango da la suma`,
    },
  ],
  [
    'GET DATA STDV',
    {
      en: `${NO_PAGE.en}; of the GET DATA statistics only fn_get_data_min was found, so whether it divides by the number of points or by one less is not known; GET DATA MEAN, MIN and MAX are supported`,
      es: `${NO_PAGE.es}; de las estadísticas GET DATA solo se encontró fn_get_data_min, así que no se sabe si divide entre el número de puntos o entre uno menos; se admiten GET DATA MEAN, MIN y MAX`,
    },
  ],
  [
    'GET DATA TOTAL POINTS',
    {
      en: 'its reference page (fn_get_data_total_points.html, linked from other projects) could not be read here, so whether it counts the points of the whole series or of a time range, and whether :NA: points count, is not known',
      es: 'su página de referencia (fn_get_data_total_points.html, enlazada desde otros proyectos) no se pudo leer aquí, así que no se sabe si cuenta los puntos de toda la serie o de un rango de tiempo, ni si cuentan los puntos :NA:',
    },
  ],
  ['VECTOR ARRAY MAX', VECTOR_ARRAY_HINT], ['VECTOR ARRAY MIN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY SUM', VECTOR_ARRAY_HINT],
  ['VECTOR ARRAY MEAN', VECTOR_ARRAY_HINT], ['VECTOR ARRAY PROD', VECTOR_ARRAY_HINT],
  [
    'TABXL',
    {
      en: `${NO_PAGE.en} (a Vensim forum post calls it DYNAMO's name for an extrapolating table); use LOOKUP EXTRAPOLATE`,
      es: `${NO_PAGE.es} (un mensaje del foro de Vensim dice que es el nombre que DYNAMO daba a una tabla que extrapola); use LOOKUP EXTRAPOLATE`,
    },
  ],
  ['VECTOR SELECT ROW', { en: `${NO_PAGE.en}; use VECTOR SELECT`, es: `${NO_PAGE.es}; use VECTOR SELECT` }],
]);

/**
 * isee (Stella) builtins that are not in XMILE 1.0 §3.5 and have no Vensim function of the same name,
 * seen in public Stella models: named as such, so the message does not read as a typing error.
 */
export const STELLA_ONLY_FUNCTIONS: ReadonlyMap<string, BilingualText> = new Map([
  [
    'ALLOCATE',
    {
      en: 'an isee array builtin outside XMILE 1.0, whose allocation by priority and width is isee\'s own; a .mdl model can use Vensim\'s ALLOCATE AVAILABLE',
      es: 'una función de arreglos de isee fuera de XMILE 1.0, cuyo reparto por prioridad y ancho es propio de isee; un modelo .mdl puede usar ALLOCATE AVAILABLE de Vensim',
    },
  ],
]);

/** The located message, in both languages, for a call of an unsupported Vensim or Stella-only function (undefined when it is not one). */
export function unsupportedFunctionMessage(name: string): BilingualText | undefined {
  const fn = name.toUpperCase();
  const stella = STELLA_ONLY_FUNCTIONS.get(fn);
  if (stella) return { en: `the Stella (isee) function ${fn} is not supported (${stella.en})`, es: `la función de Stella (isee) ${fn} no se admite (${stella.es})` };
  const hint = UNSUPPORTED_VENSIM_FUNCTIONS.get(fn);
  if (hint === undefined) return undefined;
  return { en: `the Vensim function ${fn} is not supported yet (${hint.en})`, es: `la función de Vensim ${fn} aún no se admite (${hint.es})` };
}
