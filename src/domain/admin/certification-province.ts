/**
 * "Province when certified" against the level (#20.4): a regional certification's province must belong to
 * the region of the round. Membership is data (provinces.region_code, drawn on the 63 old provinces); a
 * current province that merged old ones from two regions (Lâm Đồng) belongs to each region one of them did.
 */
import { REGIONS, type RegionCode } from '#domain/levels.ts';

export interface ProvinceRegions {
  name: string;
  /** The unit's own region, when it has exactly one. */
  regionCode: string | null;
  /** The regions of the old units it was merged from (none for an old unit). */
  predecessorRegions: readonly (string | null)[];
}

/** Whether a province (of either era) lies in a region. */
export function isProvinceInRegion(province: ProvinceRegions, region: RegionCode): boolean {
  return province.regionCode === region || province.predecessorRegions.includes(region);
}

/**
 * The error beside the province field, or null when the province fits:
 * e.g. "Cà Mau không thuộc Khu vực phía Bắc: chứng nhận cấp khu vực phải ở một tỉnh của khu vực đó."
 */
export function regionalProvinceProblem(province: ProvinceRegions, region: RegionCode): string | null {
  if (isProvinceInRegion(province, region)) return null;
  const label = REGIONS.find((r) => r.code === region)?.vi ?? region;
  return `${province.name} không thuộc ${label}: chứng nhận cấp khu vực phải ở một tỉnh của khu vực đó. Hãy chọn lại tỉnh/thành hoặc khu vực.`;
}
