/**
 * What each chart shows, in one or two sentences written from its numbers (the figure's caption), and the
 * number formats the charts, tables and sentences share. An empty view gets a plain sentence, never NaN.
 */
import { groupLabel } from '#domain/facet-labels.ts';
import { formatCount, formatDate, formatNumber, type Locale } from '#domain/i18n.ts';
import { leaders, shareOf, type StatsFair, type StatsFigures } from './figures.ts';

/**
 * A share as a whole per cent that never overstates: formatPercent(0.555) → "56%"; a share above 0 but
 * under 1% is "<1%", one under 100% but above 99% is ">99%".
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share >= 1) return '100%';
  if (share < 0.01) return '<1%';
  if (share > 0.99) return '>99%';
  return `${Math.round(share * 100)}%`;
}

/** "a, b và c" / "a, b and c". */
export function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${locale === 'vi' ? 'và' : 'and'} ${items.at(-1)!}`;
}

/** A fair as a chart row names it: "2024 · Hà Nội"; the name alone when neither year nor city is known. */
export function fairShortLabel(fair: Pick<StatsFair, 'year' | 'city' | 'name'>, locale: Locale): string {
  const parts = [fair.year === null ? null : String(fair.year), fair.city].filter((p): p is string => !!p);
  if (parts.length === 0) return fair.name;
  return fair.year === null ? `${locale === 'vi' ? 'Chưa rõ năm' : 'Year unknown'} · ${fair.city!}` : parts.join(' · ');
}

const certs = (n: number, locale: Locale) =>
  formatCount(n, locale, locale === 'vi' ? ['chứng nhận', 'chứng nhận'] : ['certification', 'certifications']);

const EMPTY: Record<Locale, string> = {
  vi: 'Chưa có chứng nhận nào được ghi nhận ở đây.',
  en: 'No certification is recorded here yet.',
};

/** "Most certifications (18) were in the 2021 round; 56 in all across 6 round years, 2017 to 2024." */
export function roundsSentence(f: StatsFigures, locale: Locale): string {
  const { rounds } = f;
  const total = f.totals.certifications;
  if (total === 0) return EMPTY[locale];
  const first = rounds[0]!.year;
  const last = rounds.at(-1)!.year;
  if (rounds.length === 1)
    return locale === 'vi'
      ? `${total === 1 ? 'Chứng nhận duy nhất' : `Cả ${certs(total, locale)} đều`} thuộc năm bình chọn ${first}.`
      : `${total === 1 ? 'The only certification is' : `All ${certs(total, locale)} are`} from the ${first} round.`;
  const top = leaders(rounds, (r) => r.total);
  const n = formatNumber(top[0]!.total, locale);
  const years = joinList(
    top.map((r) => String(r.year)),
    locale,
  );
  if (locale === 'vi') {
    const lead =
      top.length === 1
        ? `Nhiều chứng nhận nhất (${n}) thuộc năm bình chọn ${years}`
        : `Các năm ${years} có nhiều chứng nhận nhất (${n} mỗi năm)`;
    return `${lead}; tổng cộng ${certs(total, locale)} trong ${rounds.length} năm bình chọn, từ ${first} đến ${last}.`;
  }
  const lead =
    top.length === 1
      ? `Most certifications (${n}) were in the ${years} round`
      : `The ${years} rounds had the most certifications (${n} each)`;
  return `${lead}; ${formatNumber(total, locale)} in all across ${rounds.length} round years, ${first} to ${last}.`;
}

/** "31 of 56 certifications (55%) were valid on 12 May 2026; 25 had expired and none had been revoked." */
export function validitySentence(f: StatsFigures, locale: Locale): string {
  const { certifications: total, byStatus } = f.totals;
  if (total === 0) return EMPTY[locale];
  const pct = formatPercent(shareOf(byStatus.valid, total));
  const date = formatDate(f.asOf, locale);
  const n = (x: number) => formatNumber(x, locale);
  if (locale === 'vi') {
    const revoked = byStatus.revoked === 0 ? 'không chứng nhận nào bị thu hồi' : `${n(byStatus.revoked)} đã bị thu hồi`;
    return `${n(byStatus.valid)} trên ${certs(total, locale)} (${pct}) còn hiệu lực vào ngày ${date}; ${n(byStatus.expired)} đã hết hiệu lực và ${revoked}.`;
  }
  const revoked = byStatus.revoked === 0 ? 'none had been revoked' : `${n(byStatus.revoked)} had been revoked`;
  return `${n(byStatus.valid)} of ${certs(total, locale)} (${pct}) were valid on ${date}; ${n(byStatus.expired)} had expired and ${revoked}.`;
}

/** "The group “Handicrafts” has the most certifications (12); 40 give no group because their source does not say." */
export function groupsSentence(f: StatsFigures, locale: Locale): string {
  const total = f.totals.certifications;
  if (total === 0) return EMPTY[locale];
  const known = f.groups.filter((g) => g.group !== null);
  const notGiven = f.groups.find((g) => g.group === null)?.count ?? 0;
  if (notGiven === total)
    return locale === 'vi'
      ? `Chưa chứng nhận nào ghi nhóm sản phẩm: nguồn của cả ${certs(total, locale)} không nêu nhóm.`
      : `No certification states its product group yet: the sources of all ${certs(total, locale)} do not say.`;
  const top = leaders(known, (g) => g.count);
  const names = joinList(
    top.map((g) => `“${groupLabel(g.group!, locale)}”`),
    locale,
  );
  const n = formatNumber(top[0]!.count, locale);
  const rest = (x: number) => formatNumber(x, locale);
  if (locale === 'vi') {
    const lead =
      top.length === 1 ? `Nhóm ${names} có nhiều chứng nhận nhất (${n})` : `Các nhóm ${names} có nhiều chứng nhận nhất (${n} mỗi nhóm)`;
    return notGiven > 0 ? `${lead}; ${rest(notGiven)} chứng nhận không ghi nhóm vì nguồn không nêu.` : `${lead}.`;
  }
  const lead =
    top.length === 1
      ? `The group ${names} has the most certifications (${n})`
      : `The groups ${names} have the most certifications (${n} each)`;
  return notGiven > 0 ? `${lead}; ${rest(notGiven)} give no group because their source does not say.` : `${lead}.`;
}

/** "Bắc Ninh has the most certifications (18); 8 of the 34 current provinces have at least one." */
export function provincesSentence(f: StatsFigures, locale: Locale): string {
  if (f.totals.certifications === 0) return EMPTY[locale];
  const top = leaders(f.provinces, (p) => p.count);
  const names = joinList(
    top.map((p) => p.name),
    locale,
  );
  const n = formatNumber(top[0]!.count, locale);
  const some = formatNumber(f.totals.provincesWithCertifications, locale);
  const all = formatNumber(f.totals.provincesInView, locale);
  if (locale === 'vi') {
    const lead = top.length === 1 ? `${names} có nhiều chứng nhận nhất (${n})` : `${names} có nhiều chứng nhận nhất (${n} mỗi tỉnh, thành)`;
    return `${lead}; ${some} trên ${all} tỉnh, thành hiện nay${f.region ? ' của khu vực' : ''} có ít nhất một chứng nhận.`;
  }
  const lead = top.length === 1 ? `${names} has the most certifications (${n})` : `${names} have the most certifications (${n} each)`;
  const verb = f.totals.provincesWithCertifications === 1 ? 'has' : 'have';
  return `${lead}; ${some} of the ${all} current provinces${f.region ? ' in the region' : ''} ${verb} at least one.`;
}

/** "7 fairs are recorded; sources announced the booths of 3, the most 584 (2014 · Tiền Giang). …" */
export function fairsSentence(f: StatsFigures, locale: Locale): string {
  const { fairs } = f;
  const n = (x: number) => formatNumber(x, locale);
  if (fairs.length === 0 && f.region)
    return locale === 'vi'
      ? 'Chưa có hội chợ nào của khu vực này được ghi nhận; hội chợ cấp quốc gia chỉ có trong số liệu cả nước.'
      : 'No fair of this region is recorded yet; national fairs appear in the whole-country figures only.';
  if (fairs.length === 0) return locale === 'vi' ? 'Chưa có hội chợ nào được ghi nhận.' : 'No fair is recorded yet.';
  const withBooths = fairs.filter((x) => x.boothCount !== null);
  const biggest = leaders(withBooths, (x) => x.boothCount!)[0];
  const listed = fairs.filter((x) => x.exhibitorsListed > 0);
  const exhibitors = listed.reduce((sum, x) => sum + x.exhibitorsListed, 0);
  if (locale === 'vi') {
    const size = biggest
      ? `${biggest.boothCountIsMinimum ? 'trên ' : ''}${n(biggest.boothCount!)} gian hàng (${fairShortLabel(biggest, locale)})`
      : '';
    const booths = !biggest
      ? '; chưa nguồn nào công bố số gian hàng'
      : fairs.length === 1
        ? `; nguồn công bố ${size}`
        : withBooths.length === 1
          ? `; nguồn công bố số gian hàng của 1 hội chợ: ${size}`
          : `; nguồn công bố số gian hàng của ${n(withBooths.length)} hội chợ, nhiều nhất ${size}`;
    const list =
      listed.length === 0
        ? 'Danh bạ chưa có danh sách đơn vị trưng bày của hội chợ nào.'
        : `Danh bạ có danh sách đơn vị trưng bày của ${n(listed.length)} hội chợ (${n(exhibitors)} đơn vị).`;
    return `${n(fairs.length)} hội chợ được ghi nhận${booths}. ${list}`;
  }
  const fairNoun = fairs.length === 1 ? 'fair is' : 'fairs are';
  const size = biggest
    ? `${biggest.boothCountIsMinimum ? 'more than ' : ''}${n(biggest.boothCount!)} booths (${fairShortLabel(biggest, locale)})`
    : '';
  const booths = !biggest
    ? '; no source announced booth numbers'
    : fairs.length === 1
      ? `; its source announced ${size}`
      : withBooths.length === 1
        ? `; booth numbers were announced for 1 of them: ${size}`
        : `; booth numbers were announced for ${n(withBooths.length)} of them, the most ${size}`;
  const list =
    listed.length === 0
      ? 'The registry lists no fair’s exhibitors yet.'
      : `The registry lists the exhibitors of ${n(listed.length)} ${listed.length === 1 ? 'fair' : 'fairs'} (${n(exhibitors)} ${exhibitors === 1 ? 'exhibitor' : 'exhibitors'}).`;
  return `${n(fairs.length)} ${fairNoun} recorded${booths}. ${list}`;
}
