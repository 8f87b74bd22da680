/** The units check moved into the engine (src/sd/analyze/units.ts); kept here for existing callers. */
export { checkUnits, formatDim, parseUnits, sameDim, type Dim, type UnitIssue, type UnitCheckOptions } from '../../sd/analyze/units.js';
