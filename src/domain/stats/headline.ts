/**
 * The headline figures of the statistics (issue #9): at the top of /stats/, and three of them on the home
 * page, each pointing at the section it sums up.
 */
import { formatNumber, type Locale } from '#domain/i18n.ts';
import { shareOf, type StatsFigures } from './figures.ts';
import { formatPercent } from './sentences.ts';
import { statsT } from './strings.ts';
import type { StatsSection } from './views.ts';

export interface HeadlineFigure {
  key: 'certifications' | 'products' | 'valid' | 'provinces' | 'fairs';
  /** The number the figure stands for (the count of valid certifications for the share). */
  number: number;
  /** The figure as shown: "56", "55%". */
  value: string;
  label: string;
  detail: string | null;
  /** The section of the statistics page it sums up. */
  anchor: StatsSection['id'];
}

/** The page's headline figures: totals, share valid, provinces represented, fairs. */
export function headlineFigures(f: StatsFigures, locale: Locale): HeadlineFigure[] {
  const s = statsT(locale);
  const { totals } = f;
  const n = (x: number) => formatNumber(x, locale);
  const rounds = f.rounds.length;
  const one = locale === 'en';
  return [
    {
      key: 'certifications',
      number: totals.certifications,
      value: n(totals.certifications),
      label: one && totals.certifications === 1 ? s.figCertification : s.figCertifications,
      detail: rounds === 0 ? null : `${s.figIn} ${n(rounds)} ${one && rounds === 1 ? s.figRoundYear : s.figRoundYears}`,
      anchor: 'rounds',
    },
    {
      key: 'valid',
      number: totals.byStatus.valid,
      value: totals.certifications === 0 ? '–' : formatPercent(shareOf(totals.byStatus.valid, totals.certifications)),
      label: s.figValid,
      detail: totals.certifications === 0 ? s.figNoData : `${n(totals.byStatus.valid)} ${s.figOf} ${n(totals.certifications)}`,
      anchor: 'validity',
    },
    {
      key: 'provinces',
      number: totals.provincesWithCertifications,
      value: n(totals.provincesWithCertifications),
      label: `${s.figOf} ${n(totals.provincesInView)} ${s.figProvinces}`,
      detail: null,
      anchor: 'provinces',
    },
    {
      key: 'products',
      number: totals.products,
      value: n(totals.products),
      label: one && totals.products === 1 ? s.figProduct : s.figProducts,
      detail: null,
      anchor: 'groups',
    },
    {
      key: 'fairs',
      number: totals.fairs,
      value: n(totals.fairs),
      label: one && totals.fairs === 1 ? s.figFair : s.figFairs,
      detail: null,
      anchor: 'fairs',
    },
  ];
}
