import { STATUS_LABELS } from './certification-display.ts';
import type { FacetKey, LevelFacet } from './listing.ts';
import { productGroupByCode, type ProductGroupCode } from './groups.ts';
import type { Locale } from './i18n.ts';
import { levelLabel, type CertificationLevel, type RegionCode } from './levels.ts';
import type { CertificationStatus } from './validity.ts';

/** "Cấp khu vực – Khu vực phía Nam" for "regional-south". */
export function levelFacetLabel(facet: LevelFacet, locale: Locale): string {
  if (facet.startsWith('regional-'))
    return levelLabel({ level: 'regional', region: facet.slice('regional-'.length) as RegionCode }, locale);
  return levelLabel({ level: facet as CertificationLevel, region: null }, locale);
}

/** A group's name in the locale. */
export function groupLabel(code: ProductGroupCode, locale: Locale): string {
  const group = productGroupByCode(code);
  return locale === 'vi' ? group.nameVi : group.nameEn;
}

/**
 * A current province with the old names folded into it: "Bắc Ninh (gồm Bắc Giang)". Only old names
 * that differ from the current one are listed.
 */
export function provinceFacetLabel(currentName: string, oldNames: readonly string[], locale: Locale): string {
  const others = [...new Set(oldNames)].filter((n) => n !== currentName);
  if (others.length === 0) return currentName;
  return `${currentName} (${locale === 'vi' ? 'gồm' : 'incl.'} ${others.join(', ')})`;
}

/** The label of any facet value; province labels need the catalogue's names, so they are passed in. */
export function facetValueLabel(facet: FacetKey, value: string, locale: Locale, provinceLabels: ReadonlyMap<string, string>): string {
  switch (facet) {
    case 'level':
      return levelFacetLabel(value as LevelFacet, locale);
    case 'group':
      return groupLabel(value as ProductGroupCode, locale);
    case 'province':
      return provinceLabels.get(value) ?? value;
    case 'year':
      return value;
    case 'status':
      return STATUS_LABELS[value as CertificationStatus][locale];
  }
}
