import { defineStrings, type TableKey } from '#domain/strings.ts';

/** The /data/ page's text in one language: openDataStrings('en').datasetsHeading → "Datasets". */
export const openDataStrings = defineStrings({
  vi: {
    lead: 'Toàn bộ dữ liệu danh bạ công bố, tải về được mà không cần thu thập từ trang web: năm bộ dữ liệu dạng CSV và JSON, mỗi bộ kèm JSON Schema, tệp JSON của từng sản phẩm, danh sách chính thức để sửa và nhập lại, và tệp kê mã kiểm tra SHA-256.',
    release: 'Bản phát hành',
    dataAsOf: 'dữ liệu tính đến',
    datasetsHeading: 'Các bộ dữ liệu',
    datasetsCaption: 'Các bộ dữ liệu, số bản ghi và tệp tải về (tệp CSV và JSON của một bộ có cùng các trường, cùng thứ tự)',
    dataset: 'Bộ dữ liệu',
    records: 'Số bản ghi',
    recordsUnit: 'bản ghi',
    downloads: 'Tải về',
    schema: 'Lược đồ',
    sizeOf: 'dung lượng',
    noSampleRows:
      'Bộ đơn vị trưng bày chỉ gồm dữ liệu thật: các dòng minh họa trên trang hội chợ (ghi “Dữ liệu minh họa”) không được đưa vào.',
    productDocsHeading: 'Từng sản phẩm dạng JSON',
    productDocsLead:
      'Mỗi sản phẩm có một tệp JSON tại /products/<slug>.json: sản phẩm, cơ sở sản xuất, toàn bộ lịch sử chứng nhận, các hội chợ đã trưng bày và ảnh, cùng địa chỉ trang bằng hai thứ tiếng. Trang sản phẩm trỏ tới tệp này.',
    example: 'Ví dụ',
    documents: 'tệp sản phẩm',
    officialListHeading: 'Danh sách chính thức (định dạng nhập)',
    officialListLead:
      'Đây là tệp để sửa trong bảng tính rồi nhập lại: mỗi dòng một chứng nhận đã công bố, đúng định dạng nhập danh sách của danh bạ, nên nhập lại vào danh bạ này hay một bản khác đều không sai lệch. Để phân tích dữ liệu, hãy dùng các bộ dữ liệu ở trên: chúng có đủ các trường.',
    manifestHeading: 'Kiểm tra tệp',
    manifestLead:
      'Tệp kê liệt kê mọi tệp của /data/ trong bản phát hành này với dung lượng, số bản ghi và mã SHA-256. Sau khi tải, so mã của tệp (ví dụ bằng lệnh sha256sum) với mã trong tệp kê.',
    manifest: 'Tệp kê (manifest.json)',
    manifestSchema: 'lược đồ của tệp kê',
    updatesHeading: 'Cập nhật',
    updatesLead:
      'Dữ liệu được làm lại ở mỗi lần phát hành danh bạ; mỗi tệp ghi mã và ngày của bản phát hành (máy chủ cũng gửi mã này trong tiêu đề X-Release). Theo dõi các thay đổi chứng nhận qua nguồn tin Atom (tệp kê cũng ghi mã kiểm tra của chúng):',
    feedVi: 'nguồn tin tiếng Việt',
    feedEn: 'nguồn tin tiếng Anh',
    changesJson: 'toàn bộ lịch sử thay đổi theo từng bản phát hành, dạng JSON cho máy đọc',
    formatHeading: 'Định dạng',
    formatCsv:
      'CSV: UTF-8 có BOM, phân cách bằng dấu phẩy, xuống dòng CRLF; dòng đầu là tên trường, giống hệt các trường của tệp JSON và cùng thứ tự.',
    formatNull:
      'Giá trị không có được ghi là null trong JSON và là ô trống trong CSV (không bao giờ là chuỗi rỗng); danh sách được nối bằng “; ”; đúng/sai là true/false; ngày theo dạng YYYY-MM-DD; số thập phân dùng dấu chấm.',
    formatFormula:
      'Ô CSV bắt đầu bằng = + - @ có thêm một dấu nháy đơn phía trước, để bảng tính không chạy nó như công thức; khi đọc dữ liệu, bỏ dấu nháy này đi.',
    formatKeys:
      'Khóa công khai, không đổi: slug của sản phẩm, cơ sở và hội chợ, mã tra cứu của chứng nhận; các bộ dữ liệu liên kết với nhau bằng các khóa này và được sắp theo khóa.',
    formatProvinces:
      'Mỗi chứng nhận giữ tỉnh như khi được công nhận (trước 01/07/2025 là tỉnh trước sáp nhập) và ghi thêm tỉnh hiện nay mà tỉnh đó thuộc về.',
    formatPublished: 'Chỉ gồm bản ghi đã công bố, như trên các trang của danh bạ; tình trạng hiệu lực tính vào ngày phát hành.',
    fieldsHeading: 'Các trường',
    field: 'Trường',
    type: 'Kiểu',
    meaning: 'Ý nghĩa',
    orNull: 'hoặc null',
    typeText: 'văn bản',
    typeInteger: 'số nguyên',
    typeNumber: 'số',
    typeBoolean: 'true/false',
    typeList: 'danh sách',
    typeDate: 'ngày',
    typeUrl: 'URL',
    typeCode: 'mã',
    licenceHeading: 'Giấy phép và trích dẫn',
    licenceLead:
      'Dữ liệu được cấp phép Creative Commons Ghi công 4.0 (CC BY 4.0): được dùng lại, kể cả cho mục đích thương mại, khi ghi nguồn là danh bạ này. Các dữ kiện lấy từ quyết định công nhận và trang tin chính thức công khai; mỗi chứng nhận ghi nguồn của nó (source_url). Ảnh sản phẩm không thuộc giấy phép này: quyền đối với ảnh thuộc chủ sở hữu.',
    cite: 'Trích dẫn như sau:',
    citation: 'Danh bạ sản phẩm công nghiệp nông thôn tiêu biểu. Dữ liệu mở, bản phát hành',
    licenceLink: 'Nội dung giấy phép CC BY 4.0',
  },
  en: {
    lead: 'Everything the registry publishes, to download instead of scraping: five datasets as CSV and JSON, each with a JSON Schema, a JSON document for every product, the official list to correct and import again, and a manifest with SHA-256 checksums.',
    release: 'Release',
    dataAsOf: 'data as of',
    datasetsHeading: 'Datasets',
    datasetsCaption: 'Datasets, record counts and downloads (a dataset’s CSV and JSON have the same fields in the same order)',
    dataset: 'Dataset',
    records: 'Records',
    recordsUnit: 'records',
    downloads: 'Downloads',
    schema: 'Schema',
    sizeOf: 'size',
    noSampleRows:
      'The exhibitors dataset holds facts only: the demonstration rows some fair pages show (marked “sample data”) are left out.',
    productDocsHeading: 'One product as JSON',
    productDocsLead:
      'Every product has a JSON document at /products/<slug>.json: the product, its establishment, its full certification history, the fairs where it was shown and its photos, with its page addresses in both languages. The product page links to it.',
    example: 'Example',
    documents: 'product documents',
    officialListHeading: 'Official list (import format)',
    officialListLead:
      'This is the file to correct in a spreadsheet and import again: one published certification per row, in the registry’s own import format, so it imports back here or into another copy of the registry unchanged. For analysis, use the datasets above: they hold every field.',
    manifestHeading: 'Checking the files',
    manifestLead:
      'The manifest lists every file of /data/ in this release with its size, record count and SHA-256. After downloading, compare a file’s hash (for example with sha256sum) with the manifest’s.',
    manifest: 'Manifest (manifest.json)',
    manifestSchema: 'its schema',
    updatesHeading: 'Updates',
    updatesLead:
      'The data are made again with every release of the registry; every file names its release id and date (the server also sends the id in the X-Release header). Follow certification changes through the Atom feed (the manifest lists their checksums too):',
    feedVi: 'in Vietnamese',
    feedEn: 'in English',
    changesJson: 'the whole history of changes, release by release, as JSON for machines',
    formatHeading: 'Format',
    formatCsv:
      'CSV: UTF-8 with a byte-order mark, comma-separated, CRLF line ends; the first row holds the field names, exactly the JSON’s fields in the same order.',
    formatNull:
      'A value not recorded is null in JSON and an empty cell in CSV (never an empty string); lists are joined with “; ”; booleans are true/false; dates are YYYY-MM-DD; decimals use a point.',
    formatFormula:
      'A CSV cell starting with = + - @ gets an apostrophe in front, so that a spreadsheet never runs it as a formula; remove that apostrophe when reading the data.',
    formatKeys:
      'Public, stable keys: the slugs of products, establishments and fairs, the registry code of certifications; the datasets refer to each other by these keys and are sorted by them.',
    formatProvinces:
      'Each certification keeps its province as certified (before 1 July 2025 a pre-merger province) and also names the current province it is now part of.',
    formatPublished: 'Only published records, as the registry’s pages show them; validity status is taken on the release date.',
    fieldsHeading: 'Fields',
    field: 'Field',
    type: 'Type',
    meaning: 'Meaning',
    orNull: 'or null',
    typeText: 'text',
    typeInteger: 'integer',
    typeNumber: 'number',
    typeBoolean: 'true/false',
    typeList: 'list',
    typeDate: 'date',
    typeUrl: 'URL',
    typeCode: 'code',
    licenceHeading: 'Licence and citation',
    licenceLead:
      'The data are licensed under Creative Commons Attribution 4.0 (CC BY 4.0): reuse them, commercially too, crediting this registry. The facts come from public recognition decisions and official pages; each certification names its source (source_url). Product photos are not covered by the licence: their rights stay with their owners.',
    cite: 'Cite as:',
    citation: 'Registry of certified typical rural industrial products (Vietnam). Open data, release',
    licenceLink: 'The CC BY 4.0 licence',
  },
});

