import { describe, expect, it } from 'vitest';
import { buildReport } from './pdf.js';

describe('PDF report', () => {
  it('prints further tables (the IO and CGE results) after the indicators, in Latin-1', () => {
    const pdf = buildReport({
      title: 'Informe', subtitle: 'Modelo', generated: 'hoy', leversTitle: 'Palancas', levers: [], noChanges: 'sin cambios',
      indicatorsTitle: 'Indicadores', indicatorHeader: ['Indicador', 'BAU'], indicatorRows: [['PBI', '1']],
      tables: [{ title: 'Empleos verdes y equilibrio general (2030)', header: ['Indicador', 'BAU', 'Impuesto'], rows: [['CO₂ de combustibles (% de cambio)', '0,00 %', '−5,13 %']] }],
      charts: [],
    });
    // jsPDF writes text streams uncompressed: the table's cells are in the file as drawn (parentheses escaped).
    const text = Buffer.from(pdf).toString('latin1').replace(/\\([()])/g, '$1');
    expect(text).toContain('Empleos verdes y equilibrio general (2030)');
    expect(text).toContain('CO2 de combustibles (% de cambio)');
    expect(text).toContain('-5,13 %');
  });

  it('prints what the statuses rest on under the indicator table', () => {
    const pdf = buildReport({
      title: 'Informe', subtitle: 'Modelo', generated: 'hoy', leversTitle: 'Palancas', levers: [], noChanges: 'sin cambios',
      indicatorsTitle: 'Indicadores', indicatorHeader: ['Indicador', 'Estado'], indicatorRows: [['GEI', 'Incierto · en el límite']],
      indicatorsNote: 'Estado según la banda 5–95 % de 200 corridas',
      charts: [],
    });
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toContain('Incierto · en el límite');
    expect(text).toContain('Estado según la banda 5-95 % de 200 corridas');
  });
});
