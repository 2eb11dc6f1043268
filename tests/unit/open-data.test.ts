import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASETS, OPEN_DATA_FILES, registryLicence, type DatasetName } from '#domain/open-data/catalog.ts';
import { csvColumns, readDatasetCsv, writeDatasetCsv } from '#domain/open-data/csv.ts';
import { datasetCsv, datasetJson, manifestJson, productDocumentJson, sha256Hex, type BuiltFile } from '#domain/open-data/documents.ts';
import { datasetJsonSchema, manifestJsonSchema, productDocumentJsonSchema } from '#domain/open-data/json-schema.ts';
import { datasetFields, formatBytes } from '#domain/open-data/page.ts';
import {
  blankToNull,
  certificationRecord,
  compareCertifications,
  decisionRecord,
  establishmentRecord,
  exhibitorRecord,
  fairRecord,
  photoRecord,
  productFairs,
  productRecord,
  type CertificationSource,
  type DecisionSource,
  type EstablishmentSource,
  type FairSource,
  type ProductSource,
} from '#domain/open-data/records.ts';
import { fieldDescriptionVi } from '#domain/open-data/strings.ts';
import { productDocumentPath, siteUrls } from '#domain/open-data/urls.ts';

const site = new URL('https://spcnnt.example.vn');
const urls = siteUrls(site);
const release = { id: '20260516T030000000Z-ab12', date: '2026-05-16T03:00:00.000Z' };
const ctx = { site, release, licence: registryLicence(site) };
const RELEASE_DAY = '2026-05-16';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validatorOf = (schema: Record<string, unknown>) => ajv.getSchema(String(schema['$id'])) ?? ajv.compile(schema);

/** A certification as the database gives it: a provincial one in Bắc Giang, which became part of Bắc Ninh. */
function certSource(over: Partial<CertificationSource> = {}): CertificationSource {
  return {
    registryCode: 'T21C8NE76F',
    level: 'provincial',
    region: null,
    roundYear: 2021,
    decisionNo: '1302/QĐ-UBND',
    decisionSlug: '1302-qd-ubnd-2021',
    decisionDate: '2021-10-05',
    issuerName: 'UBND tỉnh Bắc Giang',
    certificateNo: null,
    score: 82.5,
    awardTier: null,
    issuedOn: null,
    validUntil: '2024-12-31',
    revokedAt: null,
    productSlug: 'vai-thieu-luc-ngan',
    productName: 'Vải thiều Lục Ngạn',
    productNameAsPublished: 'Vải thiều Lục Ngạn sấy khô',
    productGroup: 'food',
    establishment: { slug: 'htx-vai-thieu-luc-ngan', name: 'HTX Vải thiều Lục Ngạn' },
    producerNameAsPublished: 'HTX Vải thiều Lục Ngạn',
    province: { slug: 'bac-giang', name: 'Bắc Giang', era: 'pre2025' },
    currentProvince: { slug: 'bac-ninh', name: 'Bắc Ninh' },
    sourceUrl: 'https://bacgiang.gov.vn/quyet-dinh-1302',
    ...over,
  };
}

function productSource(over: Partial<ProductSource> = {}): ProductSource {
  return {
    slug: 'vai-thieu-luc-ngan',
    name: 'Vải thiều Lục Ngạn',
    kind: 'single',
    setItems: [],
    group: 'food',
    establishment: { slug: 'htx-vai-thieu-luc-ngan', name: 'HTX Vải thiều Lục Ngạn' },
    descriptionVi: null,
    descriptionEn: null,
    ...over,
  };
}

