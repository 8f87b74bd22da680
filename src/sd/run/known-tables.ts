/**
 * The tables a compiled model read from outside its equations (data variables' series, GET …
 * LOOKUPS tables), by element name (`Name` or `Name[e1,e2]`), as the XMILE writer asks for them
 * to write those variables as graphical functions (src/sd/xmile/writer-data.ts).
 */
import type { KnownTables } from '../xmile/writer-data.js';
import type { CompiledModel } from './compiled-model.js';

export function knownTables(model: CompiledModel): KnownTables {
  const { nodes, data, lookups } = model.scalar;
  const series = new Map<string, (typeof data)[number]>();
  for (const n of nodes) if (n.kind === 'data' && !n.hidden && n.data !== undefined) series.set(n.name, data[n.data]!);
  const tables = new Map(lookups.map((l) => [l.name, l]));
  return { data: (name) => series.get(name), lookup: (name) => tables.get(name) };
}
