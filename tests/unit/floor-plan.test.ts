import { describe, expect, it } from 'vitest';
import { hallLabels, nudgeBooth, placeBooth, readBoothPositions, snapToGrid, PLAN_GRID, LARGE_STEP } from '#domain/floor-plan.ts';

const plan = { width: 400, height: 300 };
const booth = { x: 40, y: 60, w: 60, h: 40 };
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const fields = (id: number, x: string, y: string, w: string, h: string, version = '3'): [string, string][] => [
  ['booth', String(id)],
  [`x-${id}`, x],
  [`y-${id}`, y],
  [`w-${id}`, w],
  [`h-${id}`, h],
  [`version-${id}`, version],
];

describe('snapToGrid', () => {
  it.each([
    [37, 40],
    [34, 30],
    [0, 0],
    [-4, -0],
  ])('snaps %d to %d', (value, snapped) => {
    expect(snapToGrid(value)).toBe(snapped);
  });
});

describe('placeBooth', () => {
  it('snaps a dragged booth to the grid', () => {
    expect(placeBooth(booth, 123, 77, plan)).toEqual({ ...booth, x: 120, y: 80 });
  });
  it('keeps the whole booth inside the plan', () => {
    expect(placeBooth(booth, 390, 290, plan)).toEqual({ ...booth, x: 340, y: 260 });
    expect(placeBooth(booth, -50, -5, plan)).toEqual({ ...booth, x: 0, y: 0 });
  });
});

describe('nudgeBooth', () => {
  it('moves one grid cell per arrow key', () => {
    expect(nudgeBooth(booth, 'ArrowRight', false, plan)).toMatchObject({ x: 40 + PLAN_GRID, y: 60 });
    expect(nudgeBooth(booth, 'ArrowUp', false, plan)).toMatchObject({ x: 40, y: 60 - PLAN_GRID });
  });
  it('moves further with shift', () => {
    expect(nudgeBooth(booth, 'ArrowDown', true, plan)).toMatchObject({ y: 60 + PLAN_GRID * LARGE_STEP });
  });
  it('stops at the plan edge', () => {
    expect(nudgeBooth({ ...booth, x: 0 }, 'ArrowLeft', true, plan)).toMatchObject({ x: 0 });
  });
});

describe('hallLabels', () => {
  it('writes each hall name above its top-left booth, skipping booths without a hall', () => {
    const booths = [
      { hall: 'A', x: 50, y: 80 },
      { hall: 'A', x: 20, y: 120 },
      { hall: 'B', x: 300, y: 70 },
      { hall: null, x: 0, y: 0 },
    ];
    expect(hallLabels(booths)).toEqual([
      { hall: 'A', x: 20, y: 68 },
      { hall: 'B', x: 300, y: 58 },
    ]);
  });
});

describe('readBoothPositions', () => {
  it('reads each posted booth with its version', () => {
    expect(readBoothPositions(form(fields(7, '40', '60.5', '60', '40')), plan)).toEqual({
      ok: true,
      positions: [{ id: 7, version: 3, x: 40, y: 60.5, w: 60, h: 40 }],
    });
  });
  it('skips a booth whose four numbers are empty', () => {
    const read = readBoothPositions(form([...fields(7, '', '', '', ''), ...fields(8, '0', '0', '10', '10')]), plan);
    expect(read).toMatchObject({ ok: true, positions: [{ id: 8 }] });
  });
  const refused: [[string, string][], string][] = [
    [fields(7, '-1', '0', '10', '10'), 'số không âm'],
    [fields(7, 'mười', '0', '10', '10'), 'số không âm'],
    [fields(7, '0', '0', '0', '10'), 'lớn hơn 0'],
    [fields(7, '390', '0', '60', '10'), 'nằm ngoài sơ đồ'],
    [fields(7, '0', '0', '10', '10', ''), 'phiên bản'],
    [[['booth', '7x']], 'không hợp lệ'],
    [[...fields(7, '0', '0', '10', '10'), ...fields(7, '0', '0', '10', '10')], 'hai lần'],
  ];
  it.each(refused)('refuses %j in Vietnamese', (entries, words) => {
    const read = readBoothPositions(form(entries), plan);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.errors.join(' ')).toContain(words);
  });
  it('refuses a form with nothing to save', () => {
    expect(readBoothPositions(form([]), plan)).toEqual({ ok: false, errors: ['Không có gian hàng nào để lưu.'] });
  });
});