export type OpenDataStringKey = TableKey<typeof openDataStrings>;

/**
 * The meaning of each field in Vietnamese, for the /data/ page (the English is the schema's own
 * description). Keyed by field, or by "dataset.field" where a name means something else in one dataset.
 */
export const FIELD_DESCRIPTIONS_VI: Readonly<Record<string, string>> = {
  slug: 'Khóa công khai, không đổi (phần địa chỉ trang).',
  name: 'Tên.',
  'products.name': 'Tên sản phẩm (như được công nhận; bộ sản phẩm giữ tên đầy đủ).',
  'establishments.name': 'Tên cơ sở.',
  'fairs.name': 'Tên hội chợ như được công bố.',
  registry_code:
    'Mã tra cứu của chứng nhận, khóa công khai: 10 ký tự (chữ chỉ cấp, hai số của năm, sáu ký tự, ký tự kiểm tra), in trên giấy chứng nhận dạng T21-4K7M-9XQ.',
  verify_url: 'Trang xác minh chứng nhận (mã QR trên giấy chứng nhận mở trang này).',
  product_slug: 'Sản phẩm được công nhận: slug trong products.json.',
  product_name: 'Tên sản phẩm như danh bạ hiển thị hiện nay.',
  name_en: 'Tên tiếng Anh do cán bộ danh bạ ghi (không dịch máy); null khi chưa có.',
  product_name_en: 'Tên tiếng Anh của sản phẩm do cán bộ danh bạ ghi; null khi chưa có.',
  establishment_name_en: 'Tên tiếng Anh của cơ sở do cán bộ danh bạ ghi; null khi chưa có.',
  product_name_as_published: 'Tên sản phẩm như quyết định hay danh sách công nhận ghi, nếu có.',
  product_group:
    'Nhóm sản phẩm: handicraft (thủ công mỹ nghệ), food (chế biến nông, lâm, thủy sản và thực phẩm), machinery (thiết bị, máy móc, dụng cụ và phụ tùng cơ khí), other (sản phẩm khác); null khi nguồn không ghi.',
  group:
    'Nhóm sản phẩm: handicraft (thủ công mỹ nghệ), food (chế biến nông, lâm, thủy sản và thực phẩm), machinery (thiết bị, máy móc, dụng cụ và phụ tùng cơ khí), other (sản phẩm khác); null khi nguồn không ghi.',
  establishment_slug: 'Cơ sở sản xuất: slug trong establishments.json; null khi nguồn không ghi cơ sở.',
  'exhibitors.establishment_slug': 'Cơ sở trưng bày: slug trong establishments.json. Cùng fair_slug là khóa của bản ghi.',
  establishment_name: 'Tên cơ sở như danh bạ hiển thị hiện nay; null khi nguồn không ghi cơ sở.',
  producer_name_as_published: 'Tên cơ sở như quyết định hay danh sách công nhận ghi, nếu có.',
  level:
    'Cấp công nhận: commune (cấp xã, từ 01/7/2025), district (cấp huyện, cấp cũ trước đó), provincial (cấp tỉnh), regional (cấp khu vực), national (cấp quốc gia).',
  'fairs.level': 'Cấp của hội chợ: national, regional, provincial, international hoặc other; null khi chưa rõ.',
  region:
    'Với cấp khu vực: khu vực của vòng bình chọn — north (phía Bắc), central (miền Trung – Tây Nguyên), south (phía Nam); null ở các cấp khác.',
  'fairs.region': 'Với hội chợ cấp khu vực: khu vực — north, central hoặc south.',
  round_year: 'Năm của đợt bình chọn.',
  decision_no: 'Số quyết định công nhận như trên văn bản, ví dụ 3116/QĐ-BCT.',
  decision_slug: 'Quyết định công nhận của chứng nhận: slug trong decisions.json; null khi sổ đăng ký chưa có bản ghi quyết định.',
  decision_date: 'Ngày của quyết định công nhận.',
  'decisions.slug': 'Khóa công khai của quyết định: số quyết định viết không dấu kèm năm bình chọn, ví dụ 3116-qd-bct-2023.',
  'decisions.url': 'Trang công khai của quyết định, với các sản phẩm của quyết định mà sổ đăng ký có.',
  'decisions.number': 'Số quyết định như trên văn bản, ví dụ 3116/QĐ-BCT.',
  'decisions.number_key': 'Số quyết định đã chuẩn hóa để so khớp (bỏ dấu, chữ hoa thường và dấu phân cách), ví dụ 3116/QD-BCT.',
  'decisions.decision_date': 'Ngày ký quyết định; null khi nguồn không ghi.',
  'decisions.issuer_name': 'Cơ quan ban hành như nguồn ghi.',
  'decisions.level': 'Cấp của đợt bình chọn mà quyết định công nhận.',
  'decisions.region': 'Với quyết định cấp khu vực: khu vực của đợt bình chọn; null ở các cấp khác.',
  'decisions.products_certified': 'Số sản phẩm quyết định công nhận, theo nguồn; null khi nguồn không ghi.',
  'decisions.products_held':
    'Số chứng nhận đã công bố của quyết định mà sổ đăng ký có (bản ghi trong certifications.json có decision_slug này).',
  'decisions.note': 'Thông tin nguồn ghi thêm (đợt thứ mấy, số hồ sơ), nguyên văn.',
  'decisions.source_url': 'Trang hay văn bản công khai là nguồn của quyết định.',
  'decisions.document_url': 'Bản quét (PDF) của quyết định trên trang này, nếu cán bộ đã tải lên.',
  issuer_name: 'Cơ quan công nhận, theo tên vào ngày ra quyết định.',
  certificate_no: 'Số giấy chứng nhận như trên văn bản.',
  score: 'Điểm của hội đồng trên thang 100, nếu được công bố.',
  award_tier: 'Hạng giải (giải A/B/C/khuyến khích) ở các tỉnh có xếp hạng.',
  issued_on: 'Ngày cấp giấy chứng nhận.',
  valid_until:
    'Ngày cuối cùng còn hiệu lực: theo Thông tư 14/2018 là 31/12 của năm thứ tư kể cả năm công nhận, trừ khi ghi khác. Null: không ghi thời hạn.',
  revoked_at: 'Ngày thu hồi công nhận; null khi không bị thu hồi.',
  status: 'Tình trạng vào ngày phát hành (giờ Việt Nam): revoked khi đã thu hồi, expired khi đã quá hạn hiệu lực, còn lại là valid.',
  province_certified_slug: 'Tỉnh ghi trong quyết định (trước 01/7/2025 là tỉnh trước sáp nhập): slug.',
  province_certified_name: 'Tỉnh ghi trong quyết định: tên.',
  province_certified_era: 'Tỉnh đó thuộc danh mục 63 tỉnh trước sáp nhập ngày 01/7/2025 (pre2025) hay 34 tỉnh sau đó (current).',
  province_current_slug: 'Tỉnh hiện nay (sau sáp nhập 2025) mà tỉnh khi công nhận thuộc về: slug.',
  province_current_name: 'Tỉnh hiện nay mà tỉnh khi công nhận thuộc về: tên.',
  'products.province_current_slug': 'Tỉnh hiện nay của chứng nhận mới nhất (như danh mục sản phẩm xếp): slug; null khi chưa có chứng nhận.',
  'products.province_current_name': 'Tỉnh hiện nay của chứng nhận mới nhất: tên; null khi chưa có chứng nhận.',
  'establishments.province_current_slug': 'Tỉnh hiện nay mà tỉnh đăng ký thuộc về: slug; null khi chưa rõ.',
  'establishments.province_current_name': 'Tỉnh hiện nay mà tỉnh đăng ký thuộc về: tên; null khi chưa rõ.',
  source_url: 'Trang hay văn bản công khai là nguồn của bản ghi; null khi không ghi nguồn.',
  kind: 'single (sản phẩm đơn) hoặc set (bộ sản phẩm: nhiều sản phẩm được công nhận như một).',
  set_items: 'Với bộ sản phẩm: các thành phần theo thứ tự; rỗng với sản phẩm đơn.',
  description_vi: 'Mô tả bằng tiếng Việt.',
  description_en: 'Mô tả bằng tiếng Anh.',
  certification_count: 'Số chứng nhận đã công bố của sản phẩm (bản ghi trong certifications.json).',
  highest_level: 'Cấp cao nhất sản phẩm đạt được; null khi chưa có chứng nhận.',
  has_valid_certification: 'Có ít nhất một chứng nhận còn hiệu lực vào ngày phát hành hay không.',
  page_url: 'Trang tiếng Việt.',
  page_url_en: 'Trang tiếng Anh.',
  'establishments.page_url': 'Trang tiếng Việt của cơ sở; null khi cơ sở chưa có trang (chưa có sản phẩm công bố).',
  'establishments.page_url_en': 'Trang tiếng Anh của cơ sở; null khi cơ sở chưa có trang.',
  json_url: 'Tệp JSON của sản phẩm (product.schema.json), gồm cơ sở, chứng nhận, hội chợ và ảnh.',
  legal_form:
    'Loại hình: enterprise (doanh nghiệp), cooperative (hợp tác xã), cooperative_group (tổ hợp tác), household (hộ kinh doanh), other.',
  address: 'Địa chỉ như được ghi.',
  province_registered_slug: 'Tỉnh đăng ký của cơ sở (tỉnh cũ với hồ sơ trước sáp nhập 2025): slug; null khi chưa rõ.',
  province_registered_name: 'Tỉnh đăng ký: tên; null khi chưa rõ.',
  province_registered_era: 'Tỉnh đăng ký thuộc danh mục trước sáp nhập (pre2025) hay hiện nay (current); null khi chưa rõ.',
  phone: 'Số điện thoại, như trên trang cơ sở.',
  email: 'Thư điện tử, như trên trang cơ sở.',
  website: 'Trang web, như trên trang cơ sở (ghi nguyên văn, không phải lúc nào cũng là URL đầy đủ).',
  product_count: 'Số sản phẩm đã công bố của cơ sở (bản ghi trong products.json).',
  start_date: 'Ngày khai mạc.',
  end_date: 'Ngày bế mạc.',
  city: 'Thành phố nơi tổ chức.',
  country: 'Quốc gia nơi tổ chức (mã ISO 3166-1, ví dụ VN).',
  venue: 'Địa điểm như được công bố.',
  organiser: 'Đơn vị tổ chức như được công bố.',
  booth_count: 'Số gian hàng như được công bố.',
  booth_count_is_minimum: 'true khi nguồn ghi “hơn” số gian hàng đó.',
  exhibitor_count_announced: 'Số đơn vị trưng bày ban tổ chức công bố.',
  exhibitors_listed: 'Số đơn vị trưng bày của hội chợ có trong exhibitors.json.',
  fair_slug: 'Hội chợ: slug trong fairs.json.',
  fair_name: 'Tên hội chợ.',
  booth_code: 'Gian hàng theo số của ban tổ chức.',
  hall: 'Khu (nhà) trưng bày, nếu hội chợ có nhiều khu.',
  product_slugs: 'Các sản phẩm đã công bố được mang đến trưng bày: slug trong products.json.',
};

/** The Vietnamese meaning of a field of a dataset. */
export function fieldDescriptionVi(dataset: string, field: string): string | undefined {
  return FIELD_DESCRIPTIONS_VI[`${dataset}.${field}`] ?? FIELD_DESCRIPTIONS_VI[field];
}
