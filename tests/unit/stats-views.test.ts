import { describe, expect, it } from 'vitest';
import { formatNumber } from '#domain/i18n.ts';
import { computeFigures, type StatsCertification, type StatsFair, type StatsInput } from '#domain/stats/figures.ts';
import {
  fairShortLabel,
  fairsSentence,
  formatPercent,
  groupsSentence,
  joinList,
  provincesSentence,
  roundsSentence,
  validitySentence,
} from '#domain/stats/sentences.ts';
import { headlineFigures } from '#domain/stats/headline.ts';
import { shortLevelLabel } from '#domain/stats/tables.ts';
import { statsSections, type StatsSection } from '#domain/stats/views.ts';

const TODAY = '2026-05-12';
let product = 1;
function cert(over: Partial<StatsCertification> = {}): StatsCertification {
  return {
    productId: product++,
    level: 'provincial',
    region: null,
    roundYear: 2021,
    group: null,
    validUntil: '2024-12-31',
    revokedAt: null,
    province: { name: 'Bắc Giang', region: 'north' },
    currentProvince: { slug: 'bac-ninh', name: 'Bắc Ninh', region: 'north' },
    ...over,
  };
}
const langSon = {
  province: { name: 'Lạng Sơn', region: 'north' as const },
  currentProvince: { slug: 'lang-son', name: 'Lạng Sơn', region: 'north' as const },
};

function fair(over: Partial<StatsFair> & Pick<StatsFair, 'slug'>): StatsFair {
  return {
    name: `Hội chợ ${over.slug}`,
    level: 'regional',
    regionCode: 'north',
    year: 2024,
    startDate: null,
    endDate: null,
    city: 'Hà Nội',
    boothCount: null,
    boothCountIsMinimum: false,
    exhibitorCount: null,
    exhibitorsListed: 0,
    sampleExhibitors: 0,
    ...over,
  };
}

const figuresOf = (certifications: StatsCertification[], fairs: StatsFair[] = []) =>
  computeFigures({
    certifications,
    fairs,
    asOf: TODAY,
    provinces: [
      { slug: 'bac-ninh', name: 'Bắc Ninh', regions: ['north'] },
      { slug: 'lang-son', name: 'Lạng Sơn', regions: ['north'] },
      { slug: 'ca-mau', name: 'Cà Mau', regions: ['south'] },
    ],
  } satisfies StatsInput);

const SAMPLE = figuresOf(
  [
    cert({ level: 'national', roundYear: 2023, validUntil: '2026-12-31', group: 'food' }),
    cert({ level: 'regional', region: 'north', roundYear: 2022, validUntil: '2025-12-31', ...langSon }),
    cert({ roundYear: 2021, revokedAt: '2022-03-01', group: 'handicraft' }),
    cert({ roundYear: 2021 }),
    cert({ roundYear: 2021, ...langSon }),
  ],
  [
    fair({ slug: 'bac-2024', startDate: '2024-05-16', boothCount: 270, exhibitorsListed: 2, sampleExhibitors: 60 }),
    fair({ slug: 'hai-phong-2013', year: 2013, city: 'Hải Phòng', boothCount: 500, boothCountIsMinimum: true }),
    fair({ slug: 'quoc-gia-2023', level: 'national', regionCode: null, year: 2023 }),
  ],
);

/** The numbers a chart draws and the numbers its table holds, by key. */
const barNumbers = (section: StatsSection) => new Map(section.chart.bars.map((b) => [b.key, b.value]));
const tableNumbers = (section: StatsSection) =>
  new Map(section.table.rows.flatMap((r) => r.cells.filter((c) => c.role === 'value').map((c) => [c.key!, c.value!] as const)));

