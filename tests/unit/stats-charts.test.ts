import { describe, expect, it } from 'vitest';
import {
  AXIS,
  LABEL_CHARS,
  MIN_VISIBLE,
  barWidth,
  buildBarChart,
  wrapLabel,
  type BarChartInput,
  type ChartRow,
  type ChartSeries,
} from '#domain/stats/charts.ts';

const ONE: ChartSeries[] = [{ key: 'count', label: 'Chứng nhận', colour: '#0b5d3b', texture: 'solid' }];
const LEVELS: ChartSeries[] = [
  { key: 'national', label: 'Cấp quốc gia', colour: '#0b5d3b', texture: 'solid' },
  { key: 'regional', label: 'Cấp khu vực', colour: '#0072b2', texture: 'stripes' },
  { key: 'provincial', label: 'Cấp tỉnh', colour: '#b34a00', texture: 'solid' },
];

const chart = (rows: ChartRow[], over: Partial<BarChartInput> = {}) =>
  buildBarChart({
    id: 'chart-test',
    title: 'Chứng nhận theo nhóm sản phẩm',
    description: 'Biểu đồ thanh ngang',
    layout: 'single',
    series: ONE,
    rows,
    emptyText: 'Chưa có số liệu.',
    formatValue: (n) => n.toLocaleString('vi-VN'),
    ...over,
  });

const row = (key: string, values: (number | null)[], label = key): ChartRow => ({ key, label, values });

describe('barWidth', () => {
  it('is proportional to the value, the greatest filling the axis', () => {
    expect(barWidth(40, 40)).toBe(AXIS);
    expect(barWidth(10, 40)).toBe(AXIS / 4);
    expect(barWidth(30, 40)).toBe(61.5);
  });

  it('is 0 for a zero value, and 0 (not NaN) when every value is zero', () => {
    expect(barWidth(0, 40)).toBe(0);
    expect(barWidth(0, 0)).toBe(0);
  });

  it('draws a tiny non-zero value at least the visible minimum', () => {
    expect(barWidth(1, 10_000)).toBe(MIN_VISIBLE);
  });
});

