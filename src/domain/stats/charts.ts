/**
 * Horizontal bar charts as plain models an SVG is drawn from (issue #9): each row's label sits above its
 * bar, so long Vietnamese names never squeeze the bars on a phone. Lengths run along x in per cent of the
 * chart's width (the SVG has no viewBox and fills its box), heights in CSS pixels, so text keeps its size
 * at every width while bars stretch. Everything is computed here, deterministically, for unit tests.
 */

/** A fill texture laid over a series' colour, so series differ by more than colour (and in grey print). */
export type Texture = 'solid' | 'stripes' | 'dots' | 'cross';

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
  texture: Texture;
  /** A short unit written after each value of the series ("gian hàng"), for grouped charts. */
  unit?: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** A second, smaller line under the label ("khi công nhận: Bắc Giang 18"). */
  sublabel?: string | null;
  /** One value per series; null where it is unknown (no bar is drawn, the table says so). */
  values: readonly (number | null)[];
  /** The text written for a value where it differs from the number ("500+"). */
  valueTexts?: readonly (string | null)[];
  /** Overrides the series colour for this row (a muted "not given" row). */
  colour?: string;
}

export type ChartLayout = 'single' | 'stacked' | 'grouped';

export interface BarChartInput {
  id: string;
  title: string;
  description: string;
  layout: ChartLayout;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** Shown inside the chart when there are no rows. */
  emptyText: string;
  /** Shown in place of the bars of a row whose values are all unknown. */
  missingText?: string;
  formatValue: (n: number) => string;
}

export interface ChartBar {
  /** `row:series`, also on the table cell holding the same number. */
  key: string;
  series: string;
  value: number;
  /** Per cent of the chart's width. */
  x: number;
  width: number;
  /** Pixels. */
  y: number;
  height: number;
  colour: string;
  texture: Texture;
  /** The bar's tooltip: "2021 — Cấp tỉnh: 18". */
  title: string;
}

export type TextTone = 'label' | 'sublabel' | 'value' | 'inside' | 'empty';

export interface ChartText {
  text: string;
  /** Per cent of the width, then a shift in pixels. */
  x: number;
  dx: number;
  /** Pixels; labels give their baseline, values the centre of their bar. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
  tone: TextTone;
  /** For text on a bar: the bar's colour, drawn as a halo behind the letters so a texture never crosses them. */
  halo?: string;
}

export interface ChartModel {
  id: string;
  titleId: string;
  descId: string;
  title: string;
  description: string;
  layout: ChartLayout;
  /** Pixels. */
  height: number;
  bars: ChartBar[];
  texts: ChartText[];
  /** The series as the legend shows them (none for a single series). */
  legend: ChartSeries[];
  /** The textures the bars use, for the SVG's pattern definitions. */
  textures: Texture[];
  /** The greatest row total (stacked) or value: the length the axis is scaled to. */
  max: number;
  isEmpty: boolean;
}

/** The longest bar reaches this per cent of the width; the rest keeps room for its value. */
export const AXIS = 82;
/** The narrowest chart drawn (a 320 px screen less the page's and the panel's padding), for fitting text. */
export const MIN_CHART_PX = 260;
/** Estimated widths of the chart's type (Be Vietnam Pro): labels at 14 px, values at 13 px. */
const LABEL_CHAR_PX = 8;
const VALUE_CHAR_PX = 7.4;
/** Characters of a label line at the narrowest width. */
export const LABEL_CHARS = Math.floor(MIN_CHART_PX / LABEL_CHAR_PX);
/** A non-zero value is drawn at least this wide (per cent), so that it is seen; its number says the rest. */
export const MIN_VISIBLE = 0.6;

const LABEL_LINE = 18;
const SUBLABEL_LINE = 16;
const LABEL_BASELINE = 14;
const LABEL_TO_BAR = 5;
const ROW_GAP = 16;
const BAR_HEIGHT: Record<ChartLayout, number> = { single: 20, stacked: 24, grouped: 16 };
const GROUPED_GAP = 3;
const VALUE_DX = 6;
const EMPTY_HEIGHT = 44;

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Splits a label into lines of at most `max` characters at spaces; a longer word keeps a line of its own.
 * No-break spaces hold a name together: "Bắc\u00a0Kạn\u00a03" never breaks.
 */
