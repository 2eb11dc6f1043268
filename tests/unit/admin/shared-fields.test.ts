import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CERTIFICATION_FIELDS } from '#domain/admin/certification-form.ts';
import { DECISION_FIELDS } from '#domain/admin/decision-form.ts';
import { optionalChoice } from '#domain/admin/form.ts';
import { checkRoundRegion, descriptionFields, roundFields } from '#domain/admin/shared-fields.ts';
import { PRODUCT_FIELDS } from '#domain/admin/product-form.ts';

describe('optionalChoice', () => {
  const region = optionalChoice(['north', 'south'], 'Chọn khu vực.');

  it('reads an empty or missing choice as null', () => {
    expect(region.parse('')).toBeNull();
    expect(region.parse(undefined)).toBeNull();
  });

  it('keeps a listed value and refuses another with the message', () => {
    expect(region.parse('north')).toBe('north');
    expect(region.safeParse('west').error?.issues[0]?.message).toBe('Chọn khu vực.');
  });
});

describe('roundFields', () => {
  const round = z.object(roundFields(2026));

  it('reads a round from its posted text', () => {
    expect(round.parse({ level: 'regional', regionCode: 'north', roundYear: '2024' })).toEqual({
      level: 'regional',
      regionCode: 'north',
      roundYear: 2024,
    });
  });

  it.each([
    ['20x4', 'Năm gồm 4 chữ số.'],
    ['1999', 'Năm từ 2000 đến 2027.'],
    ['2028', 'Năm từ 2000 đến 2027.'],
  ])('refuses the year %s with "%s"', (roundYear, message) => {
    expect(round.safeParse({ level: 'national', roundYear }).error?.issues[0]?.message).toBe(message);
  });

  it('accepts next year, the latest a round may be recorded for', () => {
    expect(round.parse({ level: 'national', roundYear: '2027' }).roundYear).toBe(2027);
  });

  it('asks for a level', () => {
    expect(round.safeParse({ level: 'galactic', roundYear: '2024' }).error?.issues[0]?.message).toBe('Chọn cấp.');
  });
});

describe('the shared field descriptions', () => {
  const names = (fields: readonly { name: string }[]) => fields.map((f) => f.name);

  it('give certifications and decisions the same round fields, in order', () => {
    const round = ['level', 'regionCode', 'roundYear'];
    expect(names(CERTIFICATION_FIELDS).join()).toContain(round.join());
    expect(names(DECISION_FIELDS).join()).toContain(round.join());
  });

  it('describe the introduction in both languages with the given length', () => {
    expect(descriptionFields(2000).map((f) => [f.name, f.max])).toEqual([
      ['descriptionVi', 2000],
      ['descriptionEn', 2000],
    ]);
    expect(names(PRODUCT_FIELDS).slice(-3)).toEqual(['descriptionVi', 'descriptionEn', 'status']);
  });
});

describe('checkRoundRegion', () => {
  const round = z
    .object({ level: z.string(), regionCode: z.string().nullable() })
    .superRefine((r, ctx) => checkRoundRegion(r, ctx, 'chứng nhận'));
  const message = (input: { level: string; regionCode: string | null }) => round.safeParse(input).error?.issues[0]?.message;

  it('asks a regional round for its region, naming the record with a capital', () => {
    expect(message({ level: 'regional', regionCode: null })).toBe('Chứng nhận cấp khu vực cần chọn khu vực.');
  });

  it('refuses a region on a round of another level', () => {
    expect(message({ level: 'provincial', regionCode: 'north' })).toBe('Chỉ chứng nhận cấp khu vực mới có khu vực.');
  });

  it('accepts a regional round with its region and a national one without', () => {
    expect(message({ level: 'regional', regionCode: 'south' })).toBeUndefined();
    expect(message({ level: 'national', regionCode: null })).toBeUndefined();
  });
});
