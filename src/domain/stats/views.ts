/**
 * The statistics page's sections in one language (issue #9): for each figure a title, a sentence, a chart
 * model and a table built from the same numbers, so the table always holds what the chart draws (each bar
 * and each table number carry the same key).
 */
import { levelFacetLabel, groupLabel } from '#domain/facet-labels.ts';
import { STATUS_LABELS } from '#domain/certification-display.ts';
import { fairLevelLabel } from '#domain/fairs.ts';
import { formatFairDates } from '#domain/fair-dates.ts';
import { formatNumber, localizePath, type Locale } from '#domain/i18n.ts';
import { levelLabel, type CertificationLevel } from '#domain/levels.ts';
import { buildBarChart, type BarChartInput, type ChartModel, type ChartSeries } from './charts.ts';
import { shareOf, STATUSES, type StatsFair, type StatsFigures } from './figures.ts';
import {
  fairsSentence,
  fairShortLabel,
  formatPercent,
  groupsSentence,
  provincesSentence,
  roundsSentence,
  validitySentence,
} from './sentences.ts';
import { statsT } from './strings.ts';
import { infoCell, shortLevel, shortLevelLabel, totalCell, valueCell, type StatsTable, type TableCell, type TableRow } from './tables.ts';

export interface StatsSection {
  id: 'rounds' | 'validity' | 'groups' | 'provinces' | 'fairs';
  /** Where the table goes on wide screens: beside the chart, or below it when its rows need the width. */
  tablePlacement: 'beside' | 'below';
  title: string;
  sentence: string;
  chart: ChartModel;
  table: StatsTable;
  note?: string;
}

/** Colours meet 4.5:1 on white (so white numbers on them read and bars meet 3:1); textures tell them apart too. */
export const PALETTE = {
  green: '#0b5d3b',
  blue: '#0072b2',
  orange: '#b34a00',
  purple: '#6b3fa0',
  brown: '#7a5a00',
  grey: '#66707a',
  red: '#9b1c12',
} as const;

const LEVEL_STYLE: Record<CertificationLevel, Pick<ChartSeries, 'colour' | 'texture'>> = {
  national: { colour: PALETTE.green, texture: 'solid' },
  regional: { colour: PALETTE.blue, texture: 'stripes' },
  provincial: { colour: PALETTE.orange, texture: 'solid' },
  district: { colour: PALETTE.purple, texture: 'dots' },
  commune: { colour: PALETTE.brown, texture: 'cross' },
};
const STATUS_STYLE = {
  valid: { colour: PALETTE.green, texture: 'solid' },
  expired: { colour: PALETTE.grey, texture: 'stripes' },
  revoked: { colour: PALETTE.red, texture: 'cross' },
} as const;

/** Every section of the page, in the order it shows them. */
export function statsSections(f: StatsFigures, locale: Locale): StatsSection[] {
  return [
    roundsSection(f, locale),
    validitySection(f, locale),
    groupsSection(f, locale),
    provincesSection(f, locale),
    fairsSection(f, locale),
  ];
}

/** A section whose chart and table share its title, the empty text and the number format; the chart is `chart-<id>`. */
function section(
  locale: Locale,
  parts: Pick<StatsSection, 'id' | 'tablePlacement' | 'title' | 'sentence' | 'note'> & {
    description: string;
    chart: Pick<BarChartInput, 'layout' | 'series' | 'rows'> & Partial<Pick<BarChartInput, 'missingText'>>;
    table: Omit<StatsTable, 'caption' | 'emptyText'>;
  },
): StatsSection {
  const s = statsT(locale);
  const { description, chart, table, ...rest } = parts;
  return {
    ...rest,
    chart: buildBarChart({
      id: `chart-${parts.id}`,
      title: parts.title,
      description,
      emptyText: s.noFigures,
      formatValue: (n) => formatNumber(n, locale),
      ...chart,
    }),
    table: { caption: `${parts.title} (${s.tableSuffix})`, emptyText: s.noFigures, ...table },
  };
}

