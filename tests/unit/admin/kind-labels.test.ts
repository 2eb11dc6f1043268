import { describe, expect, it } from 'vitest';
import { FAIR_LEVEL_OPTIONS } from '#domain/admin/fair-form.ts';
import {
  fairLevelLabel,
  KIND_LABELS,
  legalFormLabel,
  levelLabel,
  levelWithRegion,
  organisationKindLabel,
  regionLabel,
} from '#domain/admin/kind-labels.ts';
import { RECORD_SECTIONS } from '#domain/auth.ts';

describe('KIND_LABELS', () => {
  it('has words for every record section and no other', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...RECORD_SECTIONS].sort());
  });

  it.each(Object.entries(KIND_LABELS))('gives %s a noun, headings and a status filter', (_section, labels) => {
    expect(labels.noun.one).not.toBe('');
    expect(labels.noun.add.startsWith('Thêm ')).toBe(true);
    expect(labels.columnsHeadings.length).toBeGreaterThan(0);
    expect(labels.filters).toHaveProperty('status', 'Trạng thái');
  });
});

describe('code labels', () => {
  it.each([
    [levelLabel, 'provincial', 'Cấp tỉnh'],
    [regionLabel, 'north', 'Khu vực phía Bắc'],
    [legalFormLabel, 'cooperative', 'Hợp tác xã'],
    [fairLevelLabel, 'international', 'Quốc tế'],
    [organisationKindLabel, 'ministry', 'Bộ'],
  ])('names a known code in Vietnamese (%#)', (label, code, expected) => {
    expect(label(code)).toBe(expected);
  });

  it('falls back to the code itself for an unknown one', () => {
    expect(levelLabel('galactic')).toBe('galactic');
    expect(fairLevelLabel('galactic')).toBe('galactic');
  });

  it('names every fair level the form offers', () => {
    for (const o of FAIR_LEVEL_OPTIONS) expect(fairLevelLabel(o.value)).toBe(o.label);
  });
});

describe('levelWithRegion', () => {
  it("joins a regional level and its region: ('regional', 'north') → 'Cấp khu vực – Khu vực phía Bắc'", () => {
    expect(levelWithRegion('regional', 'north')).toBe('Cấp khu vực – Khu vực phía Bắc');
  });

  it('shows a level without a region alone', () => {
    expect(levelWithRegion('national', null)).toBe('Cấp quốc gia');
  });
});
