import { defineStrings, type TableKey } from '#domain/strings.ts';

/** Text of the About page (/about/, /en/about/) in one language: aboutStrings('en').title → "About this registry". Facts from DOMAIN.md. */
export const aboutStrings = defineStrings({
  vi: {
    title: 'Giới thiệu',
    lead: 'Danh bạ công khai các sản phẩm công nghiệp nông thôn tiêu biểu (SPCNNTTB) đã được công nhận: ai đứng sau danh bạ, chứng nhận là gì, dữ liệu lấy từ đâu và đầy đủ đến mức nào.',
    contents: 'Trên trang này',
    agencyHeading: 'Đơn vị quản lý',
    agencyMissing:
      'Đơn vị quản lý danh bạ này chưa được cấu hình. Cho đến khi cấu hình, trang này không nêu tên cơ quan nào: dữ liệu vẫn là dữ liệu công khai, mỗi chứng nhận ghi nguồn của nó.',
    agencyMissingHint: 'Người vận hành: điền config/agency.json theo mẫu config/agency.example.json rồi phát hành lại.',
    address: 'Địa chỉ',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    website: 'Trang thông tin',
    logoAlt: 'Biểu trưng của',
    programmeHeading: 'Chứng nhận SPCNNT tiêu biểu là gì',
    programme:
      'Sản phẩm công nghiệp nông thôn tiêu biểu là sản phẩm của cơ sở công nghiệp nông thôn (doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, hộ kinh doanh) được hội đồng bình chọn chấm điểm và được cơ quan có thẩm quyền công nhận bằng quyết định. Cơ sở được cấp Giấy chứng nhận và được in biểu trưng SPCNNTTB lên bao bì. Đây là chương trình khác với OCOP (Mỗi xã một sản phẩm); nhiều sản phẩm có cả hai.',
    scoring:
      'Thang điểm 100: phù hợp thị trường và tiềm năng sản xuất 40; kinh tế, kỹ thuật, xã hội và môi trường 40; văn hóa và thẩm mỹ 10; chứng nhận chất lượng, giải thưởng 10. Ở cấp tỉnh, sản phẩm cần điểm bình quân từ 70 trở lên; đạt điểm không có nghĩa chắc chắn được công nhận.',
    levelsHeading: 'Bốn cấp và ba khu vực',
    levelsIntro: 'Từ thấp đến cao; một sản phẩm có thể được công nhận nhiều lần, ở nhiều cấp, qua các năm:',
    levelCommune: 'Cấp xã (từ 1/7/2025; trước đó là cấp huyện) — Ủy ban nhân dân cấp xã, cấp huyện công nhận.',
    levelProvincial: 'Cấp tỉnh — Ủy ban nhân dân tỉnh công nhận, Sở Công Thương là cơ quan thường trực.',
    levelRegional:
      'Cấp khu vực — cục phụ trách công nghiệp địa phương của Bộ Công Thương tổ chức cùng tỉnh đăng cai; sản phẩm dự thi phải có chứng nhận cấp tỉnh còn hiệu lực.',
    levelNational: 'Cấp quốc gia — Bộ Công Thương công nhận, từ các sản phẩm đã đạt cấp khu vực.',
    regionsIntro: 'Ba khu vực:',
    regionsNote:
      'Khu vực phía Bắc gồm Hà Tĩnh trở ra (28 tỉnh cũ), khu vực phía Nam 20 tỉnh cũ. Danh sách tỉnh của mỗi khu vực là dữ liệu, vẽ trên 63 tỉnh cũ; sau sáp nhập năm 2025, tỉnh Lâm Đồng mới thuộc hai khu vực.',
    roundsHeading: 'Các kỳ bình chọn',
    rounds:
      'Bình chọn cấp quốc gia diễn ra vào các năm lẻ từ năm 2015: lần thứ nhất năm 2015 (100 sản phẩm), 2017 (102), 2019 (110), 2021 (200, Quyết định 1997/QĐ-BCT), 2023 (173, Quyết định 3116/QĐ-BCT) và lần thứ sáu năm 2025 (Quyết định 2568/QĐ-BCT). Bình chọn cấp khu vực diễn ra vào các năm chẵn, mỗi kỳ gắn với một hội chợ triển lãm, nơi trao giấy chứng nhận (ví dụ năm 2022: phía Bắc 141, phía Nam 200 sản phẩm; năm 2024: phía Bắc 126, phía Nam 189). Danh bạ lưu năm của từng kỳ, không suy ra từ chu kỳ.',
    legalHeading: 'Căn cứ pháp lý',
    legalIntro: 'Việc bình chọn và công nhận được quy định tại:',
    legal26: 'Thông tư 26/2014/TT-BCT quy định về việc tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu;',
    legal14: 'Thông tư 14/2018/TT-BCT sửa đổi, bổ sung Thông tư 26/2014/TT-BCT (gồm thời hạn hiệu lực của giấy chứng nhận);',
    legal38: 'Thông tư 38/2025/TT-BCT sửa đổi, bổ sung tiếp (cấp xã thay cấp huyện từ 1/7/2025);',
    legal46: 'Văn bản hợp nhất 46/VBHN-BCT ngày 13/10/2025 hợp nhất các thông tư trên.',
    validityHeading: 'Thời hạn hiệu lực được tính thế nào',
    /** {years}, {year}, {until}: the configured rule and an example. */
    validityRule:
      'Theo Thông tư 14/2018/TT-BCT, giấy chứng nhận có hiệu lực đến hết ngày 31 tháng 12 của năm thứ {years}, tính cả năm cấp là năm thứ nhất. Ví dụ: chứng nhận năm {year} có hiệu lực đến {until}.',
    validityRuleNotFirst:
      'Danh bạ tính hạn hiệu lực đến hết ngày 31 tháng 12 của năm thứ {years} sau năm cấp. Ví dụ: chứng nhận năm {year} có hiệu lực đến {until}.',
    validityRecorded:
      'Đây chỉ là cách tính mặc định. Khi cán bộ ghi nhận ngày hết hiệu lực in trên giấy chứng nhận hoặc trong quyết định, ngày đã ghi nhận luôn được dùng thay cho ngày tính theo quy tắc, và trang chứng nhận cho biết ngày đó được ghi nhận hay được tính. Chứng nhận bị thu hồi luôn hiển thị là đã thu hồi; chứng nhận hết hạn vẫn được giữ và hiển thị là hết hiệu lực, không bị ẩn.',
    dataHeading: 'Nguồn dữ liệu và mức độ đầy đủ',
    dataSources:
      'Dữ liệu được tổng hợp từ các quyết định công nhận và trang tin công khai của cơ quan nhà nước và báo chí; mỗi chứng nhận ghi địa chỉ nguồn của nó. Tên sản phẩm và cơ sở được giữ đúng như nguồn in, kể cả khi nguồn in bằng tiếng Anh; nơi nguồn không nêu cơ sở hay nhóm sản phẩm, danh bạ để trống chứ không tự điền.',
    figuresCaption: 'Danh bạ hiện có (tính khi phát hành trang này)',
    figCertifications: 'chứng nhận',
    figProducts: 'sản phẩm',
    figEstablishments: 'cơ sở sản xuất',
    figProvinces: 'tỉnh (theo tên khi công nhận)',
    figSources: 'nguồn công khai khác nhau',
    figYears: 'năm công nhận',
    incomplete:
      'Danh bạ chưa đầy đủ. Mỗi kỳ cấp quốc gia công nhận 100–200 sản phẩm, mỗi kỳ khu vực 120–200, mỗi tỉnh hàng chục sản phẩm một kỳ và cấp huyện còn nhiều hơn: một danh bạ đầy đủ sẽ có hàng chục nghìn chứng nhận. Bảng dưới cho biết danh bạ giữ được bao nhiêu sản phẩm của mỗi kỳ cấp quốc gia và khu vực.',
    roundsCaption: 'Mức độ đầy đủ theo kỳ bình chọn',
    colRound: 'Kỳ',
    colHeld: 'Danh bạ có',
    colPublished: 'Số sản phẩm được công nhận (theo quyết định)',
    colShare: 'Tỷ lệ',
    unknownSize: 'chưa ghi nhận',
    noRounds: 'Danh bạ chưa có chứng nhận cấp quốc gia hay khu vực nào.',
    national: 'Quốc gia',
    licenceHeading: 'Giấy phép',
    licence:
      'Phần tổng hợp (danh sách, mã tra cứu, mô tả, bản dịch) được cấp phép Creative Commons Ghi công 4.0 (CC BY 4.0): được dùng lại, kể cả cho mục đích thương mại, khi ghi nguồn là danh bạ này. Ảnh sản phẩm không thuộc giấy phép này.',
    openDataLink: 'Tải dữ liệu mở',
    privacyHeading: 'Quyền riêng tư',
    privacy:
      'Trang công khai không dùng cookie, không theo dõi và không gọi dịch vụ của bên thứ ba. Danh sách gian hàng đã lưu chỉ nằm trong trình duyệt của bạn. Khi bạn gửi báo lỗi, danh bạ lưu trang được báo, nội dung và thông tin liên hệ nếu bạn tự nguyện ghi; để chống lạm dụng, máy chủ giữ một mã băm của địa chỉ IP trong tối đa một ngày, không lưu địa chỉ IP. Chỉ cán bộ quản lý danh bạ đọc được báo lỗi. Khu vực quản trị dùng cookie phiên đăng nhập cho cán bộ.',
    accessibilityHeading: 'Tuyên bố về khả năng tiếp cận',
    accessibility:
      'Danh bạ hướng tới mức AA của WCAG 2.2. Mọi trang đọc được khi không có JavaScript, dùng được bằng bàn phím và trình đọc màn hình, hiển thị được trên điện thoại; các loại trang được kiểm tra tự động bằng axe trong bộ kiểm thử của dự án. Bản đồ gian hàng có danh sách thay thế. Nếu bạn gặp trở ngại khi sử dụng, hãy báo cho chúng tôi theo cách dưới đây.',
    reportHeading: 'Báo lỗi',
    report:
      'Mỗi trang sản phẩm, cơ sở, hội chợ và chứng nhận có liên kết “Báo lỗi trên trang này”. Bạn không cần tài khoản; cán bộ đọc và xử lý từng báo lỗi. Bạn cũng có thể báo lỗi chung tại đây:',
    reportLink: 'Gửi báo lỗi',
    reportEmail: 'Hoặc viết thư cho đơn vị quản lý:',
  },
  en: {
    title: 'About this registry',
    lead: 'The public registry of Vietnam’s certified typical rural industrial products: who stands behind it, what the certification is, where the data come from and how complete they are.',
    contents: 'On this page',
    agencyHeading: 'Who runs the registry',
    agencyMissing:
      'The agency that runs this registry has not been configured. Until it is, this page names no agency: the data are still public facts, and every certification names its source.',
    agencyMissingHint: 'Operators: fill in config/agency.json after config/agency.example.json, then publish again.',
    address: 'Address',
    email: 'E-mail',
    phone: 'Phone',
    website: 'Website',
    logoAlt: 'Logo of',
    programmeHeading: 'What the certification is',
    programme:
      'A typical rural industrial product is made by a rural industrial establishment (a small or medium enterprise, cooperative, cooperative group or household business), scored by a selection jury and recognised by a decision of the competent authority. The establishment receives a certificate and may print the programme’s logo on its packaging. It is a different programme from OCOP (One Commune One Product); many products hold both.',
    scoring:
      'Products are scored out of 100: market fit and production potential 40; economic, technical, social and environmental merit 40; culture and aesthetics 10; quality certificates and awards 10. At provincial level a jury average of at least 70 is needed, and a passing score does not guarantee recognition.',
    levelsHeading: 'Four levels and three regions',
    levelsIntro: 'From lowest to highest; one product may be certified many times, at several levels, over the years:',
    levelCommune: 'Commune (from 1 July 2025; district level before) — recognised by the commune or district People’s Committee.',
    levelProvincial:
      'Provincial — recognised by the provincial People’s Committee, with the Department of Industry and Trade as standing body.',
    levelRegional:
      'Regional — run by the Ministry of Industry and Trade’s local-industry department with a host province; an entry needs a valid provincial certificate.',
    levelNational: 'National — recognised by the Ministry of Industry and Trade, from regional winners.',
    regionsIntro: 'The three regions:',
    regionsNote:
      'The northern region runs from Hà Tĩnh northwards (28 former provinces), the southern region has 20 former provinces. Membership is data, drawn on the 63 former provinces; after the 2025 merger the new Lâm Đồng province spans two regions.',
    roundsHeading: 'The rounds',
    rounds:
      'National rounds are held in odd years since 2015: the first in 2015 (100 products), then 2017 (102), 2019 (110), 2021 (200, decision 1997/QĐ-BCT), 2023 (173, decision 3116/QĐ-BCT) and the sixth in 2025 (decision 2568/QĐ-BCT). Regional rounds are held in even years, each paired with a trade fair where the certificates are handed over (2022: North 141, South 200 products; 2024: North 126, South 189). The registry stores each round’s year rather than assume the cycle.',
    legalHeading: 'Legal basis',
    legalIntro: 'Selection and recognition are governed by circulars of the Ministry of Industry and Trade:',
    legal26: 'Circular 26/2014/TT-BCT on organising the selection of typical rural industrial products;',
    legal14: 'Circular 14/2018/TT-BCT amending Circular 26/2014/TT-BCT (including how long a certificate is valid);',
    legal38: 'Circular 38/2025/TT-BCT, a further amendment (commune level in place of district level from 1 July 2025);',
    legal46: 'Consolidated text 46/VBHN-BCT of 13 October 2025, which brings the circulars above together.',
    validityHeading: 'How validity is worked out',
    validityRule:
      'Under Circular 14/2018/TT-BCT a certificate is valid until 31 December of year {years}, counting the year of issue as year one. For example, a {year} certification is valid until {until}.',
    validityRuleNotFirst:
      'The registry counts validity until 31 December of the {years}th year after the year of issue. For example, a {year} certification is valid until {until}.',
    validityRecorded:
      'This is only the default. When staff record the end date printed on the certificate or in the decision, the recorded date always wins over the computed one, and the certificate’s page says whether its date was recorded or computed. A revoked certification always shows as revoked; an expired one stays in the registry and shows as expired, never hidden.',
    dataHeading: 'Where the data come from, and how complete they are',
    dataSources:
      'The data are compiled from recognition decisions and public pages of government bodies and the press; every certification names its source. Product and producer names are kept exactly as the source prints them, in English where the source did; where a source names no producer or product group, the registry leaves it blank rather than guess.',
    figuresCaption: 'What the registry holds (counted when this page was published)',
    figCertifications: 'certifications',
    figProducts: 'products',
    figEstablishments: 'producers',
    figProvinces: 'provinces (as named when certified)',
    figSources: 'distinct public sources',
    figYears: 'years of certification',
    incomplete:
      'The registry is not complete. Each national round certifies 100–200 products, each regional round 120–200, each province tens a round and districts more: a complete registry would hold tens of thousands of certifications. The table shows how much of each national and regional round the registry holds.',
    roundsCaption: 'Completeness by round',
    colRound: 'Round',
    colHeld: 'Held',
    colPublished: 'Products certified (per decision)',
    colShare: 'Share',
    unknownSize: 'not recorded',
    noRounds: 'The registry holds no national or regional certification yet.',
    national: 'National',
    licenceHeading: 'Licence',
    licence:
      'The compilation (lists, registry codes, descriptions, translations) is licensed under Creative Commons Attribution 4.0 (CC BY 4.0): reuse it, commercially too, crediting this registry. Product photos are not covered.',
    openDataLink: 'Download the open data',
    privacyHeading: 'Privacy',
    privacy:
      'The public pages set no cookies, do no tracking and call no third-party service. A fair shortlist you save stays in your browser. When you report a mistake, the registry stores the page, your message and a contact only if you choose to give one; against abuse, the server keeps a hash of your IP address for at most a day, never the address itself. Only the registry’s staff read reports. The staff area uses a sign-in session cookie for staff.',
    accessibilityHeading: 'Accessibility statement',
    accessibility:
      'The registry aims at WCAG 2.2 level AA. Every page reads without JavaScript, works with a keyboard and a screen reader, and fits a phone screen; page types are checked automatically with axe in the project’s tests. Fair floor plans have a list alternative. If something stands in your way, tell us as below.',
    reportHeading: 'Reporting a mistake',
    report:
      'Every product, producer, fair and certificate page has a “Report a mistake on this page” link. No account is needed; staff read and handle every report. You can also report a general mistake here:',
    reportLink: 'Send a report',
    reportEmail: 'Or write to the agency:',
  },
});

export type AboutStringKey = TableKey<typeof aboutStrings>;

/** Fills "{name}" placeholders (the one mechanism's `fill`): fill('a {x}', { x: 1 }) → "a 1". */
export { fill } from '#domain/strings.ts';
