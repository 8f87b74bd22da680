import { describe, expect, it } from 'vitest';
import { syntheticData } from '../testing/synthetic.js';
import { oscillatorModel } from '../testing/toy-model.js';
import { calibrate, calibratedParams } from './calibrate.js';
import { calibrationHtml, calibrationJson, calibrationMarkdown, calibrationText } from './report.js';

describe('calibration report', () => {
  const model = oscillatorModel();
  const data = syntheticData(model, { truth: { 'delivery delay': 4 }, columns: ['Inventory', 'Supply Line'], noise: 0.02, seed: 3 });
  // 'adjustment time' is held to [2.5, 3] although the data were made with 2: it must end on a bound.
  const result = calibrate(
    model,
    { parameters: [{ name: 'delivery delay', lo: 1, hi: 8 }, { name: 'Adjustment_Time', lo: 2.5, hi: 3 }], data },
    { starts: 2, seed: 1 },
  );

  it('flags a parameter that ends on its bound and names it in every format', () => {
    expect(result.parameters[1].atBound).toBe('lower');
    expect(result.parameters[1].value).toBe(2.5);
    expect(calibrationText(result)).toContain('"adjustment time" ended on its lower bound (2.5)');
    expect(JSON.stringify(calibrationJson(result))).toContain('"atBound":"lower"');
  });

  it('writes one inline SVG plot per series in Markdown and HTML, with no external links', () => {
    for (const doc of [calibrationMarkdown(result, 'Fit'), calibrationHtml(result, 'Fit')]) {
      expect(doc.match(/<svg /g)).toHaveLength(2);
      expect(doc).not.toMatch(/(src|href)="http/);
      // One marker per observation of each series.
      expect(doc.match(/<circle /g)!.length).toBe(2 * data.series[0].time.length + 2);
    }
  });

  it('lists the calibrated values under the model spelling for --out-params', () => {
    expect(Object.keys(calibratedParams(result))).toEqual(['delivery delay', 'adjustment time']);
  });
});
