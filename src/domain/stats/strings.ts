import type { Locale } from '../i18n.ts';

/** Interface text of the statistics pages (issue #9) in Vietnamese and English; sentences are in sentences.ts. */
const STRINGS = {
  statsTitle: { vi: 'Thống kê', en: 'Statistics' },
  statsLead: {
    vi: 'Các con số của danh bạ: chứng nhận theo năm bình chọn và cấp, theo nhóm sản phẩm, theo tỉnh/thành, hiệu lực của chứng nhận và các hội chợ. Mỗi biểu đồ có bảng số liệu đi kèm.',
    en: 'The registry in figures: certifications by round year and level, by product group and by province, how many are still valid, and the fairs. Every chart comes with its table of numbers.',
  },
  statsAsOf: { vi: 'Số liệu tính đến ngày', en: 'Figures as of' },
  statsRelease: { vi: 'bản phát hành', en: 'release' },
  statsUnpublished: { vi: 'bản dựng chưa phát hành', en: 'unpublished build' },
  statsOnlyPublished: {
    vi: 'Chỉ tính các chứng nhận và sản phẩm đã công bố, như trang Sản phẩm. Hiệu lực tính theo ngày của bản phát hành.',
    en: 'Only published certifications and products count, as on the Products page. Statuses are as of the release’s day.',
  },
  statsOpenData: { vi: 'Tải toàn bộ danh sách chứng nhận (dữ liệu mở)', en: 'Download the full certification list (open data)' },
  statsRegionFilter: { vi: 'Lọc theo khu vực', en: 'Filter by region' },
  statsWholeCountry: { vi: 'Cả nước', en: 'Whole country' },
  regionNorth: { vi: 'Phía Bắc', en: 'North' },
  regionCentral: { vi: 'Miền Trung – Tây Nguyên', en: 'Central & Highlands' },
  regionSouth: { vi: 'Phía Nam', en: 'South' },
  statsRegionNote: {
    vi: 'Chứng nhận được tính theo khu vực của tỉnh/thành hiện nay; riêng tỉnh Lâm Đồng mới trải trên hai khu vực nên tính theo tỉnh khi công nhận. Hội chợ được tính theo khu vực của hội chợ: hội chợ cấp quốc gia chỉ có trong số liệu cả nước.',
    en: 'Certifications count in the region of their current province; new Lâm Đồng spans two regions, so its certifications count by the province as certified. Fairs count by their own region: national fairs appear in the whole-country figures only.',
  },
  headlineLabel: { vi: 'Thống kê nổi bật', en: 'Key statistics' },
  headlineMore: { vi: 'Xem thống kê', en: 'See the statistics' },
  figCertifications: { vi: 'chứng nhận', en: 'certifications' },
  figCertification: { vi: 'chứng nhận', en: 'certification' },
  figRoundYears: { vi: 'năm bình chọn', en: 'round years' },
  figRoundYear: { vi: 'năm bình chọn', en: 'round year' },
  figProducts: { vi: 'sản phẩm được công nhận', en: 'certified products' },
  figProduct: { vi: 'sản phẩm được công nhận', en: 'certified product' },
  figValid: { vi: 'chứng nhận còn hiệu lực vào ngày phát hành', en: 'of certifications valid on the release day' },
  figProvinces: { vi: 'tỉnh, thành có sản phẩm được công nhận', en: 'provinces with a certified product' },
  figFairs: { vi: 'hội chợ', en: 'fairs' },
  figFair: { vi: 'hội chợ', en: 'fair' },
  figOf: { vi: 'trên', en: 'of' },
  figIn: { vi: 'trong', en: 'in' },
  figNoData: { vi: 'chưa có số liệu', en: 'no figures yet' },
  roundsTitle: { vi: 'Chứng nhận theo năm bình chọn và cấp', en: 'Certifications by round year and level' },
  roundsDesc: {
    vi: 'Biểu đồ thanh ngang xếp chồng: mỗi năm bình chọn một thanh, chia theo cấp công nhận, tổng số ở cuối thanh.',
    en: 'Stacked horizontal bar chart: one bar per round year, split by level, the total at the end of each bar.',
  },
  validityTitle: { vi: 'Hiệu lực chứng nhận theo cấp', en: 'Certificate status by level' },
  validityDesc: {
    vi: 'Biểu đồ thanh ngang xếp chồng: mỗi cấp một thanh, chia thành còn hiệu lực, hết hiệu lực và đã thu hồi.',
    en: 'Stacked horizontal bar chart: one bar per level, split into valid, expired and revoked.',
  },
  groupsTitle: { vi: 'Chứng nhận theo nhóm sản phẩm', en: 'Certifications by product group' },
  groupsDesc: {
    vi: 'Biểu đồ thanh ngang: mỗi nhóm sản phẩm một thanh, thêm một thanh cho chứng nhận không ghi nhóm.',
    en: 'Horizontal bar chart: one bar per product group, and one for certifications that give no group.',
  },
  provincesTitle: { vi: 'Chứng nhận theo tỉnh, thành hiện nay', en: 'Certifications by current province' },
  provincesDesc: {
    vi: 'Biểu đồ thanh ngang: mỗi tỉnh, thành hiện nay (sau ngày 01/07/2025) một thanh, nhiều nhất ở trên; dòng nhỏ ghi tỉnh khi công nhận.',
    en: 'Horizontal bar chart: one bar per current province (after 1 July 2025), most first; the small line names the provinces as certified.',
  },
  fairsTitle: { vi: 'Hội chợ và đơn vị trưng bày', en: 'Fairs and exhibitors' },
  fairsDesc: {
    vi: 'Biểu đồ thanh ngang theo nhóm: mỗi hội chợ có thanh số gian hàng và số đơn vị tham gia theo nguồn công bố (nếu có) và số đơn vị trưng bày có trong danh bạ.',
    en: 'Grouped horizontal bar chart: for each fair, the booths and exhibitors its source announced (where given) and the exhibitors listed in this registry.',
  },
  tableSuffix: { vi: 'bảng số liệu', en: 'table' },
  colYear: { vi: 'Năm', en: 'Year' },
  colLevel: { vi: 'Cấp', en: 'Level' },
  colTotal: { vi: 'Tổng', en: 'Total' },
  colGroup: { vi: 'Nhóm sản phẩm', en: 'Product group' },
  colProvince: { vi: 'Tỉnh/thành hiện nay', en: 'Current province' },
  colCertifications: { vi: 'Chứng nhận', en: 'Certifications' },
  colShare: { vi: 'Tỷ lệ', en: 'Share' },
  colShareValid: { vi: 'Tỷ lệ còn hiệu lực', en: 'Share valid' },
  colFair: { vi: 'Hội chợ', en: 'Fair' },
  colBooths: { vi: 'Gian hàng', en: 'Booths' },
  colExhibitors: { vi: 'Đơn vị tham gia', en: 'Exhibitors' },
  colListed: { vi: 'Đơn vị trong danh bạ', en: 'Exhibitors listed here' },
  colSamples: { vi: 'Dòng minh họa (không tính)', en: 'Sample rows (not counted)' },
  unitBooths: { vi: 'gian hàng', en: 'booths' },
  unitExhibitors: { vi: 'đơn vị (theo nguồn)', en: 'exhibitors (announced)' },
  unitListed: { vi: 'trong danh bạ', en: 'listed here' },
  seriesBooths: { vi: 'Gian hàng theo nguồn công bố', en: 'Booths, as announced' },
  seriesExhibitors: { vi: 'Đơn vị tham gia theo nguồn công bố', en: 'Exhibitors, as announced' },
  seriesListed: { vi: 'Đơn vị trưng bày có trong danh bạ', en: 'Exhibitors listed in this registry' },
  legend: { vi: 'Chú giải', en: 'Legend' },
  levelNational: { vi: 'Quốc gia', en: 'National' },
  levelRegional: { vi: 'Khu vực', en: 'Regional' },
  levelProvincial: { vi: 'Tỉnh', en: 'Provincial' },
  levelDistrict: { vi: 'Huyện', en: 'District' },
  levelCommune: { vi: 'Xã', en: 'Commune' },
  regionalNorth: { vi: 'Khu vực phía Bắc', en: 'Regional – North' },
  regionalCentral: { vi: 'Khu vực miền Trung – Tây Nguyên', en: 'Regional – Central & Highlands' },
  regionalSouth: { vi: 'Khu vực phía Nam', en: 'Regional – South' },
  fairNoFigures: { vi: 'nguồn không công bố số liệu', en: 'no figures published' },
  fairsDashNote: {
    vi: 'Số gian hàng và số đơn vị tham gia là số do nguồn công bố; dấu “–”: nguồn không công bố con số này.',
    en: 'Booths and exhibitors are the numbers the source announced; a “–”: the source published no such number.',
  },
  fairsListedNote: {
    vi: 'Số đơn vị trong danh bạ chỉ tính các đơn vị trưng bày đã công bố.',
    en: 'Exhibitors listed here count published exhibitors only.',
  },
  groupNotGiven: { vi: 'Không ghi nhóm', en: 'Group not given' },
  asCertified: { vi: 'khi công nhận', en: 'certified as' },
  certifiedAsRow: { vi: 'Khi công nhận là', en: 'Certified as' },
  unknownYear: { vi: 'Chưa rõ năm', en: 'Year unknown' },
  notPublished: { vi: 'không công bố', en: 'not published' },
  atLeast: { vi: 'trên', en: 'more than' },
  noFigures: { vi: 'Chưa có số liệu.', en: 'No figures yet.' },
  samplesNote: {
    vi: 'Các dòng minh họa (tạo tự động để thử tính năng) được ghi riêng và không tính vào số đơn vị trưng bày.',
    en: 'Sample rows (generated to try the features) are shown apart and not counted as exhibitors.',
  },
  tableScroll: { vi: 'Bảng cuộn ngang', en: 'Scrollable table' },
} as const satisfies Record<string, Record<Locale, string>>;

export type StatsStringKey = keyof typeof STRINGS;

const TABLES = new Map<Locale, Readonly<Record<StatsStringKey, string>>>();

/** The statistics strings of one language: statsT('en').statsTitle → "Statistics". */
export function statsT(locale: Locale): Readonly<Record<StatsStringKey, string>> {
  let table = TABLES.get(locale);
  if (!table) {
    table = Object.freeze(
      Object.fromEntries(Object.entries(STRINGS).map(([key, value]) => [key, value[locale]])) as Record<StatsStringKey, string>,
    );
    TABLES.set(locale, table);
  }
  return table;
}
