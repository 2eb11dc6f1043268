/**
 * The home page's loader: what the registry holds (src/domain/home-figures.ts), the newest certifications and
 * the fairs to show. The component renders what this returns.
 */
import { getDatabase } from '#db/client.ts';
import { getCatalogueCounts, listNewestCertifications } from '#db/queries/product-records.ts';
import type { CertificationView } from '#domain/certification-view.ts';
import { listCertificationRounds } from '#db/queries/home.ts';
import { groupFairsByPhase } from '#domain/fairs.ts';
import { homeFigures, type HomeFigures } from '#domain/home-figures.ts';
import { getDecisions } from './decision-data.ts';
import { listFairSummaries, type FairSummary } from './fair-data.ts';
import { getStatsFigures } from './stats-data.ts';

export interface HomeData {
  figures: HomeFigures;
  newest: CertificationView[];
  /** Current and coming fairs (at most three), else the latest past one. */
  fairs: FairSummary[];
  hasUpcomingFairs: boolean;
}

/** Everything the home page shows, as of `today`. */
export async function getHomeData(prerendering: boolean, today: string): Promise<HomeData> {
  const { db } = await getDatabase();
  const [counts, stats, decisions, rounds, newest, summaries] = await Promise.all([
    getCatalogueCounts(db),
    getStatsFigures(prerendering, null),
    getDecisions(prerendering),
    listCertificationRounds(db),
    listNewestCertifications(db, 6),
    listFairSummaries(),
  ]);
  const figures = homeFigures({
    // The same counts as /stats/ shows: products with a certification, current provinces with one.
    products: stats.totals.products,
    establishments: counts.establishments,
    provinces: stats.totals.provincesWithCertifications,
    certificationRounds: rounds,
    decisions,
  });
  const phases = groupFairsByPhase(
    summaries.map((x) => x.fair),
    today,
  );
  const upcoming = [...phases.current, ...phases.upcoming];
  const shown = upcoming.length > 0 ? upcoming.slice(0, 3) : phases.past.slice(0, 1);
  return {
    figures,
    newest,
    fairs: shown.map((f) => summaries.find((x) => x.fair.id === f.id)!),
    hasUpcomingFairs: upcoming.length > 0,
  };
}