function establishmentSource(over: Partial<EstablishmentSource> = {}): EstablishmentSource {
  return {
    slug: 'htx-vai-thieu-luc-ngan',
    name: 'HTX Vải thiều Lục Ngạn',
    legalForm: 'cooperative',
    address: 'Thôn Kim Sơn, xã Phì Điền',
    province: { slug: 'bac-giang', name: 'Bắc Giang', era: 'pre2025' },
    currentProvince: { slug: 'bac-ninh', name: 'Bắc Ninh' },
    phone: '+84 204 3882 123',
    email: '',
    website: 'www.vaithieu.vn',
    descriptionVi: '  ',
    descriptionEn: null,
    productCount: 1,
    ...over,
  };
}

function fairSource(over: Partial<FairSource> = {}): FairSource {
  return {
    slug: 'hoi-cho-khu-vuc-phia-bac-2024',
    name: 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc năm 2024',
    level: 'regional',
    region: 'north',
    startDate: '2024-05-16',
    endDate: '2024-05-19',
    city: 'Hà Nội',
    country: 'VN',
    venue: 'Cung Triển lãm Kiến trúc, Quy hoạch Xây dựng Quốc gia',
    organiser: 'Sở Công Thương Hà Nội',
    boothCount: 270,
    boothCountIsMinimum: false,
    exhibitorCount: null,
    sourceUrl: null,
    descriptionVi: null,
    descriptionEn: null,
    ...over,
  };
}

