/** Builds small XMILE documents for tests. */
export interface DocOptions {
  start?: number;
  stop?: number;
  /** The whole `<dt>` element (default `<dt>1</dt>`). */
  dt?: string;
  /** Attributes of `<sim_specs>` (default `method="Euler" time_units="Months"`). */
  simAttrs?: string;
  dimensions?: string;
  behavior?: string;
  macros?: string;
}

export function xmileDoc(variables: string, o: DocOptions = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs ${o.simAttrs ?? 'method="Euler" time_units="Months"'}>
    <start>${o.start ?? 0}</start>
    <stop>${o.stop ?? 10}</stop>
    ${o.dt ?? '<dt>1</dt>'}
  </sim_specs>${o.dimensions ? `\n  <dimensions>${o.dimensions}</dimensions>` : ''}${o.behavior ? `\n  <behavior>${o.behavior}</behavior>` : ''}
  <model>
    <variables>
${variables}
    </variables>
  </model>${o.macros ?? ''}
</xmile>
`;
}
