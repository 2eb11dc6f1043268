/**
 * Fields more than one staff form asks (#21.3): the round a record belongs to, its source address, its
 * introduction in both languages and its status, each with the rule that reads it.
 */
import { z } from 'zod';
import { LEVELS, REGIONS, type CertificationLevel, type RegionCode } from '#domain/levels.ts';
import { fill } from '#domain/strings.ts';
import { optionalChoice, type FieldSpec, type Option } from './form.ts';
import { ADMIN_WORDS } from './words.ts';

/**
 * The round a certification or a decision belongs to: its level, its region (regional rounds only) and its
 * year, from 2000 to next year (`thisYear`, the current year in UTC unless given, + 1).
 */
export const roundFields = (thisYear = new Date().getUTCFullYear()) => ({
  level: z.enum(LEVELS.map((l) => l.code) as [CertificationLevel, ...CertificationLevel[]], { error: ADMIN_WORDS.chooseLevel }),
  regionCode: optionalChoice(REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]], ADMIN_WORDS.chooseRegion),
  roundYear: z
    .string({ error: ADMIN_WORDS.yearRequired })
    .regex(/^\d{4}$/, ADMIN_WORDS.yearDigits)
    .transform(Number)
    .refine((y) => y >= 2000 && y <= thisYear + 1, fill(ADMIN_WORDS.yearRange, { max: thisYear + 1 })),
});

/** A regional round names its region and no other round does: checkRoundRegion(certification, ctx, 'chứng nhận'). */
export function checkRoundRegion(round: { level: string; regionCode: string | null }, ctx: z.RefinementCtx, record: string): void {
  const words = { record, Record: record.charAt(0).toUpperCase() + record.slice(1) };
  if (round.level === 'regional' && !round.regionCode)
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: fill(ADMIN_WORDS.regionMissing, words) });
  if (round.level !== 'regional' && round.regionCode)
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: fill(ADMIN_WORDS.regionNotAllowed, words) });
}

/** The fields of a round, as roundFields reads them. */
export const ROUND_FIELDS: readonly FieldSpec[] = [
  { name: 'level', label: ADMIN_WORDS.level, kind: 'select', options: 'levels', required: true },
  { name: 'regionCode', label: ADMIN_WORDS.region, kind: 'select', options: 'regions', hint: ADMIN_WORDS.regionHint },
  { name: 'roundYear', label: ADMIN_WORDS.roundYear, kind: 'number', required: true, max: 4 },
];

/** A record's source address (certifications, decisions, fairs). */
export const SOURCE_URL_FIELD: FieldSpec = {
  name: 'sourceUrl',
  label: ADMIN_WORDS.source,
  kind: 'url',
  max: 500,
  hint: ADMIN_WORDS.webUrlHint,
};

/** The introduction in both languages (products, establishments, fairs), each at most `max` characters. */
export const descriptionFields = (max: number): FieldSpec[] => [
  { name: 'descriptionVi', label: ADMIN_WORDS.descriptionVi, kind: 'textarea', max },
  { name: 'descriptionEn', label: ADMIN_WORDS.descriptionEn, kind: 'textarea', max },
];

/** Draft or published: the last field of every public record's form. */
export const STATUS_FIELD: FieldSpec = { name: 'status', label: ADMIN_WORDS.status, kind: 'select', options: 'statuses', required: true };

export const STATUS_OPTIONS: Option[] = [
  { value: 'published', label: 'Đã công bố' },
  { value: 'draft', label: 'Bản nháp (không hiện trên trang công khai)' },
];