describe('buildBarChart', () => {
  it('carries the inputs’ values exactly, one bar per value, keyed row:series', () => {
    const model = chart([row('food', [18]), row('handicraft', [0]), row('none', [7])]);
    expect(model.bars.map((b) => [b.key, b.value])).toEqual([
      ['food:count', 18],
      ['handicraft:count', 0],
      ['none:count', 7],
    ]);
  });

  it('makes the longest bar fill the axis and the others proportional', () => {
    const model = chart([row('a', [5]), row('b', [20]), row('c', [10])]);
    expect(model.max).toBe(20);
    expect(model.bars.map((b) => b.width)).toEqual([AXIS / 4, AXIS, AXIS / 2]);
    expect(model.bars.every((b) => b.x === 0)).toBe(true);
  });

  it('draws a zero bar with no width but still writes its 0', () => {
    const model = chart([row('a', [4]), row('zero', [0])]);
    expect(model.bars[1]!.width).toBe(0);
    expect(model.texts.filter((t) => t.tone === 'value' || t.tone === 'inside').map((t) => t.text)).toEqual(['4', '0']);
  });

  it('stacks series along one bar scaled to the greatest row total, and writes the total after it', () => {
    const model = chart([row('2021', [3, 0, 18]), row('2022', [0, 8, 0])], { layout: 'stacked', series: LEVELS });
    expect(model.max).toBe(21);
    const y2021 = model.bars.filter((b) => b.key.startsWith('2021:'));
    expect(y2021.map((b) => b.x)).toEqual([0, y2021[0]!.width, y2021[0]!.width]);
    expect(y2021.reduce((sum, b) => sum + b.width, 0)).toBeCloseTo(AXIS, 2);
    expect(new Set(y2021.map((b) => b.y)).size).toBe(1);
    const totals = model.texts.filter((t) => t.tone === 'value').map((t) => t.text);
    expect(totals).toEqual(['21', '8']);
    expect(model.legend.map((s) => s.key)).toEqual(['national', 'regional', 'provincial']);
  });

  it('writes a segment’s number inside it only where it fits at the narrowest width', () => {
    const model = chart([row('2021', [1, 0, 200])], { layout: 'stacked', series: LEVELS });
    const inside = model.texts.filter((t) => t.tone === 'inside').map((t) => t.text);
    expect(inside).toEqual(['200']);
  });

  it('leaves out unknown values in grouped bars but keeps zeros, and writes units', () => {
    const series: ChartSeries[] = [
      { key: 'booths', label: 'Gian hàng', colour: '#0072b2', texture: 'solid', unit: 'gian hàng' },
      { key: 'listed', label: 'Trong danh bạ', colour: '#0b5d3b', texture: 'dots', unit: 'trong danh bạ' },
    ];
    const model = chart(
      [
        { key: 'bac-2024', label: '2024 · Hà Nội', values: [270, 0] },
        { key: 'hai-phong-2013', label: '2013 · Hải Phòng', values: [500, null], valueTexts: ['trên 500', null] },
      ],
      { layout: 'grouped', series },
    );
    expect(model.bars.map((b) => b.key)).toEqual(['bac-2024:booths', 'bac-2024:listed', 'hai-phong-2013:booths']);
    expect(model.legend.map((s) => s.key)).toEqual(['booths', 'listed']);
    expect(chart([{ key: 'a', label: 'a', values: [5, null] }], { layout: 'grouped', series }).legend.map((s) => s.key)).toEqual([
      'booths',
    ]);
    const texts = model.texts.filter((t) => t.tone === 'value' || t.tone === 'inside').map((t) => t.text);
    expect(texts).toEqual(['270 gian hàng', '0 trong danh bạ', 'trên 500 gian hàng']);
  });

  it('puts a value inside the end of a bar that leaves no room after it, with the bar’s colour as a halo', () => {
    const model = chart([{ key: 'a', label: 'a', values: [100] }], {
      layout: 'grouped',
      series: [{ ...ONE[0]!, unit: 'đơn vị' }],
    });
    const text = model.texts.find((t) => t.text.startsWith('100'))!;
    expect(text).toMatchObject({ tone: 'inside', anchor: 'end', x: AXIS, halo: '#0b5d3b' });
  });

  it('places rows top to bottom without overlap, labels above their bars', () => {
    const model = chart([row('a', [1], 'Chế biến nông, lâm, thủy sản và thực phẩm'), row('b', [2])]);
    const [a, b] = model.bars;
    const labelsOfA = model.texts.filter((t) => t.tone === 'label' && t.y < a!.y);
    expect(labelsOfA.map((t) => t.text)).toEqual(['Chế biến nông, lâm, thủy sản và', 'thực phẩm']);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height);
    expect(model.height).toBeGreaterThanOrEqual(b!.y + b!.height);
  });

  it('is deterministic', () => {
    const rows = [row('a', [3, 4, 5]), row('b', [1, 0, 2])];
    expect(chart(rows, { layout: 'stacked', series: LEVELS })).toEqual(chart(rows, { layout: 'stacked', series: LEVELS }));
  });

  it('draws an empty chart with its message and nothing else for no rows, not even a legend', () => {
    const model = chart([], { layout: 'stacked', series: LEVELS });
    expect(model.legend).toEqual([]);
    expect(model.isEmpty).toBe(true);
    expect(model.bars).toEqual([]);
    expect(model.texts).toEqual([expect.objectContaining({ text: 'Chưa có số liệu.', tone: 'empty' })]);
    expect(model.height).toBeGreaterThan(0);
    expect(Number.isNaN(model.max)).toBe(false);
  });

  it('draws rows whose values are all zero with zero-width bars, not NaN', () => {
    const model = chart([row('a', [0]), row('b', [0])]);
    expect(model.bars.map((b) => b.width)).toEqual([0, 0]);
    expect(model.bars.every((b) => Number.isFinite(b.x))).toBe(true);
  });

  it('names its title and description for aria-labelledby and aria-describedby', () => {
    const model = chart([row('a', [1])]);
    expect(model).toMatchObject({ titleId: 'chart-test-title', descId: 'chart-test-desc', title: 'Chứng nhận theo nhóm sản phẩm' });
  });

  it('asks for the patterns of the textures it uses only', () => {
    expect(chart([row('a', [1])]).textures).toEqual([]);
    expect(chart([row('a', [1, 1, 1])], { layout: 'stacked', series: LEVELS }).textures).toEqual(['stripes']);
  });
});

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Lạng Sơn')).toEqual(['Lạng Sơn']);
  });

  it('breaks a long label at spaces, no line past the limit', () => {
    const lines = wrapLabel('Processed agricultural, forest and fishery products and food');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= LABEL_CHARS)).toBe(true);
    expect(lines.join(' ')).toBe('Processed agricultural, forest and fishery products and food');
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapLabel('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
  });

  it('gives one empty line for an empty label', () => {
    expect(wrapLabel('')).toEqual(['']);
  });
});
