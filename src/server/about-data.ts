/** What the About page is built from: the agency's configuration and the figures on the data's completeness. */
import { getDatabase } from '#db/client.ts';
import { countCertificationsByRound, getRegistryTotals, sumRoundSizes } from '#db/queries/about.ts';
import type { Agency } from '#domain/about/agency.ts';
import { roundCoverage, type RoundCoverage } from '#domain/about/completeness.ts';
import { readAgency } from './agency-config.ts';

export interface AboutData {
  agency: Agency | null;
  totals: Awaited<ReturnType<typeof getRegistryTotals>>;
  rounds: RoundCoverage[];
}

/** Reads the configuration and the database once for both languages' pages. */
let loading: Promise<AboutData> | undefined;
export function getAboutData(): Promise<AboutData> {
  loading ??= (async () => {
    const { db } = await getDatabase();
    const [totals, held, sizes] = await Promise.all([getRegistryTotals(db), countCertificationsByRound(db), sumRoundSizes(db)]);
    return { agency: readAgency(), totals, rounds: roundCoverage(held, sizes) };
  })();
  return loading;
}
