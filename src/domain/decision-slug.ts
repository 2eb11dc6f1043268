/**
 * Recognition decisions (Quyết định công nhận) as records: the URL slug a decision gets. Pure, so the
 * admin (which makes the slug when staff create a decision), the seed (decisions.csv) and the importer
 * (a decision a row cites that is not recorded yet) agree.
 */
import type { CertificationLevel } from './levels.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { foldVietnamese } from './text.ts';

export interface DecisionSlugInput {
  /** The number as printed: "3116/QĐ-BCT". */
  number: string;
  decisionDate: string | null;
  roundYear: number;
  level: CertificationLevel;
  /** The issuer as the source names it ("UBND tỉnh Bình Thuận"), or null. */
  issuer: string | null;
}

/** Words that name the kind of body or unit before the place: "UBND tỉnh", "Sở Công Thương", "thị xã". */
const ISSUER_PREFIX =
  /^(?:(?:uy ban nhan dan|ubnd|so cong thuong|trung tam khuyen cong|hoi dong binh chon)(?:\s+|$))*(?:(?:tinh|thanh pho|tp\.?|thi xa|huyen|quan|xa|phuong|thi tran)(?:\s+|$))?/;

/**
 * The place in an issuer's name, slugified: issuerPlace('UBND tỉnh Bình Thuận') → 'binh-thuan',
 * issuerPlace('UBND thị xã Bến Cát') → 'ben-cat'; '' when nothing is left.
 */
export function issuerPlace(issuer: string | null): string {
  if (!issuer) return '';
  const place = foldVietnamese(issuer).replace(ISSUER_PREFIX, '');
  return place ? slugify(place) : '';
}

/**
 * A decision's slug before it is made unique: its number and year, e.g. decisionSlugBase({ number: '3116/QĐ-BCT', decisionDate:
 * '2023-12-01', level: 'national', … }) → '3116-qd-bct-2023'. The year is the decision's own (its date),
 * else the round's. A ministry's or department's number names its issuer ("BCT", "CTĐP"), but every
 * People's Committee numbers its decisions "…/QĐ-UBND": below the regional level the issuer's place is
 * added ('1493-qd-ubnd-2022-binh-thuan'), so two provinces' "1493/QĐ-UBND" of one year differ. Anything
 * still equal (an issuer left blank) gets "-2", "-3" from slugForDecision.
 */
export function decisionSlugBase(d: DecisionSlugInput): string {
  const year = d.decisionDate?.slice(0, 4) ?? String(d.roundYear);
  const number = slugify(d.number);
  const withYear = number.split('-').includes(year) ? number : `${number}-${year}`;
  const local = d.level === 'provincial' || d.level === 'district' || d.level === 'commune';
  const place = local ? issuerPlace(d.issuer) : '';
  return slugify(place ? `${withYear}-${place}` : withYear);
}

/** The slug a new decision gets: decisionSlugBase made unique with "-2", "-3". Slugs never change once published. */
export function slugForDecision(d: DecisionSlugInput, isTaken: (slug: string) => boolean): string {
  return uniqueSlug(decisionSlugBase(d), isTaken);
}
