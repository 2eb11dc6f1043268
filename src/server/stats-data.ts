/**
 * What the statistics pages and the home page's headline figures are computed from (issue #9): the published
 * records read once per build and handed to src/domain/stats as plain records, with statuses as of the
 * release's day.
 */
import { getDatabase } from '#db/client.ts';
import { listStatsCertifications, listStatsFairs, listStatsProvinceUnits } from '#db/queries/stats.ts';
import { fairYear } from '#domain/fairs.ts';
import { REGIONS, type RegionCode } from '#domain/levels.ts';
import { computeFigures, type StatsFigures, type StatsInput, type StatsProvince } from '#domain/stats/figures.ts';
import { todayIso } from '#domain/validity.ts';
import { oncePerBuild } from './build-memo.ts';
import { currentReleaseInfo, type ReleaseInfo } from './release-info.ts';

/** The records of the whole registry, as of the release being built. */
export function getStatsInput(prerendering: boolean): Promise<StatsInput & { release: ReleaseInfo }> {
  return oncePerBuild(prerendering, 'stats:input', async () => {
    const { db } = await getDatabase();
    const release = currentReleaseInfo();
    const [certs, units, fairs] = await Promise.all([listStatsCertifications(db), listStatsProvinceUnits(db), listStatsFairs(db)]);
    return {
      release,
      asOf: todayIso(new Date(release.date)),
      certifications: certs.map((c) => ({
        productId: c.productId,
        level: c.level,
        region: c.regionCode,
        roundYear: c.roundYear,
        group: c.group,
        validUntil: c.validUntil,
        revokedAt: c.revokedAt,
        province: { name: c.provinceName, region: c.provinceRegion },
        // A certification made after the merger names a current unit, which is its own current province.
        currentProvince:
          c.currentSlug !== null && c.currentName !== null
            ? { slug: c.currentSlug, name: c.currentName, region: c.currentRegion }
            : { slug: c.provinceSlug, name: c.provinceName, region: c.provinceRegion },
      })),
      provinces: currentProvinces(units),
      fairs: fairs.map(({ fair, exhibitorsListed, sampleExhibitors }) => ({
        slug: fair.slug,
        name: fair.name,
        level: fair.level,
        regionCode: fair.regionCode as RegionCode | null,
        year: fairYear(fair),
        startDate: fair.startDate,
        endDate: fair.endDate,
        city: fair.city,
        boothCount: fair.boothCount,
        boothCountIsMinimum: fair.boothCountIsMinimum,
        exhibitorCount: fair.exhibitorCount,
        exhibitorsListed,
        sampleExhibitors,
      })),
    };
  });
}

/** The current units, each with the regions its old units are counted in (its own, or theirs where it has none). */
function currentProvinces(units: Awaited<ReturnType<typeof listStatsProvinceUnits>>): StatsProvince[] {
  return units
    .filter((u) => u.era === 'current')
    .map((u) => {
      const inside = units.filter((o) => o.successorSlug === u.slug).map((o) => o.regionCode);
      const regions = u.regionCode ? [u.regionCode] : [...new Set(inside.filter((r): r is RegionCode => r !== null))];
      return { slug: u.slug, name: u.name, regions };
    });
}

/** The figures for the whole country (region null) or one region, computed once per build. */
/** The regional stats pages: one per region. */
export function regionPaths(): { params: { region: RegionCode } }[] {
  return REGIONS.map((r) => ({ params: { region: r.code } }));
}

/** What the stats pages show: the figures of the country or a region, as of the release. */
export type StatsPageFigures = StatsFigures & { release: ReleaseInfo };

export async function getStatsFigures(prerendering: boolean, region: RegionCode | null): Promise<StatsPageFigures> {
  const input = await getStatsInput(prerendering);
  const figures = await oncePerBuild(prerendering, `stats:figures:${region ?? 'all'}`, () =>
    Promise.resolve(computeFigures(input, region)),
  );
  return { ...figures, release: input.release };
}
