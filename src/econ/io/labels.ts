/**
 * Row and column labels of published IO tables, in English and Spanish, and what they mean.
 * Labels are compared after normalizeLabel (lower case, no accents), so "Exportaciones" and
 * "EXPORTS" both match. Position does most of the work (see layout.ts); labels only tell subtotals,
 * totals, household accounts, imports/taxes and satellite kinds apart.
 */
import type { SatelliteKind } from './types.js';

const any = (...patterns: RegExp[]) => (label: string): boolean => patterns.some((p) => p.test(label));

/** Total output (column) or total input (row): the column/row that closes the sector block. */
export const isTotal = any(
  /^total$/,
  /^totales?$/,
  /\btotal (output|input|inputs|use|uses|demand|supply|costs?)\b/,
  /^(gross )?output\b/,
  /^(gross|total) production\b/,
  /\bproduccion\b/,
  /\bvalor bruto de (la )?produccion\b/,
  /^vbp\b/,
  /\b(demanda|oferta|utilizacion) total\b/,
  /\btotal (demanda|oferta|insumos y valor agregado)\b/,
  /\bcosto total\b/,
);

/** Subtotal columns: total intermediate use, total final demand. Checked, never summed. */
export function subtotalColumnKind(label: string): 'intermediate' | 'finalDemand' | undefined {
  if (/\bintermedi/.test(label) && !/\bimport/.test(label)) return 'intermediate';
  if (/\b(total final|final (demand|use)s? total|demanda final total|total demanda final|total (de la )?demanda final|total final (demand|use))\b/.test(label)) {
    return 'finalDemand';
  }
  if (/^(final demand|final use|demanda final|utilizacion final)$/.test(label)) return 'finalDemand';
  return undefined;
}

/** Subtotal rows: total intermediate inputs, total value added, total primary inputs. */
export function subtotalRowKind(label: string): 'intermediate' | 'valueAdded' | 'primary' | undefined {
  if (/\bintermedi/.test(label) && !/\bimport/.test(label)) return 'intermediate';
  if (/^(total )?(gross )?value added( total)?( at basic prices)?$|^(total )?valor agregado( bruto)?( total)?$|^vab$|^gva$/.test(label)) return 'valueAdded';
  if (/\btotal primary\b|\binsumos primarios\b.*total|\btotal insumos primarios\b/.test(label)) return 'primary';
  return undefined;
}

export const isHouseholdConsumption = any(
  /\bhousehold/,
  /\bhogares?\b/,
  /\bprivate consumption\b/,
  /\bpersonal consumption\b/,
  /\bconsumo (final )?privado\b/,
);

export const isLabourIncome = any(
  /\bcompensation of employees\b/,
  /\bemployee compensation\b/,
  /\bwages?\b/,
  /\bsalar/,
  /\bsueldos\b/,
  /\blabou?r (income|compensation|payments?)\b/,
  /\bremuneracion/,
  /^households?$/,
  /^hogares$/,
);

/** Primary-input rows that are not value added: imports and taxes on products. */
export const isNonValueAdded = any(
  /\bimport/,
  /\btaxes? (less subsidies )?on products\b/,
  /\bnet (product )?taxes\b/,
  /\bimpuestos? (netos? )?(de subsidios )?(sobre|a) (los )?productos\b/,
  /\bderechos de importacion\b/,
);

/** Satellite kind from a row label; undefined when the label names no satellite. */
export function satelliteKind(label: string): SatelliteKind | undefined {
  if (/\b(informal)\b/.test(label)) return 'other';
  if (/\bformal\b/.test(label)) return 'formal_employment';
  if (/\b(employment|employed|jobs?|workers|persons engaged|empleo|empleos|ocupados|ocupacion|puestos de trabajo|trabajadores|personal ocupado)\b/.test(label)) {
    return 'employment';
  }
  if (/\b(co2|co2e|ghg|gei|emissions?|emisiones|carbon|carbono)\b/.test(label)) return 'emissions';
  if (/\b(water|agua|hidric)/.test(label)) return 'water';
  if (/\b(energy|energia|tj|ktoe|toe|gwh|mwh)\b/.test(label)) return 'energy';
  return undefined;
}

/** Accounts that are usually exogenous in SAM multiplier analysis (government, capital, rest of world, taxes). */
export const isUsuallyExogenousAccount = any(
  /\bgov/,
  /\bgobierno\b/,
  /\bcapital account\b|\bsavings?\b|\binvestment\b|^s-i$|\bahorro\b|\binversion\b|\bacumulacion\b/,
  /\brest of (the )?world\b|^row$|\bresto del mundo\b|\bexterior\b/,
  /\btax(es)?\b|\bimpuestos?\b/,
);

/** A bare "Households" row and column close the model (type II); they are never a producing sector. */
export const isHouseholdAccount = (label: string): boolean => /^(the )?households?$|^hogares$/.test(label);

/** "Agricultura (A01)" and "A01" are the same sector: a code token is any token with a digit. */
export function codeOf(label: string): string | undefined {
  const tokens = label.split(/[\s()[\]:.,-]+/).filter((t) => t !== '');
  const codes = tokens.filter((t) => /\d/.test(t));
  return codes.length === 1 ? codes[0] : undefined;
}

/** The unit written in brackets at the end of a label: "Employment (thousand persons)" → thousand persons. */
export function unitOf(label: string): string | undefined {
  const m = /[([]([^()[\]]+)[)\]]\s*$/.exec(label);
  return m ? m[1].trim() : undefined;
}
