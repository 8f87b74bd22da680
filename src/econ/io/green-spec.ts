/**
 * The green-jobs shares of a loaded IO table: the environmental share by sector (the
 * classification) and the formal share (the decent-work filter). Given files win, else the
 * table descriptor's `greenJobs` files, else green-classification.csv / informality.csv beside the
 * table, else (formal share only) the table's formal-employment satellite.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { formalShareFromTable, readGreenClassification, readInformality, type GreenSpec } from './greenjobs.js';
import type { LoadedTable } from './load.js';

export function greenSpecFor(loaded: LoadedTable, o: { green?: string; informality?: string } = {}): GreenSpec {
  const { table, descriptor, descriptorPath } = loaded;
  const beside = (name: string): string | undefined => {
    const p = join(dirname(table.source), name);
    return existsSync(p) ? p : undefined;
  };
  const fromDescriptor = (p?: string): string | undefined => (p && descriptorPath ? resolve(dirname(descriptorPath), p) : p);
  const classification = o.green ?? fromDescriptor(descriptor.greenJobs?.classification) ?? beside('green-classification.csv');
  if (!classification) {
    throw new InputError(table.source, { en: 'no green classification: give --green FILE.csv (columns sector,environmental_share) or put green-classification.csv beside the table', es: 'no hay clasificación verde: indique --green FILE.csv (columnas sector,environmental_share) o ponga green-classification.csv junto a la tabla' });
  }
  const informality = o.informality ?? fromDescriptor(descriptor.greenJobs?.informality) ?? beside('informality.csv');
  let formalShare: number[] | undefined;
  let formalBasis: string;
  if (informality) {
    formalShare = readInformality(informality, table.sectors).map((s) => 1 - s);
    formalBasis = `1 − informal share from ${informality}`;
  } else {
    formalShare = formalShareFromTable(table);
    formalBasis = 'formal employment / employment satellites of the table';
  }
  if (!formalShare) {
    throw new InputError(table.source, { en: 'no decent-work filter: give --informality FILE.csv (columns sector,informal_share) or formal-employment and employment satellite rows', es: 'no hay filtro de trabajo decente: indique --informality FILE.csv (columnas sector,informal_share) o filas satélite de empleo formal y de empleo' });
  }
  return { environmentalShare: readGreenClassification(classification, table.sectors), formalShare, basis: { environmental: classification, formal: formalBasis } };
}
