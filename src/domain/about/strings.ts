import type { Locale } from '../i18n.ts';

/** Text of the About page (/about/, /en/about/), in Vietnamese and English. Facts from DOMAIN.md. */
const STRINGS = {
  title: { vi: 'Giới thiệu', en: 'About this registry' },
  lead: {
    vi: 'Danh bạ công khai các sản phẩm công nghiệp nông thôn tiêu biểu (SPCNNTTB) đã được công nhận: ai đứng sau danh bạ, chứng nhận là gì, dữ liệu lấy từ đâu và đầy đủ đến mức nào.',
    en: 'The public registry of Vietnam’s certified typical rural industrial products: who stands behind it, what the certification is, where the data come from and how complete they are.',
  },
  contents: { vi: 'Trên trang này', en: 'On this page' },
  agencyHeading: { vi: 'Đơn vị quản lý', en: 'Who runs the registry' },
  agencyMissing: {
    vi: 'Đơn vị quản lý danh bạ này chưa được cấu hình. Cho đến khi cấu hình, trang này không nêu tên cơ quan nào: dữ liệu vẫn là dữ liệu công khai, mỗi chứng nhận ghi nguồn của nó.',
    en: 'The agency that runs this registry has not been configured. Until it is, this page names no agency: the data are still public facts, and every certification names its source.',
  },
  agencyMissingHint: {
    vi: 'Người vận hành: điền config/agency.json theo mẫu config/agency.example.json rồi phát hành lại.',
    en: 'Operators: fill in config/agency.json after config/agency.example.json, then publish again.',
  },
  address: { vi: 'Địa chỉ', en: 'Address' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  website: { vi: 'Trang thông tin', en: 'Website' },
  logoAlt: { vi: 'Biểu trưng của', en: 'Logo of' },
  programmeHeading: { vi: 'Chứng nhận SPCNNT tiêu biểu là gì', en: 'What the certification is' },
  programme: {
    vi: 'Sản phẩm công nghiệp nông thôn tiêu biểu là sản phẩm của cơ sở công nghiệp nông thôn (doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, hộ kinh doanh) được hội đồng bình chọn chấm điểm và được cơ quan có thẩm quyền công nhận bằng quyết định. Cơ sở được cấp Giấy chứng nhận và được in biểu trưng SPCNNTTB lên bao bì. Đây là chương trình khác với OCOP (Mỗi xã một sản phẩm); nhiều sản phẩm có cả hai.',
    en: 'A typical rural industrial product is made by a rural industrial establishment (a small or medium enterprise, cooperative, cooperative group or household business), scored by a selection jury and recognised by a decision of the competent authority. The establishment receives a certificate and may print the programme’s logo on its packaging. It is a different programme from OCOP (One Commune One Product); many products hold both.',
  },
  scoring: {
    vi: 'Thang điểm 100: phù hợp thị trường và tiềm năng sản xuất 40; kinh tế, kỹ thuật, xã hội và môi trường 40; văn hóa và thẩm mỹ 10; chứng nhận chất lượng, giải thưởng 10. Ở cấp tỉnh, sản phẩm cần điểm bình quân từ 70 trở lên; đạt điểm không có nghĩa chắc chắn được công nhận.',
    en: 'Products are scored out of 100: market fit and production potential 40; economic, technical, social and environmental merit 40; culture and aesthetics 10; quality certificates and awards 10. At provincial level a jury average of at least 70 is needed, and a passing score does not guarantee recognition.',
  },
  levelsHeading: { vi: 'Bốn cấp và ba khu vực', en: 'Four levels and three regions' },
  levelsIntro: {
    vi: 'Từ thấp đến cao; một sản phẩm có thể được công nhận nhiều lần, ở nhiều cấp, qua các năm:',
    en: 'From lowest to highest; one product may be certified many times, at several levels, over the years:',
  },
  levelCommune: {
    vi: 'Cấp xã (từ 1/7/2025; trước đó là cấp huyện) — Ủy ban nhân dân cấp xã, cấp huyện công nhận.',
    en: 'Commune (from 1 July 2025; district level before) — recognised by the commune or district People’s Committee.',
  },
  levelProvincial: {
    vi: 'Cấp tỉnh — Ủy ban nhân dân tỉnh công nhận, Sở Công Thương là cơ quan thường trực.',
    en: 'Provincial — recognised by the provincial People’s Committee, with the Department of Industry and Trade as standing body.',
  },
  levelRegional: {
    vi: 'Cấp khu vực — cục phụ trách công nghiệp địa phương của Bộ Công Thương tổ chức cùng tỉnh đăng cai; sản phẩm dự thi phải có chứng nhận cấp tỉnh còn hiệu lực.',
    en: 'Regional — run by the Ministry of Industry and Trade’s local-industry department with a host province; an entry needs a valid provincial certificate.',
  },
  levelNational: {
    vi: 'Cấp quốc gia — Bộ Công Thương công nhận, từ các sản phẩm đã đạt cấp khu vực.',
    en: 'National — recognised by the Ministry of Industry and Trade, from regional winners.',
  },
  regionsIntro: { vi: 'Ba khu vực:', en: 'The three regions:' },
  regionsNote: {
    vi: 'Khu vực phía Bắc gồm Hà Tĩnh trở ra (28 tỉnh cũ), khu vực phía Nam 20 tỉnh cũ. Danh sách tỉnh của mỗi khu vực là dữ liệu, vẽ trên 63 tỉnh cũ; sau sáp nhập năm 2025, tỉnh Lâm Đồng mới thuộc hai khu vực.',
    en: 'The northern region runs from Hà Tĩnh northwards (28 former provinces), the southern region has 20 former provinces. Membership is data, drawn on the 63 former provinces; after the 2025 merger the new Lâm Đồng province spans two regions.',
  },
  roundsHeading: { vi: 'Các kỳ bình chọn', en: 'The rounds' },
  rounds: {
    vi: 'Bình chọn cấp quốc gia diễn ra vào các năm lẻ từ năm 2015: lần thứ nhất năm 2015 (100 sản phẩm), 2017 (102), 2019 (110), 2021 (200, Quyết định 1997/QĐ-BCT), 2023 (173, Quyết định 3116/QĐ-BCT) và lần thứ sáu năm 2025 (Quyết định 2568/QĐ-BCT). Bình chọn cấp khu vực diễn ra vào các năm chẵn, mỗi kỳ gắn với một hội chợ triển lãm, nơi trao giấy chứng nhận (ví dụ năm 2022: phía Bắc 141, phía Nam 200 sản phẩm; năm 2024: phía Bắc 126, phía Nam 189). Danh bạ lưu năm của từng kỳ, không suy ra từ chu kỳ.',
    en: 'National rounds are held in odd years since 2015: the first in 2015 (100 products), then 2017 (102), 2019 (110), 2021 (200, decision 1997/QĐ-BCT), 2023 (173, decision 3116/QĐ-BCT) and the sixth in 2025 (decision 2568/QĐ-BCT). Regional rounds are held in even years, each paired with a trade fair where the certificates are handed over (2022: North 141, South 200 products; 2024: North 126, South 189). The registry stores each round’s year rather than assume the cycle.',
  },
  legalHeading: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  legalIntro: {
    vi: 'Việc bình chọn và công nhận được quy định tại:',
    en: 'Selection and recognition are governed by circulars of the Ministry of Industry and Trade:',
  },
  legal26: {
    vi: 'Thông tư 26/2014/TT-BCT quy định về việc tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu;',
    en: 'Circular 26/2014/TT-BCT on organising the selection of typical rural industrial products;',
  },
  legal14: {
    vi: 'Thông tư 14/2018/TT-BCT sửa đổi, bổ sung Thông tư 26/2014/TT-BCT (gồm thời hạn hiệu lực của giấy chứng nhận);',
    en: 'Circular 14/2018/TT-BCT amending Circular 26/2014/TT-BCT (including how long a certificate is valid);',
  },
  legal38: {
    vi: 'Thông tư 38/2025/TT-BCT sửa đổi, bổ sung tiếp (cấp xã thay cấp huyện từ 1/7/2025);',
    en: 'Circular 38/2025/TT-BCT, a further amendment (commune level in place of district level from 1 July 2025);',
  },
  legal46: {
    vi: 'Văn bản hợp nhất 46/VBHN-BCT ngày 13/10/2025 hợp nhất các thông tư trên.',
    en: 'Consolidated text 46/VBHN-BCT of 13 October 2025, which brings the circulars above together.',
  },
  validityHeading: { vi: 'Thời hạn hiệu lực được tính thế nào', en: 'How validity is worked out' },
  /** {years}, {year}, {until}: the configured rule and an example. */
  validityRule: {
    vi: 'Theo Thông tư 14/2018/TT-BCT, giấy chứng nhận có hiệu lực đến hết ngày 31 tháng 12 của năm thứ {years}, tính cả năm cấp là năm thứ nhất. Ví dụ: chứng nhận năm {year} có hiệu lực đến {until}.',
    en: 'Under Circular 14/2018/TT-BCT a certificate is valid until 31 December of year {years}, counting the year of issue as year one. For example, a {year} certification is valid until {until}.',
  },
  validityRuleNotFirst: {
    vi: 'Danh bạ tính hạn hiệu lực đến hết ngày 31 tháng 12 của năm thứ {years} sau năm cấp. Ví dụ: chứng nhận năm {year} có hiệu lực đến {until}.',
    en: 'The registry counts validity until 31 December of the {years}th year after the year of issue. For example, a {year} certification is valid until {until}.',
  },
  validityRecorded: {
    vi: 'Đây chỉ là cách tính mặc định. Khi cán bộ ghi nhận ngày hết hiệu lực in trên giấy chứng nhận hoặc trong quyết định, ngày đã ghi nhận luôn được dùng thay cho ngày tính theo quy tắc, và trang chứng nhận cho biết ngày đó được ghi nhận hay được tính. Chứng nhận bị thu hồi luôn hiển thị là đã thu hồi; chứng nhận hết hạn vẫn được giữ và hiển thị là hết hiệu lực, không bị ẩn.',
    en: 'This is only the default. When staff record the end date printed on the certificate or in the decision, the recorded date always wins over the computed one, and the certificate’s page says whether its date was recorded or computed. A revoked certification always shows as revoked; an expired one stays in the registry and shows as expired, never hidden.',
  },
  dataHeading: { vi: 'Nguồn dữ liệu và mức độ đầy đủ', en: 'Where the data come from, and how complete they are' },
  dataSources: {
    vi: 'Dữ liệu được tổng hợp từ các quyết định công nhận và trang tin công khai của cơ quan nhà nước và báo chí; mỗi chứng nhận ghi địa chỉ nguồn của nó. Tên sản phẩm và cơ sở được giữ đúng như nguồn in, kể cả khi nguồn in bằng tiếng Anh; nơi nguồn không nêu cơ sở hay nhóm sản phẩm, danh bạ để trống chứ không tự điền.',
    en: 'The data are compiled from recognition decisions and public pages of government bodies and the press; every certification names its source. Product and producer names are kept exactly as the source prints them, in English where the source did; where a source names no producer or product group, the registry leaves it blank rather than guess.',
  },
  figuresCaption: {
    vi: 'Danh bạ hiện có (tính khi phát hành trang này)',
    en: 'What the registry holds (counted when this page was published)',
  },
  figCertifications: { vi: 'chứng nhận', en: 'certifications' },
  figProducts: { vi: 'sản phẩm', en: 'products' },
  figEstablishments: { vi: 'cơ sở sản xuất', en: 'producers' },
  figProvinces: { vi: 'tỉnh (theo tên khi công nhận)', en: 'provinces (as named when certified)' },
  figSources: { vi: 'nguồn công khai khác nhau', en: 'distinct public sources' },
  figYears: { vi: 'năm công nhận', en: 'years of certification' },
  incomplete: {
    vi: 'Danh bạ chưa đầy đủ. Mỗi kỳ cấp quốc gia công nhận 100–200 sản phẩm, mỗi kỳ khu vực 120–200, mỗi tỉnh hàng chục sản phẩm một kỳ và cấp huyện còn nhiều hơn: một danh bạ đầy đủ sẽ có hàng chục nghìn chứng nhận. Bảng dưới cho biết danh bạ giữ được bao nhiêu sản phẩm của mỗi kỳ cấp quốc gia và khu vực.',
    en: 'The registry is not complete. Each national round certifies 100–200 products, each regional round 120–200, each province tens a round and districts more: a complete registry would hold tens of thousands of certifications. The table shows how much of each national and regional round the registry holds.',
  },
  roundsCaption: { vi: 'Mức độ đầy đủ theo kỳ bình chọn', en: 'Completeness by round' },
  colRound: { vi: 'Kỳ', en: 'Round' },
  colHeld: { vi: 'Danh bạ có', en: 'Held' },
  colPublished: { vi: 'Số sản phẩm được công nhận (theo quyết định)', en: 'Products certified (per decision)' },
  colShare: { vi: 'Tỷ lệ', en: 'Share' },
  unknownSize: { vi: 'chưa ghi nhận', en: 'not recorded' },
  noRounds: {
    vi: 'Danh bạ chưa có chứng nhận cấp quốc gia hay khu vực nào.',
    en: 'The registry holds no national or regional certification yet.',
  },
  national: { vi: 'Quốc gia', en: 'National' },
  licenceHeading: { vi: 'Giấy phép', en: 'Licence' },
  licence: {
    vi: 'Phần tổng hợp (danh sách, mã tra cứu, mô tả, bản dịch) được cấp phép Creative Commons Ghi công 4.0 (CC BY 4.0): được dùng lại, kể cả cho mục đích thương mại, khi ghi nguồn là danh bạ này. Ảnh sản phẩm không thuộc giấy phép này.',
    en: 'The compilation (lists, registry codes, descriptions, translations) is licensed under Creative Commons Attribution 4.0 (CC BY 4.0): reuse it, commercially too, crediting this registry. Product photos are not covered.',
  },
  openDataLink: { vi: 'Tải dữ liệu mở', en: 'Download the open data' },
  privacyHeading: { vi: 'Quyền riêng tư', en: 'Privacy' },
  privacy: {
    vi: 'Trang công khai không dùng cookie, không theo dõi và không gọi dịch vụ của bên thứ ba. Danh sách gian hàng đã lưu chỉ nằm trong trình duyệt của bạn. Khi bạn gửi báo lỗi, danh bạ lưu trang được báo, nội dung và thông tin liên hệ nếu bạn tự nguyện ghi; để chống lạm dụng, máy chủ giữ một mã băm của địa chỉ IP trong tối đa một ngày, không lưu địa chỉ IP. Chỉ cán bộ quản lý danh bạ đọc được báo lỗi. Khu vực quản trị dùng cookie phiên đăng nhập cho cán bộ.',
    en: 'The public pages set no cookies, do no tracking and call no third-party service. A fair shortlist you save stays in your browser. When you report a mistake, the registry stores the page, your message and a contact only if you choose to give one; against abuse, the server keeps a hash of your IP address for at most a day, never the address itself. Only the registry’s staff read reports. The staff area uses a sign-in session cookie for staff.',
  },
  accessibilityHeading: { vi: 'Tuyên bố về khả năng tiếp cận', en: 'Accessibility statement' },
  accessibility: {
    vi: 'Danh bạ hướng tới mức AA của WCAG 2.2. Mọi trang đọc được khi không có JavaScript, dùng được bằng bàn phím và trình đọc màn hình, hiển thị được trên điện thoại; các loại trang được kiểm tra tự động bằng axe trong bộ kiểm thử của dự án. Bản đồ gian hàng có danh sách thay thế. Nếu bạn gặp trở ngại khi sử dụng, hãy báo cho chúng tôi theo cách dưới đây.',
    en: 'The registry aims at WCAG 2.2 level AA. Every page reads without JavaScript, works with a keyboard and a screen reader, and fits a phone screen; page types are checked automatically with axe in the project’s tests. Fair floor plans have a list alternative. If something stands in your way, tell us as below.',
  },
  reportHeading: { vi: 'Báo lỗi', en: 'Reporting a mistake' },
  report: {
    vi: 'Mỗi trang sản phẩm, cơ sở, hội chợ và chứng nhận có liên kết “Báo lỗi trên trang này”. Bạn không cần tài khoản; cán bộ đọc và xử lý từng báo lỗi. Bạn cũng có thể báo lỗi chung tại đây:',
    en: 'Every product, producer, fair and certificate page has a “Report a mistake on this page” link. No account is needed; staff read and handle every report. You can also report a general mistake here:',
  },
  reportLink: { vi: 'Gửi báo lỗi', en: 'Send a report' },
  reportEmail: { vi: 'Hoặc viết thư cho đơn vị quản lý:', en: 'Or write to the agency:' },
} as const;

export type AboutStringKey = keyof typeof STRINGS;

/** The About page's strings in one language. */
export function aboutStrings(locale: Locale): Readonly<Record<AboutStringKey, string>> {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, v[locale]])) as Record<AboutStringKey, string>;
}

/** Fills "{name}" placeholders: fill('a {x}', { x: 1 }) → "a 1". */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
