import { foldVietnamese } from './text.ts';

export type CertificationLevel = 'commune' | 'district' | 'provincial' | 'regional' | 'national';
export type RegionCode = 'north' | 'central' | 'south';
export interface LevelValue {
  level: CertificationLevel;
  region: RegionCode | null;
}

/** Levels from lowest to highest. District is the legacy level before 1 July 2025 (now commune). */
export const LEVELS: readonly { code: CertificationLevel; vi: string; en: string }[] = [
  { code: 'commune', vi: 'Cấp xã', en: 'Commune' },
  { code: 'district', vi: 'Cấp huyện', en: 'District' },
  { code: 'provincial', vi: 'Cấp tỉnh', en: 'Provincial' },
  { code: 'regional', vi: 'Cấp khu vực', en: 'Regional' },
  { code: 'national', vi: 'Cấp quốc gia', en: 'National' },
];

export const REGIONS: readonly { code: RegionCode; vi: string; en: string }[] = [
  { code: 'north', vi: 'Khu vực phía Bắc', en: 'Northern region' },
  { code: 'central', vi: 'Khu vực miền Trung – Tây Nguyên', en: 'Central and Central Highlands region' },
  { code: 'south', vi: 'Khu vực phía Nam', en: 'Southern region' },
];

export const ACCEPTED_LEVEL_CODES = [
  'national',
  'regional_north',
  'regional_central',
  'regional_south',
  'provincial',
  'district',
  'commune',
] as const;

/** Folded words → level, after "cap"/"level"/"khu vuc"/"regional" noise is handled below. */
const LEVEL_WORDS: Record<string, CertificationLevel> = {
  'quoc gia': 'national',
  national: 'national',
  tinh: 'provincial',
  provincial: 'provincial',
  province: 'provincial',
  huyen: 'district',
  district: 'district',
  xa: 'commune',
  commune: 'commune',
};

const REGION_WORDS: readonly [RegExp, RegionCode][] = [
  [/^(phia bac|mien bac|bac|north|northern)$/, 'north'],
  [
    /^(mien trung tay nguyen|mien trung va tay nguyen|mien trung|trung tay nguyen|central|central highlands|central and central highlands)$/,
    'central',
  ],
  [/^(phia nam|mien nam|nam|south|southern)$/, 'south'],
];

/**
 * Reads a level as lists write it: import codes, Vietnamese or English, any case, with or without marks.
 * parseLevel('Cấp khu vực phía Bắc') → { level: 'regional', region: 'north' }; a bare "khu vực" → null.
 */
export function parseLevel(input: string): LevelValue | null {
  const words = foldVietnamese(input)
    .replace(/[-_–—()/,.:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(cap|level) /, '')
    .replace(/ (level|region|cap)$/, '');
  const level = LEVEL_WORDS[words];
  if (level) return { level, region: null };
  const regional = /^(?:regional|region|khu vuc|vung) ?(.*)$/.exec(words) ?? /^(.*?) ?(?:regional|region)$/.exec(words);
  const rest = (regional ? regional[1]! : words).replace(/^khu vuc /, '').trim();
  const region = REGION_WORDS.find(([pattern]) => pattern.test(rest))?.[1];
  return region ? { level: 'regional', region } : null;
}

/** Back to the import code: { regional, south } → "regional_south". */
export function levelCode(v: LevelValue): string {
  return v.level === 'regional' ? `regional_${v.region}` : v.level;
}

/** "Cấp khu vực – Khu vực phía Nam", "Cấp quốc gia"; English "Regional – Southern region". */
export function levelLabel(v: LevelValue, locale: 'vi' | 'en'): string {
  const level = LEVELS.find((l) => l.code === v.level)!;
  const region = v.region ? REGIONS.find((r) => r.code === v.region) : undefined;
  return region ? `${level[locale]} – ${region[locale]}` : level[locale];
}