describe('certificationRecord', () => {
  it('keeps the province as certified (Bắc Giang, before the merger) and names the current one (Bắc Ninh)', () => {
    const r = certificationRecord(certSource(), urls, RELEASE_DAY);
    expect(r).toMatchObject({
      province_certified_slug: 'bac-giang',
      province_certified_name: 'Bắc Giang',
      province_certified_era: 'pre2025',
      province_current_slug: 'bac-ninh',
      province_current_name: 'Bắc Ninh',
    });
  });
  it('names a current unit as its own current province', () => {
    const r = certificationRecord(
      certSource({ province: { slug: 'ha-noi', name: 'Hà Nội', era: 'current' }, currentProvince: null }),
      urls,
      RELEASE_DAY,
    );
    expect([r.province_current_slug, r.province_current_name]).toEqual(['ha-noi', 'Hà Nội']);
  });
  it('says revoked for a revoked certification, even one still within its validity', () => {
    const r = certificationRecord(certSource({ validUntil: '2027-12-31', revokedAt: '2025-03-01' }), urls, RELEASE_DAY);
    expect(r.status).toBe('revoked');
    expect(r.revoked_at).toBe('2025-03-01');
  });
  it.each([
    ['2026-05-16', 'valid'],
    ['2026-05-15', 'expired'],
    [null, 'valid'],
  ] as const)('takes the status on the release day (valid until %s → %s)', (validUntil, status) => {
    expect(certificationRecord(certSource({ validUntil }), urls, RELEASE_DAY).status).toBe(status);
  });
  it('keeps the region of a regional certification and never gives one to another level', () => {
    expect(certificationRecord(certSource({ level: 'regional', region: 'south' }), urls, RELEASE_DAY).region).toBe('south');
    expect(certificationRecord(certSource({ level: 'national', region: 'south' }), urls, RELEASE_DAY).region).toBeNull();
  });
  it('writes empty optional fields as null, never ""', () => {
    const r = certificationRecord(
      certSource({ decisionNo: '', decisionDate: '', awardTier: '  ', productNameAsPublished: '', sourceUrl: '', issuerName: '' }),
      urls,
      RELEASE_DAY,
    );
    expect([r.decision_no, r.decision_date, r.award_tier, r.product_name_as_published, r.source_url, r.issuer_name]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(Object.values(r)).not.toContain('');
  });
  it('gives the establishment as null when the source names no producer', () => {
    const r = certificationRecord(certSource({ establishment: null, producerNameAsPublished: null }), urls, RELEASE_DAY);
    expect([r.establishment_slug, r.establishment_name, r.producer_name_as_published]).toEqual([null, null, null]);
  });
  it('writes a source address with Vietnamese letters as a valid URI, and links the verification page', () => {
    const r = certificationRecord(certSource({ sourceUrl: 'https://sct.bacgiang.gov.vn/tin-tức/sản-phẩm' }), urls, RELEASE_DAY);
    expect(r.source_url).toBe('https://sct.bacgiang.gov.vn/tin-t%E1%BB%A9c/s%E1%BA%A3n-ph%E1%BA%A9m');
    expect(r.verify_url).toBe('https://spcnnt.example.vn/verify/T21C8NE76F/');
  });
});

describe('productRecord', () => {
  const newestFirst = [
    certificationRecord(
      certSource({
        registryCode: 'K22ABCDEFG',
        level: 'regional',
        region: 'north',
        roundYear: 2022,
        validUntil: '2025-12-31',
        province: { slug: 'bac-giang', name: 'Bắc Giang', era: 'pre2025' },
      }),
      urls,
      RELEASE_DAY,
    ),
    certificationRecord(certSource({ validUntil: '2026-12-31' }), urls, RELEASE_DAY),
  ];

  it('lists the items of a product set in order', () => {
    const r = productRecord(
      productSource({
        slug: 'bo-san-pham-gom-bat-trang',
        name: 'Bộ sản phẩm gốm Bát Tràng (Bình hút lộc; Đĩa trang trí)',
        kind: 'set',
        setItems: ['Bình hút lộc', 'Đĩa trang trí'],
      }),
      [],
      urls,
    );
    expect(r.kind).toBe('set');
    expect(r.set_items).toEqual(['Bình hút lộc', 'Đĩa trang trí']);
  });
  it('lists no items for a single product', () => {
    expect(productRecord(productSource({ setItems: ['stray'] }), [], urls).set_items).toEqual([]);
  });
  it('counts certifications, takes the highest level and the newest certification’s current province', () => {
    const r = productRecord(productSource(), newestFirst, urls);
    expect(r).toMatchObject({
      certification_count: 2,
      highest_level: 'regional',
      has_valid_certification: true,
      province_current_slug: 'bac-ninh',
      province_current_name: 'Bắc Ninh',
    });
  });
  it('has null figures and no valid certification without certifications', () => {
    const r = productRecord(productSource(), [], urls);
    expect(r).toMatchObject({ certification_count: 0, highest_level: null, has_valid_certification: false, province_current_slug: null });
  });
  it('links its pages in both languages and its JSON document', () => {
    const r = productRecord(productSource({ slug: 'tra-o-long' }), [], urls);
    expect([r.page_url, r.page_url_en, r.json_url]).toEqual([
      'https://spcnnt.example.vn/products/tra-o-long/',
      'https://spcnnt.example.vn/en/products/tra-o-long/',
      'https://spcnnt.example.vn/products/tra-o-long.json',
    ]);
  });
  it('has no JSON document when its slug is a file of the site (catalogue.json)', () => {
    expect(productDocumentPath('catalogue')).toBeNull();
    expect(productRecord(productSource({ slug: 'catalogue' }), [], urls).json_url).toBeNull();
  });
});

describe('establishmentRecord', () => {
  it('keeps the registered province and the current one, and writes blank contacts as null', () => {
    const r = establishmentRecord(establishmentSource(), urls);
    expect(r).toMatchObject({
      province_registered_slug: 'bac-giang',
      province_registered_era: 'pre2025',
      province_current_slug: 'bac-ninh',
      phone: '+84 204 3882 123',
      email: null,
      website: 'www.vaithieu.vn',
      description_vi: null,
      page_url: 'https://spcnnt.example.vn/producers/htx-vai-thieu-luc-ngan/',
    });
  });
  it('has no page address without a published product (it has no page)', () => {
    const r = establishmentRecord(establishmentSource({ productCount: 0 }), urls);
    expect([r.page_url, r.page_url_en]).toEqual([null, null]);
  });
  it('leaves an unknown province null in every province field', () => {
    const r = establishmentRecord(establishmentSource({ province: null, currentProvince: null }), urls);
    expect([r.province_registered_slug, r.province_registered_era, r.province_current_slug, r.province_current_name]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('fairRecord and exhibitorRecord', () => {
  it('says "more than" only when a booth count is known', () => {
    expect(fairRecord(fairSource({ boothCount: null, boothCountIsMinimum: true }), 0, urls).booth_count_is_minimum).toBe(false);
    expect(fairRecord(fairSource({ boothCountIsMinimum: true }), 0, urls).booth_count_is_minimum).toBe(true);
  });
  it('gives a region to a regional fair only', () => {
    expect(fairRecord(fairSource(), 0, urls).region).toBe('north');
    expect(fairRecord(fairSource({ level: 'national' }), 0, urls).region).toBeNull();
  });
  it('lists an exhibitor’s products once each, by slug', () => {
    const r = exhibitorRecord({
      fairSlug: 'hoi-cho',
      fairName: 'Hội chợ',
      establishmentSlug: 'htx',
      establishmentName: 'HTX',
      boothCode: 'A12',
      hall: '',
      productSlugs: ['tra-o-long', 'banh-gai', 'tra-o-long'],
    });
    expect(r.product_slugs).toEqual(['banh-gai', 'tra-o-long']);
    expect(r.hall).toBeNull();
  });
  it('finds the fairs a product was shown at, newest first', () => {
    const older = fairRecord(fairSource({ slug: 'a-2022', startDate: '2022-05-01' }), 1, urls);
    const newer = fairRecord(fairSource({ slug: 'b-2024' }), 1, urls);
    const exhibitor = (fair: string, products: string[]) =>
      exhibitorRecord({
        fairSlug: fair,
        fairName: fair,
        establishmentSlug: 'htx',
        establishmentName: 'HTX',
        boothCode: 'B3',
        hall: 'B',
        productSlugs: products,
      });
    const fairs = new Map([older, newer].map((f) => [f.slug, f]));
    const shown = productFairs('tra', [exhibitor('a-2022', ['tra']), exhibitor('b-2024', ['tra']), exhibitor('b-2024', ['banh'])], fairs);
    expect(shown.map((f) => [f.fair_slug, f.booth_code])).toEqual([
      ['b-2024', 'B3'],
      ['a-2022', 'B3'],
    ]);
  });
});

describe('photoRecord', () => {
  it('gives the JPEG the page falls back to and every stored size', () => {
    const hash = 'a'.repeat(64);
    const r = photoRecord({ hash, width: 1200, height: 800, altVi: 'Búp trà', altEn: null }, urls);
    expect(r.url).toBe(`https://spcnnt.example.vn/media/${hash}-1024.jpg`);
    expect(r.sources.map((s) => `${s.format}-${s.width}`)).toContain('avif-1200');
    expect(r.sources.map((s) => s.format)).toContain('jpeg');
  });
});

describe('compareCertifications', () => {
  it('orders by product, then oldest round first, lower level first within a year', () => {
    const at = (slug: string, year: number, level: 'provincial' | 'regional' | 'national') =>
      certificationRecord(
        certSource({ productSlug: slug, roundYear: year, level, region: level === 'regional' ? 'north' : null }),
        urls,
        RELEASE_DAY,
      );
    const sorted = [at('b', 2019, 'provincial'), at('a', 2023, 'national'), at('a', 2022, 'regional'), at('a', 2022, 'provincial')].sort(
      compareCertifications,
    );
    expect(sorted.map((c) => `${c.product_slug} ${c.round_year} ${c.level}`)).toEqual([
      'a 2022 provincial',
      'a 2022 regional',
      'a 2023 national',
      'b 2019 provincial',
    ]);
  });
});

/** Records of every dataset with the edge cases a CSV must carry: formulas, lists, nulls, commas, quotes. */
function sampleRecords(): Record<DatasetName, Record<string, unknown>[]> {
  const cert = certificationRecord(
    certSource({ awardTier: '-Giải A', certificateNo: '=HYPERLINK("x")', producerNameAsPublished: '@Cơ sở "Hảo Đạt", Thái Nguyên' }),
    urls,
    RELEASE_DAY,
  );
  const regional = certificationRecord(
    certSource({ registryCode: 'K22ABCDEFG', level: 'regional', region: 'north', score: null }),
    urls,
    RELEASE_DAY,
  );
  const set = productRecord(
    productSource({ slug: 'bo-gom', name: 'Bộ sản phẩm gốm (Bình; Đĩa)', kind: 'set', setItems: ['Bình hút lộc', 'Đĩa "trang trí"'] }),
    [regional, cert],
    urls,
  );
  const establishment = establishmentRecord(establishmentSource({ phone: '+84 204 3882 123', address: 'Số 1, đường 2\nPhường 3' }), urls);
  const fair = fairRecord(fairSource({ boothCountIsMinimum: true }), 1, urls);
  const exhibitorAt = (fairSlug: string, productSlugs: string[]) =>
    exhibitorRecord({
      fairSlug,
      fairName: fair.name,
      establishmentSlug: establishment.slug,
      establishmentName: establishment.name,
      boothCode: null,
      hall: 'A',
      productSlugs,
    });
  return {
    certifications: [cert, regional],
    products: [set, productRecord(productSource(), [], urls)],
    establishments: [
      establishment,
      establishmentRecord(establishmentSource({ slug: 'ho-kinh-doanh', province: null, currentProvince: null, productCount: 0 }), urls),
    ],
    decisions: [
      decisionRecord(decisionSource({ note: '=441 hồ sơ; "173" sản phẩm, 54 địa phương' }), 1, urls),
      decisionRecord(decisionSource({ slug: '76-qd-ctdp-2022', level: 'regional', region: 'north', productsCertified: null }), 0, urls),
    ],
    fairs: [fair],
    exhibitors: [exhibitorAt(fair.slug, ['bo-gom', 'tra-o-long']), exhibitorAt('hoi-cho-khac', [])],
  };
}

function decisionSource(over: Partial<DecisionSource> = {}): DecisionSource {
  return {
    slug: '3116-qd-bct-2023',
    number: '3116/QĐ-BCT',
    numberKey: '3116/QD-BCT',
    decisionDate: '2023-12-01',
    issuerName: 'Bộ Công Thương',
    level: 'national',
    region: null,
    roundYear: 2023,
    productsCertified: 173,
    note: null,
    sourceUrl: 'https://nongthon.vietnamtourism.gov.vn/thai-nguyen',
    documentHash: null,
    ...over,
  };
}

describe('decisionRecord', () => {
  it('gives the decision’s page, number as printed and key, and how many of its products the registry holds', () => {
    expect(decisionRecord(decisionSource(), 5, urls)).toEqual({
      slug: '3116-qd-bct-2023',
      url: 'https://spcnnt.example.vn/decisions/3116-qd-bct-2023/',
      number: '3116/QĐ-BCT',
      number_key: '3116/QD-BCT',
      decision_date: '2023-12-01',
      issuer_name: 'Bộ Công Thương',
      level: 'national',
      region: null,
      round_year: 2023,
      products_certified: 173,
      products_held: 5,
      note: null,
      source_url: 'https://nongthon.vietnamtourism.gov.vn/thai-nguyen',
      document_url: null,
    });
  });

  it('points to the uploaded document by its hash, and keeps an unknown count and date null', () => {
    const hash = 'a'.repeat(64);
    const record = decisionRecord(decisionSource({ documentHash: hash, productsCertified: null, decisionDate: '' }), 0, urls);
    expect(record).toMatchObject({
      document_url: `https://spcnnt.example.vn/documents/${hash}.pdf`,
      products_certified: null,
      decision_date: null,
    });
  });

  it('drops a region outside a regional decision', () => {
    expect(decisionRecord(decisionSource({ region: 'north' }), 0, urls).region).toBeNull();
  });
});

describe('certificationRecord and its decision', () => {
  it('names the decision record by slug, or null when the registry holds none', () => {
    expect(certificationRecord(certSource(), urls, RELEASE_DAY).decision_slug).toBe('1302-qd-ubnd-2021');
    expect(certificationRecord(certSource({ decisionSlug: null }), urls, RELEASE_DAY).decision_slug).toBeNull();
  });
});

describe('CSV flattening', () => {
  const records = sampleRecords();

  it.each(DATASET_NAMES)('writes %s with the JSON’s fields as the header, in the same order', (name) => {
    const header = datasetCsv(name, records[name]).slice(1).split('\r\n')[0];
    expect(header).toBe(Object.keys(records[name][0]!).join(','));
    expect(csvColumns(DATASETS[name].record).map((c) => c.name)).toEqual(Object.keys(records[name][0]!));
  });

  it.each(DATASET_NAMES)('reads %s back to the same values as the JSON', (name) => {
    const csv = datasetCsv(name, records[name]);
    const back = readDatasetCsv(csvColumns(DATASETS[name].record), csv);
    expect(back).toEqual({ ok: true, records: JSON.parse(JSON.stringify(records[name])) as unknown });
  });

  it('disarms formulas, joins lists with "; " and leaves null empty', () => {
    const columns = csvColumns(DATASETS.certifications.record);
    const row = writeDatasetCsv(columns, [records.certifications[0]!]).split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain("'-Giải A");
    expect(row).toContain(',82.5,');
    expect(writeDatasetCsv(csvColumns(DATASETS.products.record), [records.products[0]!])).toContain('"Bình hút lộc; Đĩa ""trang trí"""');
  });

  it('tells an empty list from a list of one', () => {
    const columns = csvColumns(DATASETS.exhibitors.record);
    const back = readDatasetCsv(columns, writeDatasetCsv(columns, records.exhibitors));
    expect(back.ok && back.records.map((r) => r['product_slugs'])).toEqual([['bo-gom', 'tra-o-long'], []]);
  });

  it('refuses a file whose header is not the dataset’s', () => {
    expect(readDatasetCsv(csvColumns(DATASETS.fairs.record), '\ufeffslug,name\r\nx,y\r\n')).toMatchObject({ ok: false });
  });
});

describe('the published JSON Schemas', () => {
  const records = sampleRecords();

  it.each(DATASET_NAMES)('%s: compiles as JSON Schema 2020-12 (strict) and validates its whole file', (name) => {
    const schema = datasetJsonSchema(name, site);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`https://spcnnt.example.vn/data/${name}.schema.json`);
    const validate = validatorOf(schema);
    const file = JSON.parse(datasetJson(name, records[name], ctx)) as Record<string, unknown>;
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file['count']).toBe(records[name].length);
  });

  it.each([
    ['a missing field', (r: Record<string, unknown>) => delete r['status']],
    ['"" for null', (r: Record<string, unknown>) => (r['decision_no'] = '')],
    ['an unknown status', (r: Record<string, unknown>) => (r['status'] = 'suspended')],
    ['a registry code with an O', (r: Record<string, unknown>) => (r['registry_code'] = 'T21O8NE76F')],
    ['a date that is not one', (r: Record<string, unknown>) => (r['valid_until'] = '31/12/2024')],
    ['a field the schema does not have', (r: Record<string, unknown>) => (r['id'] = 7)],
  ])('rejects a certification with %s', (_, breakIt) => {
    const validate = validatorOf(datasetJsonSchema('certifications', site));
    const file = JSON.parse(datasetJson('certifications', records.certifications, ctx)) as { records: Record<string, unknown>[] };
    breakIt(file.records[0]!);
    expect(validate(file)).toBe(false);
  });

  it('rejects a file that is not the dataset it names', () => {
    const validate = validatorOf(datasetJsonSchema('fairs', site));
    const file = JSON.parse(datasetJson('fairs', records.fairs, ctx)) as Record<string, unknown>;
    expect(validate({ ...file, dataset: 'products' })).toBe(false);
  });

  it('gives every field a description', () => {
    for (const name of DATASET_NAMES) for (const f of datasetFields(name)) expect(f.description, `${name}.${f.name}`).not.toBe('');
  });

  it('validates a product document and a manifest that lists the change feed too', () => {
    const product = records.products[0] as never;
    const document = JSON.parse(
      productDocumentJson(
        {
          product,
          establishment: records.establishments[0] as never,
          certifications: records.certifications as never,
          fairs: [],
          photos: [photoRecord({ hash: 'b'.repeat(64), width: 640, height: 480, altVi: 'Ảnh', altEn: null }, urls)],
        },
        ctx,
      ),
    ) as unknown;
    const validateDocument = validatorOf(productDocumentJsonSchema(site));
    expect(validateDocument(document), JSON.stringify(validateDocument.errors)).toBe(true);

    const files: BuiltFile[] = OPEN_DATA_FILES.filter((f) => f.name !== 'manifest.json').map((f) => ({
      ...f,
      bytes: new TextEncoder().encode(f.name),
      records: f.format === 'schema' ? null : 3,
    }));
    const feed = new TextEncoder().encode('<feed/>');
    const companions = [{ path: '/feed.xml', dataset: 'changes', format: 'atom', bytes: feed } as const];
    const manifest = JSON.parse(manifestJson(files, companions, 2, ctx)) as {
      files: { path: string; url: string; sha256: string; bytes: number; media_type: string }[];
    };
    const validateManifest = validatorOf(manifestJsonSchema(site));
    expect(validateManifest(manifest), JSON.stringify(validateManifest.errors)).toBe(true);
    expect(manifest.files).toHaveLength(OPEN_DATA_FILES.length);
    expect(manifest.files.at(-1)).toEqual({
      path: '/feed.xml',
      url: 'https://spcnnt.example.vn/feed.xml',
      dataset: 'changes',
      format: 'atom',
      media_type: 'application/atom+xml; charset=utf-8',
      bytes: feed.byteLength,
      sha256: sha256Hex(feed),
      records: null,
    });
    expect(manifest.files[0]).toMatchObject({
      path: '/data/establishments.csv',
      sha256: sha256Hex(new TextEncoder().encode('establishments.csv')),
      bytes: 18,
    });
  });
});

describe('datasetJson', () => {
  it('writes one record per line, so that two releases diff line by line', () => {
    const text = datasetJson('certifications', sampleRecords().certifications, ctx);
    const lines = text.split('\n').filter((l) => l.startsWith('    {"registry_code"'));
    expect(lines).toHaveLength(2);
  });
  it('refuses to write a record that breaks the schema', () => {
    const [record] = sampleRecords().certifications;
    expect(() => datasetJson('certifications', [{ ...record, level: 'village' }], ctx)).toThrow();
  });
});

describe('the /data/ page', () => {
  it('describes every field of every dataset in Vietnamese', () => {
    for (const name of DATASET_NAMES)
      for (const f of datasetFields(name)) expect(fieldDescriptionVi(name, f.name), `${name}.${f.name}`).toBeTruthy();
  });
  it.each([
    [900, 'vi', '900 B'],
    [12_345, 'vi', '12,3 kB'],
    [12_345, 'en', '12.3 kB'],
    [2_500_000, 'en', '2.5 MB'],
  ] as const)('writes %i bytes in %s as "%s"', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});

describe('blankToNull', () => {
  it.each([
    ['', null],
    ['   ', null],
    [null, null],
    ['Trà', 'Trà'],
  ])('%j → %j', (input, output) => expect(blankToNull(input)).toBe(output));
});