function roundsSection(f: StatsFigures, locale: Locale): StatsSection {
  const s = statsT(locale);
  const series = f.levels.map((level) => ({ key: level, label: levelLabel({ level, region: null }, locale), ...LEVEL_STYLE[level] }));
  const rows = f.rounds.map((r) => ({ key: String(r.year), label: String(r.year), values: f.levels.map((l) => r.byLevel[l]) }));
  return section(locale, {
    id: 'rounds',
    tablePlacement: 'beside',
    title: s.roundsTitle,
    description: s.roundsDesc,
    sentence: roundsSentence(f, locale),
    chart: { layout: 'stacked', series, rows },
    table: {
      corner: s.colYear,
      columns: [...f.levels.map((l) => shortLevel(l, locale)), s.colTotal],
      rows: f.rounds.map((r) => ({
        key: String(r.year),
        header: String(r.year),
        cells: [...f.levels.map((l) => valueCell(r.byLevel[l], `${r.year}:${l}`, locale)), totalCell(r.total, locale)],
      })),
      totals:
        f.rounds.length === 0
          ? null
          : {
              key: 'total',
              header: s.colTotal,
              cells: [
                ...f.levels.map((l) =>
                  totalCell(
                    f.rounds.reduce((sum, r) => sum + r.byLevel[l], 0),
                    locale,
                  ),
                ),
                totalCell(f.totals.certifications, locale),
              ],
            },
    },
  });
}

function validitySection(f: StatsFigures, locale: Locale): StatsSection {
  const s = statsT(locale);
  const { byStatus, certifications } = f.totals;
  // Revoked certificates are rare: their column and colour appear once there is one (the sentence says "none").
  const statuses = STATUSES.filter((st) => st !== 'revoked' || byStatus.revoked > 0);
  const series = statuses.map((status) => ({ key: status, label: STATUS_LABELS[status][locale], ...STATUS_STYLE[status] }));
  const rows = f.validity.map((v) => ({
    key: v.level,
    label: levelFacetLabel(v.level, locale),
    values: statuses.map((st) => v.byStatus[st]),
  }));
  return section(locale, {
    id: 'validity',
    tablePlacement: 'beside',
    title: s.validityTitle,
    description: s.validityDesc,
    sentence: validitySentence(f, locale),
    chart: { layout: 'stacked', series, rows },
    table: {
      corner: s.colLevel,
      columns: [...series.map((x) => x.label), s.colTotal, s.colShareValid],
      rows: f.validity.map((v) => ({
        key: v.level,
        header: shortLevelLabel(v.level, locale),
        cells: [
          ...statuses.map((st) => valueCell(v.byStatus[st], `${v.level}:${st}`, locale)),
          totalCell(v.total, locale),
          infoCell(formatPercent(shareOf(v.byStatus.valid, v.total))),
        ],
      })),
      totals:
        certifications === 0
          ? null
          : {
              key: 'total',
              header: s.colTotal,
              cells: [
                ...statuses.map((st) => totalCell(byStatus[st], locale)),
                totalCell(certifications, locale),
                infoCell(formatPercent(shareOf(byStatus.valid, certifications))),
              ],
            },
    },
  });
}

function groupsSection(f: StatsFigures, locale: Locale): StatsSection {
  const s = statsT(locale);
  const groups = f.totals.certifications === 0 ? [] : f.groups;
  const name = (g: (typeof groups)[number]) => (g.group ? groupLabel(g.group, locale) : s.groupNotGiven);
  const key = (g: (typeof groups)[number]) => g.group ?? 'none';
  const series = [{ key: 'count', label: s.colCertifications, colour: PALETTE.green, texture: 'solid' as const }];
  const rows = groups.map((g) => ({ key: key(g), label: name(g), values: [g.count], ...(g.group ? {} : { colour: PALETTE.grey }) }));
  return section(locale, {
    id: 'groups',
    tablePlacement: 'beside',
    title: s.groupsTitle,
    description: s.groupsDesc,
    sentence: groupsSentence(f, locale),
    chart: { layout: 'single', series, rows },
    table: {
      corner: s.colGroup,
      columns: [s.colCertifications, s.colShare],
      rows: groups.map((g) => ({
        key: key(g),
        header: name(g),
        cells: [valueCell(g.count, `${key(g)}:count`, locale), infoCell(formatPercent(shareOf(g.count, f.totals.certifications)))],
      })),
      totals:
        groups.length === 0
          ? null
          : { key: 'total', header: s.colTotal, cells: [totalCell(f.totals.certifications, locale), infoCell('100%')] },
    },
  });
}

/** The provinces as certified, when they say more than the current name: "Bắc Giang 18, Bắc Ninh 2". */
function asCertifiedText(p: StatsFigures['provinces'][number], locale: Locale): string | null {
  if (p.asCertified.length === 1 && p.asCertified[0]!.name === p.name) return null;
  // No-break spaces: a chart label breaks between provinces, never inside "Bắc Kạn 3".
  return p.asCertified.map((o) => `${o.name} ${formatNumber(o.count, locale)}`.replace(/ /g, '\u00a0')).join(', ');
}

