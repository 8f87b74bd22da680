/**
 * The reader on small hand-made files in ENAHO's real layout (lower-case names as exported from .dta,
 * upper-case .sav written by haven), the classification of each hand-made person, and bad input:
 * wrong layout, missing weight, unknown codes, a code list that does not parse, Stata files.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, UNKNOWN_SECTOR } from './classify.js';
import { loadDescriptor, readSurvey } from './read-survey.js';
import { loadRules } from './rules.js';
import { STATUSES } from './types.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(import.meta.dirname, 'test-fixtures');
const DESCRIPTOR = join(ROOT, 'models/peru/greenjobs/descriptors/enaho-2022-500.json');
const RULES_DIR = join(ROOT, 'models/peru/greenjobs');
const tmp = mkdtempSync(join(tmpdir(), 'gj-read-'));
const desc = loadDescriptor(DESCRIPTOR);

describe('reading ENAHO module 500 files through the descriptor', () => {
  it('reads the hand-made CSV: the employed only, every field mapped', async () => {
    const s = await readSurvey(join(FIX, 'enaho-500-small.csv'), desc);
    expect(s.n).toBe(6); // the OCU500 = 2 record is left out by the filter
    expect(s.year).toBe(2022);
    expect(s.synthetic).toBe(false);
    expect([...s.line]).toEqual([2, 3, 5, 6, 7, 8]);
    expect(s.activity).toEqual(['3811', '4711', '3811', '0111', '0113', '3700']);
    expect(s.occupation).toEqual(['2133', '5223', '9611', '6111', '6111', '3132']);
    expect([...s.status].map((k) => STATUSES[k])).toEqual(['employee', 'own_account', 'employee', 'own_account', 'family_worker', 'employee']);
    expect([...s.contract]).toEqual([1, -1, 0, -1, -1, 1]);
    expect([...s.pension]).toEqual([1, 0, 0, 1, 0, 1]);
    expect([...s.health]).toEqual([1, 0, 0, 0, 0, 1]);
    expect([...s.informal]).toEqual([0, 1, 1, 0, 1, 0]);
    expect(s.firmSize).toEqual(['101-500', '', '1-20', '', '', '500+']);
    expect([...s.hours]).toEqual([40, 30, 48, 50, 40, 44]);
    expect([...s.income]).toEqual([2500, 800, 1000, 500, NaN, 2200]);
    expect([...s.sex]).toEqual([0, 1, 1, 0, 1, 0]);
    expect([...s.age]).toEqual([45, 41, 19, 67, 35, 52]);
    expect(s.region).toEqual(['15', '15', '15', '08', '08', '08']);
    expect([...s.area]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...s.weight]).toEqual([250.5, 250.5, 180.25, 90, 95.5, 110]);
    expect(s.stratum).toEqual(['1', '1', '1', '6', '6', '6']);
    expect(s.psu).toEqual(['005001', '005001', '005002', '007010', '007010', '007011']);
  });

  it('reads the same records from an uncompressed SPSS .sav with upper-case names', async () => {
    const csv = await readSurvey(join(FIX, 'enaho-500-small.csv'), desc);
    const sav = await readSurvey(join(FIX, 'enaho-500-small.sav'), desc);
    for (const k of ['activity', 'occupation', 'status', 'contract', 'pension', 'health', 'informal', 'firmSize', 'hours', 'income', 'sex', 'age', 'region', 'area', 'weight', 'stratum', 'psu'] as const) {
      expect(Array.from(sav[k] as ArrayLike<unknown>), k).toEqual(Array.from(csv[k] as ArrayLike<unknown>));
    }
  });

  it('refuses a .sav that sav-reader reads short, and Stata .dta, with advice', async () => {
    await expect(readSurvey(join(FIX, 'enaho-500-small-compressed.sav'), desc)).rejects.toThrow(/read 1 of the file's 7 cases.*export it to CSV/);
    const dta = join(tmp, 'enaho.dta');
    writeFileSync(dta, 'x');
    await expect(readSurvey(dta, desc)).rejects.toThrow(/enaho\.dta: Stata \.dta files cannot be read.*export delimited/);
  });

  it('names the file, line 1 and the missing columns for a file in the wrong layout', async () => {
    const f = join(tmp, 'wrong.csv');
    writeFileSync(f, 'conglome,estrato,fac500a\n1,1,10\n');
    await expect(readSurvey(f, desc)).rejects.toThrow(/wrong\.csv:1: wrong layout for descriptor .*no column "P506R4", "P505R4"/);
  });

  it('names file, line and field for a missing weight and for a code outside the code list', async () => {
    const text = readFileSync(join(FIX, 'enaho-500-small.csv'), 'utf8').split('\n');
    const noWeight = join(tmp, 'noweight.csv');
    writeFileSync(noWeight, [...text.slice(0, 4), text[4].replace(/,180\.25$/, ','), ...text.slice(5)].join('\n'));
    await expect(readSurvey(noWeight, desc)).rejects.toThrow(/noweight\.csv:5:\d+ \(field weight\): missing survey weight/);
    const badStatus = join(tmp, 'badstatus.csv');
    writeFileSync(badStatus, [text[0], text[1].replace(',3811,3,1,4,', ',3811,9,1,4,'), ...text.slice(2)].join('\n'));
    await expect(readSurvey(badStatus, desc)).rejects.toThrow(/badstatus\.csv:2:\d+ \(field status\): code "9" is not in the descriptor's code list for P507/);
  });
});

describe('classification of the hand-made records (rules in models/peru/greenjobs)', () => {
  it('gives green, in transition and other per person as the rules say', async () => {
    const s = await readSurvey(join(FIX, 'enaho-500-small.csv'), desc);
    const c = classify(s, loadRules(join(RULES_DIR, 'rules.json')));
    expect(c.minimumWage.value).toBe(1025); // RMV in force on 2022-07-01 (DS 003-2022-TR)
    // 1: waste collection (3811), formal employee, S/ 2500, 40 h → green.
    // 2: retail (4711), own account without social security → other.
    // 3: waste collection, labourer without contract → in transition.
    // 4: crops (011x: 3 % environmental), own account with pension but S/ 500 < RMV → 0.03 in transition.
    // 5: crops, unpaid family worker (never formal) → 0.03 in transition.
    // 6: sewerage (3700), formal employee → green.
    expect([...c.green]).toEqual([1, 0, 0, 0, 0, 1]);
    expect([...c.transition].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 1, 0.03, 0.03, 0]);
    expect([...c.other].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 1, 0, 0.97, 0.97, 0]);
    expect([...c.sector].map((k) => c.sectorLabels[k])).toEqual(['Water and sanitation', 'Trade, restaurants and hotels', 'Water and sanitation', 'Agriculture', 'Agriculture', 'Water and sanitation']);
  });

  it('an environmental occupation counts in full in any activity (process approach)', async () => {
    const s = await readSurvey(join(FIX, 'enaho-500-small.csv'), desc);
    s.activity[0] = '8510'; // an education worker whose occupation is 2133 (environmental protection professional)
    const c = classify(s, loadRules(join(RULES_DIR, 'rules.json')));
    expect(c.green[0]).toBe(1);
  });

  it('unknown activity codes are an error naming file, line and field, or counted and reported with keep', async () => {
    const s = await readSurvey(join(FIX, 'enaho-500-small.csv'), desc);
    s.activity[1] = '0400'; // division 04 does not exist in CIIU rev. 4
    s.activity[2] = 'abcd';
    const rules = loadRules(join(RULES_DIR, 'rules.json'));
    expect(() => classify(s, rules)).toThrow(/enaho-500-small\.csv:3: field activity: 2 record\(s\) have an activity code .*line 3: "0400"; line 5: "abcd"/);
    const kept = classify(s, rules, 'keep');
    expect(kept.unknownActivity.count).toBe(2);
    expect(kept.unknownActivity.weighted).toBe(250.5 + 180.25);
    expect(kept.sectorLabels[kept.sector[1]]).toBe(UNKNOWN_SECTOR);
  });

  it('a rules file whose code list does not parse is an error naming file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gj-rules-'));
    for (const f of ['rules.json', 'activity-sectors.csv', 'environmental-occupations.csv', 'minimum-wage.csv', 'regions.csv']) copyFileSync(join(RULES_DIR, f), join(dir, f));
    writeFileSync(join(dir, 'environmental-activities.csv'), 'ciiu_prefix,environmental_share,basis\n3811,1,waste\n38x2,1,bad code\n');
    expect(() => loadRules(join(dir, 'rules.json'))).toThrow(/environmental-activities\.csv:3:1: "38x2" is not a code of 2 to 4 digits/);
    writeFileSync(join(dir, 'environmental-activities.csv'), 'ciiu_prefix,environmental_share,basis\n3811,1.5,too big\n');
    expect(() => loadRules(join(dir, 'rules.json'))).toThrow(/environmental-activities\.csv:2:6: a share must be between 0 and 1/);
  });
});
