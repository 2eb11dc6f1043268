/** The words of the home page's figures (src/domain/home-figures.ts), in both languages. */
import type { Locale } from './i18n.ts';

const STRINGS = {
  figuresLabel: { vi: 'Sổ đăng ký hiện có', en: 'What the registry holds' },
  products: { vi: 'sản phẩm được công nhận', en: 'certified products' },
  establishments: { vi: 'cơ sở sản xuất', en: 'establishments' },
  provinces: { vi: 'tỉnh, thành (hiện nay) có sản phẩm', en: 'provinces (as they are now) with a product' },
  latestRound: { vi: 'đợt bình chọn gần nhất', en: 'latest round' },
  publishedOn: { vi: 'công bố ngày', en: 'published on' },
  publishedUnknown: { vi: 'chưa rõ ngày công bố', en: 'publication date not known' },
  roundsHeading: { vi: 'Sổ đăng ký có bao nhiêu sản phẩm của mỗi đợt', en: 'How much of each round the registry holds' },
  roundsLead: {
    vi: 'Theo số sản phẩm mà quyết định công nhận của mỗi đợt công bố.',
    en: 'Against the number of products each round’s recognition decision published.',
  },
  allDecisions: { vi: 'Tất cả quyết định công nhận', en: 'All recognition decisions' },
} as const satisfies Record<string, Record<Locale, string>>;

/** The home page's strings in one language. */
export function homeT(locale: Locale): Record<keyof typeof STRINGS, string> {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, v[locale]])) as Record<keyof typeof STRINGS, string>;
}
