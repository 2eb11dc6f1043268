import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { decodeCsvBytes, parseCsv } from '#domain/import/csv.ts';
import { importProblems, problemWords, type ImportProblemCode } from '#domain/import/problems.ts';
import { validateImport } from '#domain/import/rows.ts';
import { tableProblems } from '#domain/strings.ts';

const provinces = seedProvinceUnits();

describe('importProblems', () => {
  it('words every code in both languages with the same placeholders', () => {
    expect(tableProblems(importProblems.texts)).toEqual([]);
    for (const text of [...Object.values(importProblems('vi')), ...Object.values(importProblems('en'))]) expect(text.trim()).not.toBe('');
  });

  it('has Vietnamese words of its own for every code but those that pass another module’s words through', () => {
    const passThrough = new Set(['workbook', 'unsafe-text', 'english-name-invalid', 'field-refused']);
    for (const [code, en] of Object.entries(importProblems('en')))
      if (!passThrough.has(code)) expect(importProblems('vi')[code as ImportProblemCode]).not.toBe(en);
  });
});

describe('problemWords', () => {
  it('takes both languages from the code, placeholders filled', () => {
    expect(problemWords('year-out-of-range', { year: 2031, max: 2027 })).toEqual({
      code: 'year-out-of-range',
      reason: '2031 is outside 2000–2027',
      vi: 'năm 2031 nằm ngoài 2000–2027',
    });
  });

  it('fills a value given in each language with that language’s own', () => {
    const words = problemWords('column-twice', { column: { vi: 'Cấp', en: 'level' } });
    expect(words.reason).toBe('column level appears twice');
    expect(words.vi).toBe('cột “Cấp” xuất hiện hai lần');
  });
});

describe('issues raised by the importer', () => {
  /** Every issue's words are its code's words: neither language is looked up from the other. */
  const wordedByCode = (issue: { code: ImportProblemCode; reason: string; vi: string }) => {
    const [en, vi] = [importProblems('en')[issue.code], importProblems('vi')[issue.code]];
    const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*')}$`, 's');
    expect(issue.reason).toMatch(pattern(en));
    expect(issue.vi).toMatch(pattern(vi));
  };

  it('carries a code with both languages on every error and warning of a faulty file', () => {
    const csv = [
      'product_name,producer,province,product_group,level,year,decision_no,score,source_url,extra',
      ',,,9,,20x,,,,',
      'Trà,HTX A,Atlantis,,galactic,2031,,150,ftp://x,',
      'Trà,,Lạng Sơn,,provincial,2021,,,http://example.vn/a,',
      'Trà,,Lạng Sơn,,provincial,2021,,,,,,',
    ].join('\n');
    const { errors, warnings } = validateImport(csv, { provinces, currentYear: 2026 });
    const codes = new Set([...errors, ...warnings].map((i) => i.code));
    for (const code of ['column-unknown', 'product-name-missing', 'group-unknown', 'level-missing', 'year-not-4-digits'] as const)
      expect(codes).toContain(code);
    for (const code of ['province-unknown', 'level-unknown', 'year-out-of-range', 'score-invalid', 'source-not-web'] as const)
      expect(codes).toContain(code);
    for (const issue of [...errors, ...warnings]) wordedByCode(issue);
  });

  it('words a file the CSV reader refuses by its code', () => {
    const parsed = parseCsv('a\n"open');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe('quote-not-closed');
      wordedByCode(parsed);
    }
    const decoded = decodeCsvBytes(new Uint8Array([0x89, 0x50, 0x00, 0x1a]));
    expect(decoded).toMatchObject({ ok: false, code: 'not-text', vi: importProblems('vi')['not-text'] });
  });
});