export function wrapLabel(text: string, max: number = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** The width (per cent) of a value on an axis scaled to `max`: proportional, a non-zero value never invisible. */
export function barWidth(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return round(Math.max(MIN_VISIBLE, (value / max) * AXIS));
}

/** Estimated pixels of a value's text. */
const textPx = (text: string) => text.length * VALUE_CHAR_PX;
/** Whether text fits in a span of `widthPercent` at the narrowest chart, with a little margin. */
const fitsIn = (text: string, widthPercent: number) => textPx(text) + 2 * VALUE_DX <= (widthPercent / 100) * MIN_CHART_PX;

/** The value's text after its bar's end, or inside the bar's end when there is no room after it. */
function valueText(text: string, bar: ChartBar): ChartText {
  const { x, width } = bar;
  const y = bar.y + bar.height / 2;
  if (fitsIn(text, 100 - (x + width)) || !fitsIn(text, width))
    return { text, x: round(x + width), dx: VALUE_DX, y, anchor: 'start', tone: 'value' };
  return { text, x: round(x + width), dx: -VALUE_DX, y, anchor: 'end', tone: 'inside', halo: bar.colour };
}

/** Lays out a bar chart: rows top to bottom in the given order, series in the given order. */
export function buildBarChart(input: BarChartInput): ChartModel {
  const { id, layout, series, rows, formatValue } = input;
  const base = {
    id,
    titleId: `${id}-title`,
    descId: `${id}-desc`,
    title: input.title,
    description: input.description,
    layout,
    // A series the legend names has at least one known value to draw.
    legend: layout === 'single' ? [] : series.filter((_, s) => rows.some((row) => row.values[s] !== null && row.values[s] !== undefined)),
  };
  const known = (row: ChartRow) => row.values.map((v) => v ?? 0);
  const max = Math.max(0, ...rows.map((row) => (layout === 'stacked' ? sum(known(row)) : Math.max(0, ...known(row)))));
  if (rows.length === 0) {
    return {
      ...base,
      height: EMPTY_HEIGHT,
      bars: [],
      texts: [{ text: input.emptyText, x: 0, dx: 0, y: EMPTY_HEIGHT / 2, anchor: 'start', tone: 'empty' }],
      textures: [],
      max: 0,
      isEmpty: true,
    };
  }
  const bars: ChartBar[] = [];
  const texts: ChartText[] = [];
  let top = 0;
  for (const row of rows) {
    const labelLines = wrapLabel(row.label);
    const subLines = row.sublabel ? wrapLabel(row.sublabel, Math.floor(LABEL_CHARS * 1.1)) : [];
    labelLines.forEach((text, i) =>
      texts.push({ text, x: 0, dx: 0, y: top + LABEL_BASELINE + i * LABEL_LINE, anchor: 'start', tone: 'label' }),
    );
    const subTop = top + labelLines.length * LABEL_LINE;
    subLines.forEach((text, i) =>
      texts.push({ text, x: 0, dx: 0, y: subTop + LABEL_BASELINE - 1 + i * SUBLABEL_LINE, anchor: 'start', tone: 'sublabel' }),
    );
    let y = subTop + subLines.length * SUBLABEL_LINE + LABEL_TO_BAR;
    const h = BAR_HEIGHT[layout];
    const barOf = (s: number, value: number, x: number, width: number, barY: number): ChartBar => ({
      key: `${row.key}:${series[s]!.key}`,
      series: series[s]!.key,
      value,
      x: round(x),
      width,
      y: barY,
      height: h,
      colour: row.colour ?? series[s]!.colour,
      texture: series[s]!.texture,
      title: `${row.label} — ${layout === 'single' ? '' : `${series[s]!.label}: `}${formatValue(value)}`,
    });
    if (layout === 'stacked') {
      let x = 0;
      row.values.forEach((value, s) => {
        if (value === null) return;
        const width = barWidth(value, max);
        const bar = barOf(s, value, x, width, y);
        bars.push(bar);
        const text = formatValue(value);
        if (width > 0 && fitsIn(text, width))
          texts.push({ text, x: round(x + width / 2), dx: 0, y: y + h / 2, anchor: 'middle', tone: 'inside', halo: bar.colour });
        x += width;
      });
      texts.push({ text: formatValue(sum(known(row))), x: round(x), dx: VALUE_DX, y: y + h / 2, anchor: 'start', tone: 'value' });
      y += h;
    } else {
      const shown = row.values.map((value, s) => ({ value, s })).filter((v): v is { value: number; s: number } => v.value !== null);
      if (shown.length === 0) {
        texts.push({ text: input.missingText ?? '', x: 0, dx: 0, y: y + h / 2, anchor: 'start', tone: 'empty' });
        y += h;
      }
      shown.forEach(({ value, s }, i) => {
        const bar = barOf(s, value, 0, barWidth(value, max), y);
        bars.push(bar);
        const unit = series[s]!.unit;
        texts.push(valueText((row.valueTexts?.[s] ?? formatValue(value)) + (unit ? ` ${unit}` : ''), bar));
        y += h + (i < shown.length - 1 ? GROUPED_GAP : 0);
      });
    }
    top = y + ROW_GAP;
  }
  const used = new Set(bars.filter((b) => b.width > 0).map((b) => b.texture));
  const textures = (['stripes', 'dots', 'cross'] as const).filter((t) => used.has(t) || base.legend.some((s) => s.texture === t));
  return { ...base, height: top - ROW_GAP + 2, bars, texts, textures, max, isEmpty: false };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
