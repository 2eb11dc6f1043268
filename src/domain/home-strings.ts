/** The words of the home page's figures (src/domain/home-figures.ts), in both languages. */
import { defineStrings } from './strings.ts';

/** The home page's strings in one language: homeT('en').allDecisions → "All recognition decisions". */
export const homeT = defineStrings({
  vi: {
    figuresLabel: 'Sổ đăng ký hiện có',
    products: 'sản phẩm được công nhận',
    establishments: 'cơ sở sản xuất',
    provinces: 'tỉnh, thành (hiện nay) có sản phẩm',
    latestRound: 'đợt bình chọn gần nhất',
    publishedOn: 'công bố ngày',
    publishedUnknown: 'chưa rõ ngày công bố',
    roundsHeading: 'Sổ đăng ký có bao nhiêu sản phẩm của mỗi đợt',
    roundsLead: 'Theo số sản phẩm mà quyết định công nhận của mỗi đợt công bố.',
    allDecisions: 'Tất cả quyết định công nhận',
  },
  en: {
    figuresLabel: 'What the registry holds',
    products: 'certified products',
    establishments: 'establishments',
    provinces: 'provinces (as they are now) with a product',
    latestRound: 'latest round',
    publishedOn: 'published on',
    publishedUnknown: 'publication date not known',
    roundsHeading: 'How much of each round the registry holds',
    roundsLead: 'Against the number of products each round’s recognition decision published.',
    allDecisions: 'All recognition decisions',
  },
});