function provincesSection(f: StatsFigures, locale: Locale): StatsSection {
  const s = statsT(locale);
  const series = [{ key: 'count', label: s.colCertifications, colour: PALETTE.green, texture: 'solid' as const }];
  const rows = f.provinces.map((p) => {
    const old = asCertifiedText(p, locale);
    return { key: p.slug, label: p.name, sublabel: old ? `${s.asCertified}: ${old}` : null, values: [p.count] };
  });
  const tableRows = f.provinces.flatMap((p): TableRow[] => [
    { key: p.slug, header: p.name, cells: [valueCell(p.count, `${p.slug}:count`, locale)] },
    ...(asCertifiedText(p, locale) === null
      ? []
      : p.asCertified.map((o) => ({
          key: `${p.slug}/${o.name}`,
          header: `${s.certifiedAsRow} ${o.name}`,
          isPart: true,
          cells: [{ text: formatNumber(o.count, locale), role: 'part' as const, value: o.count }],
        }))),
  ]);
  return section(locale, {
    id: 'provinces',
    tablePlacement: 'beside',
    title: s.provincesTitle,
    description: s.provincesDesc,
    sentence: provincesSentence(f, locale),
    chart: { layout: 'single', series, rows },
    table: {
      corner: s.colProvince,
      columns: [s.colCertifications],
      rows: tableRows,
      totals: f.provinces.length === 0 ? null : { key: 'total', header: s.colTotal, cells: [totalCell(f.totals.certifications, locale)] },
    },
  });
}

function fairsSection(f: StatsFigures, locale: Locale): StatsSection {
  const s = statsT(locale);
  const fmt = (n: number) => formatNumber(n, locale);
  // Exhibitors listed here are drawn once some fair of the view has them; until then the table's zeros say it.
  const hasListed = f.fairs.some((fair) => fair.exhibitorsListed > 0);
  const hasSamples = f.fairs.some((fair) => fair.sampleExhibitors > 0);
  const series: ChartSeries[] = [
    { key: 'booths', label: s.seriesBooths, colour: PALETTE.blue, texture: 'solid', unit: s.unitBooths },
    { key: 'exhibitors', label: s.seriesExhibitors, colour: PALETTE.orange, texture: 'stripes', unit: s.unitExhibitors },
    ...(hasListed ? [{ key: 'listed', label: s.seriesListed, colour: PALETTE.green, texture: 'dots' as const, unit: s.unitListed }] : []),
  ];
  const boothText = (fair: StatsFair) =>
    fair.boothCount === null ? null : `${fair.boothCountIsMinimum ? `${s.atLeast} ` : ''}${fmt(fair.boothCount)}`;
  const rows = f.fairs.map((fair) => ({
    key: fair.slug,
    label: fairShortLabel(fair, locale),
    sublabel: fairLevelLabel(fair, locale),
    values: [fair.boothCount, fair.exhibitorCount, ...(hasListed ? [fair.exhibitorsListed] : [])],
    valueTexts: [boothText(fair), null, null],
  }));
  const announced = (n: number | null, key: string, text: string | null = null): TableCell =>
    n === null ? { text: '–', spokenText: s.notPublished, role: 'info' } : { ...valueCell(n, key, locale), text: text ?? fmt(n) };
  return section(locale, {
    id: 'fairs',
    tablePlacement: 'below',
    title: s.fairsTitle,
    description: s.fairsDesc,
    sentence: fairsSentence(f, locale),
    chart: { layout: 'grouped', series, rows, missingText: s.fairNoFigures },
    table: {
      corner: s.colFair,
      // Until some fair has an exhibitor list here, the sentence says so and the table keeps to announced numbers.
      columns: [s.colBooths, s.colExhibitors, ...(hasListed || hasSamples ? [s.colListed] : []), ...(hasSamples ? [s.colSamples] : [])],
      rows: f.fairs.map((fair) => ({
        key: fair.slug,
        header: fair.name,
        href: localizePath(`/fairs/${fair.slug}/`, locale),
        detail: [formatFairDates(fair.startDate, fair.endDate, locale), fairLevelLabel(fair, locale)].filter(Boolean).join(' · '),
        cells: [
          announced(fair.boothCount, `${fair.slug}:booths`, boothText(fair)),
          announced(fair.exhibitorCount, `${fair.slug}:exhibitors`),
          ...(hasListed
            ? [valueCell(fair.exhibitorsListed, `${fair.slug}:listed`, locale)]
            : hasSamples
              ? [infoCell(fmt(fair.exhibitorsListed))]
              : []),
          ...(hasSamples ? [infoCell(fmt(fair.sampleExhibitors))] : []),
        ],
      })),
      totals: null,
    },
    ...(f.fairs.length > 0
      ? {
          note: [s.fairsDashNote, ...(hasListed || hasSamples ? [s.fairsListedNote] : []), ...(hasSamples ? [s.samplesNote] : [])].join(
            ' ',
          ),
        }
      : {}),
  });
}
