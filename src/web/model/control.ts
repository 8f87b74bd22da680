/** Vensim's control variables: never levers, charts or explorer clutter. */
const CONTROL = new Set(['initial time', 'final time', 'time step', 'saveper']);

export function isControlVariable(key: string): boolean {
  return CONTROL.has(key);
}