describe('statsSections', () => {
  it('gives every chart a table holding exactly the numbers it draws', () => {
    for (const locale of ['vi', 'en'] as const)
      for (const section of statsSections(SAMPLE, locale)) {
        expect(tableNumbers(section), `${locale} ${section.id}`).toEqual(barNumbers(section));
        expect(section.chart.bars.length, `${locale} ${section.id}`).toBeGreaterThan(0);
      }
  });

  it('gives every chart a title and a description, and every section a sentence', () => {
    for (const section of statsSections(SAMPLE, 'vi')) {
      expect(section.chart.title).toBe(section.title);
      expect(section.chart.description).not.toBe('');
      expect(section.sentence).toMatch(/\.$/);
    }
  });

  it('makes row totals of the table add up to the grand total', () => {
    const rounds = statsSections(SAMPLE, 'vi').find((s) => s.id === 'rounds')!;
    const rowTotals = rounds.table.rows.map((r) => r.cells.find((c) => c.role === 'total')!.value!);
    expect(rowTotals).toEqual([3, 1, 1]);
    expect(rounds.table.totals!.cells.at(-1)!.value).toBe(5);
  });

  it('shows the revoked column and colour only once a certification has been revoked', () => {
    const validity = (f: typeof SAMPLE) => statsSections(f, 'vi').find((s) => s.id === 'validity')!;
    expect(validity(SAMPLE).chart.legend.map((s) => s.key)).toEqual(['valid', 'expired', 'revoked']);
    const none = validity(figuresOf([cert(), cert({ validUntil: '2030-12-31' })]));
    expect(none.chart.legend.map((s) => s.key)).toEqual(['valid', 'expired']);
    expect(none.table.columns).toEqual(['Còn hiệu lực', 'Hết hiệu lực', 'Tổng', 'Tỷ lệ còn hiệu lực']);
    expect(tableNumbers(none)).toEqual(barNumbers(none));
  });

  it('lists the provinces as certified inside their current province, as parts of it', () => {
    const provinces = statsSections(SAMPLE, 'vi').find((s) => s.id === 'provinces')!;
    expect(provinces.table.rows.map((r) => [r.header, r.isPart ?? false, r.cells[0]!.value])).toEqual([
      ['Bắc Ninh', false, 3],
      ['Khi công nhận là Bắc Giang', true, 3],
      ['Lạng Sơn', false, 2],
    ]);
    expect(provinces.chart.texts.filter((t) => t.tone === 'sublabel').map((t) => t.text)).toEqual(['khi công nhận: Bắc\u00a0Giang\u00a03']);
  });

  it('shows announced fair numbers where given, unknown ones as a dash that is read as "not published"', () => {
    const fairs = statsSections(SAMPLE, 'en').find((s) => s.id === 'fairs')!;
    const haiPhong = fairs.table.rows.find((r) => r.key === 'hai-phong-2013')!;
    expect(haiPhong.cells.map((c) => [c.text, c.role])).toEqual([
      ['more than 500', 'value'],
      ['–', 'info'],
      ['0', 'value'],
      ['0', 'info'],
    ]);
    expect(haiPhong.cells[1]!.spokenText).toBe('not published');
    expect(fairs.table.columns).toContain('Sample rows (not counted)');
    expect(fairs.note).toMatch(/Sample rows/);
  });

  it('keeps sample exhibitors out of the chart, and the listed column when a fair has only samples', () => {
    const fairs = statsSections(SAMPLE, 'vi').find((s) => s.id === 'fairs')!;
    expect(fairs.chart.bars.find((b) => b.key === 'bac-2024:listed')!.value).toBe(2);
    expect(fairs.chart.bars.some((b) => b.value === 60)).toBe(false);
    const onlySamples = statsSections(figuresOf([], [fair({ slug: 'a', sampleExhibitors: 60 })]), 'vi').find((s) => s.id === 'fairs')!;
    expect(onlySamples.table.rows[0]!.cells.map((c) => [c.text, c.role])).toEqual([
      ['–', 'info'],
      ['–', 'info'],
      ['0', 'info'],
      ['60', 'info'],
    ]);
    expect(onlySamples.chart.bars).toEqual([]);
  });

  it('leaves "listed here" out of chart and table while no fair of the view lists exhibitors', () => {
    const fairs = statsSections(figuresOf([], [fair({ slug: 'a', boothCount: 100 })]), 'vi').find((s) => s.id === 'fairs')!;
    expect(fairs.chart.legend.map((s) => s.key)).toEqual(['booths']);
    expect(fairs.table.columns).toEqual(['Gian hàng', 'Đơn vị tham gia']);
    expect(fairs.table.rows[0]!.cells).toHaveLength(2);
    expect(tableNumbers(fairs)).toEqual(barNumbers(fairs));
  });

  it('gives empty charts and tables with a message, and sentences without NaN, for no records', () => {
    for (const section of statsSections(figuresOf([]), 'en')) {
      expect(section.chart.isEmpty, section.id).toBe(true);
      expect(section.table.rows).toEqual([]);
      expect(section.table.totals).toBeNull();
      expect(section.sentence).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('shortLevelLabel', () => {
  it('names a regional round by its region, shortly', () => {
    expect(shortLevelLabel('regional-north', 'vi')).toBe('Khu vực phía Bắc');
    expect(shortLevelLabel('national', 'en')).toBe('National');
  });
});

describe('headlineFigures', () => {
  it('sums up the view, each figure pointing at its chart', () => {
    const figures = headlineFigures(SAMPLE, 'vi');
    expect(figures.map((f) => [f.key, f.value, f.anchor])).toEqual([
      ['certifications', '5', 'rounds'],
      ['valid', '20%', 'validity'],
      ['provinces', '2', 'provinces'],
      ['products', '5', 'groups'],
      ['fairs', '3', 'fairs'],
    ]);
    expect(figures.find((f) => f.key === 'provinces')!.label).toBe('trên 3 tỉnh, thành có sản phẩm được công nhận');
    expect(figures.find((f) => f.key === 'valid')!.detail).toBe('1 trên 5');
  });

  it('shows a dash, not 0% or NaN, for the share of nothing', () => {
    const valid = headlineFigures(figuresOf([]), 'en').find((f) => f.key === 'valid')!;
    expect(valid.value).toBe('–');
    expect(valid.detail).toBe('no figures yet');
  });

  it('uses the singular in English for one', () => {
    expect(headlineFigures(figuresOf([cert()]), 'en')[0]).toMatchObject({ value: '1', label: 'certification', detail: 'in 1 round year' });
  });
});

describe('roundsSentence', () => {
  it('names the round with the most certifications and the span of years', () => {
    expect(roundsSentence(SAMPLE, 'en')).toBe(
      'Most certifications (3) were in the 2021 round; 5 in all across 3 round years, 2021 to 2023.',
    );
    expect(roundsSentence(SAMPLE, 'vi')).toBe(
      'Nhiều chứng nhận nhất (3) thuộc năm bình chọn 2021; tổng cộng 5 chứng nhận trong 3 năm bình chọn, từ 2021 đến 2023.',
    );
  });

  it('names every round tied for the most', () => {
    const f = figuresOf([
      cert({ roundYear: 2021 }),
      cert({ roundYear: 2023 }),
      cert({ roundYear: 2019 }),
      cert({ roundYear: 2023 }),
      cert({ roundYear: 2021 }),
    ]);
    expect(roundsSentence(f, 'en')).toMatch(/^The 2021 and 2023 rounds had the most certifications \(2 each\)/);
    expect(roundsSentence(f, 'vi')).toMatch(/^Các năm 2021 và 2023 có nhiều chứng nhận nhất \(2 mỗi năm\)/);
  });

  it('says plainly when all are from one round, or when there is none', () => {
    expect(roundsSentence(figuresOf([cert()]), 'en')).toBe('The only certification is from the 2021 round.');
    expect(roundsSentence(figuresOf([cert(), cert()]), 'vi')).toBe('Cả 2 chứng nhận đều thuộc năm bình chọn 2021.');
    expect(roundsSentence(figuresOf([]), 'vi')).toBe('Chưa có chứng nhận nào được ghi nhận ở đây.');
  });
});

describe('validitySentence', () => {
  it('gives the share valid on the day, with expired and revoked', () => {
    expect(validitySentence(SAMPLE, 'en')).toBe(
      '1 of 5 certifications (20%) were valid on 12 May 2026; 3 had expired and 1 had been revoked.',
    );
    expect(validitySentence(figuresOf([cert()]), 'vi')).toBe(
      '0 trên 1 chứng nhận (0%) còn hiệu lực vào ngày 12/05/2026; 1 đã hết hiệu lực và không chứng nhận nào bị thu hồi.',
    );
  });
});

describe('groupsSentence', () => {
  it('names the largest group and how many give none', () => {
    const f = figuresOf([cert({ group: 'food' }), cert({ group: 'food' }), cert({ group: 'other' }), cert()]);
    expect(groupsSentence(f, 'en')).toBe(
      'The group “Processed agricultural, forest and fishery products and food” has the most certifications (2); 1 give no group because their source does not say.',
    );
  });

  it('says so when no certification gives a group', () => {
    expect(groupsSentence(figuresOf([cert(), cert()]), 'vi')).toBe(
      'Chưa chứng nhận nào ghi nhóm sản phẩm: nguồn của cả 2 chứng nhận không nêu nhóm.',
    );
  });

  it('names tied groups together', () => {
    const f = figuresOf([cert({ group: 'food' }), cert({ group: 'handicraft' })]);
    expect(groupsSentence(f, 'vi')).toBe(
      'Các nhóm “Thủ công mỹ nghệ” và “Chế biến nông, lâm, thủy sản và thực phẩm” có nhiều chứng nhận nhất (1 mỗi nhóm).',
    );
  });
});

describe('provincesSentence', () => {
  it('names the current province with the most and how many of all have one', () => {
    expect(provincesSentence(SAMPLE, 'en')).toBe(
      'Bắc Ninh has the most certifications (3); 2 of the 3 current provinces have at least one.',
    );
  });

  it('counts within the region on a region’s page', () => {
    const north = computeFigures(
      { certifications: [cert()], fairs: [], asOf: TODAY, provinces: [{ slug: 'bac-ninh', name: 'Bắc Ninh', regions: ['north'] }] },
      'north',
    );
    expect(provincesSentence(north, 'vi')).toBe(
      'Bắc Ninh có nhiều chứng nhận nhất (1); 1 trên 1 tỉnh, thành hiện nay của khu vực có ít nhất một chứng nhận.',
    );
  });
});

describe('fairsSentence', () => {
  it('counts fairs, the largest announced and the exhibitor lists held', () => {
    expect(fairsSentence(SAMPLE, 'en')).toBe(
      '3 fairs are recorded; booth numbers were announced for 2 of them, the most more than 500 booths (2013 · Hải Phòng). The registry lists the exhibitors of 1 fair (2 exhibitors).',
    );
  });

  it('words one fair, and one fair with booths, plainly', () => {
    const one = figuresOf([], [fair({ slug: 'bac-2024', startDate: '2024-05-16', boothCount: 270 })]);
    expect(fairsSentence(one, 'vi')).toBe(
      '1 hội chợ được ghi nhận; nguồn công bố 270 gian hàng (2024 · Hà Nội). Danh bạ chưa có danh sách đơn vị trưng bày của hội chợ nào.',
    );
    const two = figuresOf([], [fair({ slug: 'a', boothCount: 270 }), fair({ slug: 'b' })]);
    expect(fairsSentence(two, 'en')).toBe(
      '2 fairs are recorded; booth numbers were announced for 1 of them: 270 booths (2024 · Hà Nội). The registry lists no fair’s exhibitors yet.',
    );
  });

  it('says so when there is no fair, and where national fairs are on a region’s page', () => {
    expect(fairsSentence(figuresOf([]), 'vi')).toBe('Chưa có hội chợ nào được ghi nhận.');
    const central = computeFigures({ certifications: [], fairs: [fair({ slug: 'a' })], asOf: TODAY, provinces: [] }, 'central');
    expect(fairsSentence(central, 'en')).toBe(
      'No fair of this region is recorded yet; national fairs appear in the whole-country figures only.',
    );
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.004, '<1%'],
    [0.25, '25%'],
    [0.555, '56%'],
    [0.996, '>99%'],
    [1, '100%'],
    [Number.NaN, '0%'],
  ])('writes %s as %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe('formatNumber', () => {
  it('groups thousands as each language does', () => {
    expect(formatNumber(12345, 'vi')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});

describe('joinList', () => {
  it('joins with "và" or "and" before the last', () => {
    expect(joinList(['2019', '2021', '2023'], 'vi')).toBe('2019, 2021 và 2023');
    expect(joinList(['Hà Giang'], 'en')).toBe('Hà Giang');
    expect(joinList([], 'en')).toBe('');
  });
});

describe('fairShortLabel', () => {
  it('names a fair by year and city, the name alone when neither is known', () => {
    expect(fairShortLabel({ year: 2024, city: 'Hà Nội', name: 'x' }, 'vi')).toBe('2024 · Hà Nội');
    expect(fairShortLabel({ year: null, city: 'Tiền Giang', name: 'x' }, 'en')).toBe('Year unknown · Tiền Giang');
    expect(fairShortLabel({ year: null, city: null, name: 'Hội chợ' }, 'vi')).toBe('Hội chợ');
  });
});
