import type { RegionCode } from './levels.ts';
import { foldVietnamese, levenshtein } from './text.ts';

/** A provincial unit of one era: before the merger of 1 July 2025, or current. */
export interface ProvinceUnit {
  name: string;
  era: 'pre2025' | 'current';
  unitType: 'province' | 'city';
  /** For an old unit, the name of the current unit it became part of. */
  successorName: string | null;
  region: RegionCode | null;
  aliases: string[];
}

/** The day the 63 provinces became 34 (Resolution 202/2025/QH15). */
export const PROVINCE_MERGER_DATE = '2025-07-01';

/** Centrally-run cities, which official lists write as "TP. …" or "Thành phố …". */
const CITIES_PRE2025 = ['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'];
const CITIES_CURRENT = [...CITIES_PRE2025, 'Huế'];

/** Other spellings seen in official lists and press; the key folding handles marks, case and prefixes. */
const ALIASES: Record<string, string[]> = {
  'Hồ Chí Minh': ['TP HCM', 'TPHCM', 'HCM', 'Sài Gòn', 'Sai Gon'],
  'Thừa Thiên Huế': ['Huế', 'Thừa Thiên - Huế', 'TT Huế', 'TT-Huế'],
  'Bà Rịa - Vũng Tàu': ['BR-VT', 'BRVT'],
  'Đắk Lắk': ['Đăk Lăk', 'Đắc Lắc', 'Dak Lak', 'Daklak'],
  'Đắk Nông': ['Đăk Nông', 'Đắc Nông', 'Daknong'],
  'Kon Tum': ['Kontum'],
};

const PREFIXES = ['thanh pho truc thuoc trung uong', 'thanh pho', 'tinh', 'tp'];

/** Folds a province name to its lookup key: "Tỉnh Bắc Giang" and "bac giang" → "bac giang". */
export function provinceKey(name: string): string {
  let key = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const prefix of PREFIXES) {
    if (key.startsWith(`${prefix} `)) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key;
}

/** Builds both eras' units from the seed tables (old → new mapping and old → region). */
export function buildProvinceUnits(
  mapping: readonly { oldProvince: string; newProvince: string }[],
  regionOf: ReadonlyMap<string, RegionCode>,
): ProvinceUnit[] {
  const old: ProvinceUnit[] = mapping.map((row) => ({
    name: row.oldProvince,
    era: 'pre2025',
    unitType: CITIES_PRE2025.includes(row.oldProvince) ? 'city' : 'province',
    successorName: row.newProvince,
    region: regionOf.get(row.oldProvince) ?? null,
    aliases: ALIASES[row.oldProvince] ?? [],
  }));
  const currentNames = [...new Set(mapping.map((row) => row.newProvince))];
  const current: ProvinceUnit[] = currentNames.map((name) => {
    const regionsInside = new Set(old.filter((o) => o.successorName === name).map((o) => o.region));
    const onlyRegion = regionsInside.size === 1 ? [...regionsInside][0] : null;
    return {
      name,
      era: 'current',
      unitType: CITIES_CURRENT.includes(name) ? 'city' : 'province',
      successorName: null,
      region: onlyRegion ?? null,
      aliases: ALIASES[name] ?? [],
    };
  });
  return [...old, ...current];
}

export type ProvinceMatch<T extends ProvinceUnit> = { ok: true; unit: T } | { ok: false; suggestions: string[] };

/** Each unit's folded name and aliases, folded once: an import resolves every row against every unit. */
const unitKeys = new WeakMap<ProvinceUnit, Set<string>>();
function keysOf(unit: ProvinceUnit): Set<string> {
  let keys = unitKeys.get(unit);
  if (!keys) {
    keys = new Set([provinceKey(unit.name), ...unit.aliases.map(provinceKey)]);
    unitKeys.set(unit, keys);
  }
  return keys;
}

/**
 * Resolves what a list wrote ("Tỉnh Bắc Giang", "TP. Hồ Chí Minh", "bac giang") to a unit of the
 * era the record belongs to: before the merger an old unit, after it a current one. A name that
 * exists in one era only resolves to that era whatever the date.
 */
export function resolveProvince<T extends ProvinceUnit>(
  units: readonly T[],
  input: string,
  when: { year: number; date?: string | null },
): ProvinceMatch<T> {
  const key = provinceKey(input);
  const candidates = units.filter((u) => keysOf(u).has(key));
  const isBeforeMerger = when.date ? when.date < PROVINCE_MERGER_DATE : when.year <= 2025;
  const preferred = candidates.find((u) => u.era === (isBeforeMerger ? 'pre2025' : 'current')) ?? candidates[0];
  if (preferred) return { ok: true, unit: preferred };
  return { ok: false, suggestions: closestProvinceNames(units, key) };
}

/** The three names closest to a folded key, for "did you mean" messages. */
export function closestProvinceNames(units: readonly ProvinceUnit[], key: string, count = 3): string[] {
  const names = [...new Set(units.map((u) => u.name))];
  return names
    .map((name) => ({ name, distance: levenshtein(provinceKey(name), key) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'vi'))
    .slice(0, count)
    .map((c) => c.name);
}

/** "Bắc Giang (nay thuộc Bắc Ninh)" where the province changed, else the name alone. */
export function provinceWithSuccessor(name: string, currentName: string | null, locale: 'vi' | 'en' = 'vi'): string {
  if (!currentName || currentName === name) return name;
  return locale === 'en' ? `${name} (now part of ${currentName})` : `${name} (nay thuộc ${currentName})`;
}

/** The provincial People's Committee as decisions name it: "UBND tỉnh Lạng Sơn", "UBND thành phố Hà Nội". */
export function provincialCommitteeName(unit: Pick<ProvinceUnit, 'name' | 'unitType'>): string {
  return `UBND ${unit.unitType === 'city' ? 'thành phố' : 'tỉnh'} ${unit.name}`;
}
