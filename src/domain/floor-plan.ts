/**
 * A fair's floor plan as geometry (#20.2): booth rectangles in plan units, the hall labels the public page
 * and the admin editor both draw, moves snapped to a grid and kept inside the plan, and the booth positions a
 * plan form posts. Pure: the SVG (src/components/FloorPlanSvg.tsx) and the editor island use it.
 */

export interface PlanRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A booth as the plan draws it. */
export interface PlanBoothShape extends PlanRect {
  id: number;
  /** The booth code printed in the rectangle ("A12"). */
  booth: string;
  hall: string | null;
  name: string;
}

/** The grid booths snap to, in plan units; shift+arrow moves by LARGE_STEP grid cells. */
export const PLAN_GRID = 10;
export const LARGE_STEP = 5;

/** Where each hall's name is written: above its top-left booth. */
export function hallLabels(booths: readonly Pick<PlanBoothShape, 'hall' | 'x' | 'y'>[]): { hall: string; x: number; y: number }[] {
  const halls = [...new Set(booths.map((b) => b.hall).filter((h): h is string => h !== null))];
  return halls.map((hall) => {
    const inHall = booths.filter((b) => b.hall === hall);
    return { hall, x: Math.min(...inHall.map((b) => b.x)), y: Math.min(...inHall.map((b) => b.y)) - 12 };
  });
}

/** A value on the grid: snapToGrid(37, 10) → 40. */
export function snapToGrid(value: number, grid = PLAN_GRID): number {
  return Math.round(value / grid) * grid;
}

/** A booth placed at (x, y), snapped to the grid and kept wholly inside a plan of width × height. */
export function placeBooth<T extends PlanRect>(
  booth: T,
  x: number,
  y: number,
  plan: { width: number; height: number },
  grid = PLAN_GRID,
): T {
  const clamp = (v: number, size: number, limit: number) => Math.min(Math.max(0, v), Math.max(0, limit - size));
  return { ...booth, x: clamp(snapToGrid(x, grid), booth.w, plan.width), y: clamp(snapToGrid(y, grid), booth.h, plan.height) };
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
const ARROWS: Record<ArrowKey, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
export const isArrowKey = (key: string): key is ArrowKey => Object.hasOwn(ARROWS, key);

/** A booth moved by one arrow key: one grid cell, LARGE_STEP cells with shift; snapped and kept inside. */
export function nudgeBooth<T extends PlanRect>(
  booth: T,
  key: ArrowKey,
  large: boolean,
  plan: { width: number; height: number },
  grid = PLAN_GRID,
): T {
  const [dx, dy] = ARROWS[key];
  const step = grid * (large ? LARGE_STEP : 1);
  return placeBooth(booth, booth.x + dx * step, booth.y + dy * step, plan, grid);
}

/** One booth's new rectangle as a plan form posts it, with the version it was loaded at. */
export interface BoothPosition extends PlanRect {
  id: number;
  version: number;
}

const NUMBER = /^\d{1,6}(\.\d{1,2})?$/;

/**
 * The positions a plan form posts: for each id in `booth`, fields `x-ID`, `y-ID`, `w-ID`, `h-ID` and `version-ID`
 * (a booth with all four empty is skipped). Every problem is named in Vietnamese with the booth's id; nothing is returned when any is wrong.
 */
export function readBoothPositions(
  form: { getAll(name: string): unknown[]; get(name: string): unknown },
  plan: { width: number; height: number },
): { ok: true; positions: BoothPosition[] } | { ok: false; errors: string[] } {
  const ids = form.getAll('booth').map((v) => (typeof v === 'string' ? v : ''));
  const errors: string[] = [];
  const positions: BoothPosition[] = [];
  const seen = new Set<string>();
  if (ids.length > 2000) errors.push('Quá nhiều gian hàng trong một lần lưu (tối đa 2000).');
  for (const raw of ids.slice(0, 2000)) {
    if (!/^\d{1,12}$/.test(raw)) {
      errors.push(`Mã gian hàng “${raw.slice(0, 20)}” không hợp lệ.`);
      continue;
    }
    const field = (name: string) => {
      const value = form.get(`${name}-${raw}`);
      return typeof value === 'string' ? value.trim() : '';
    };
    // A booth whose four numbers are all empty stays off the plan (the number form lists every booth).
    if ((['x', 'y', 'w', 'h'] as const).every((n) => field(n) === '')) continue;
    if (seen.has(raw)) {
      errors.push(`Gian #${raw} được gửi hai lần.`);
      continue;
    }
    seen.add(raw);
    const [x, y, w, h] = (['x', 'y', 'w', 'h'] as const).map((n) => (NUMBER.test(field(n)) ? Number(field(n)) : NaN)) as [
      number,
      number,
      number,
      number,
    ];
    const version = /^\d{1,9}$/.test(field('version')) ? Number(field('version')) : NaN;
    if ([x, y, w, h].some(Number.isNaN)) errors.push(`Gian #${raw}: toạ độ và kích thước là số không âm (tối đa hai chữ số thập phân).`);
    else if (w <= 0 || h <= 0) errors.push(`Gian #${raw}: chiều rộng và chiều cao phải lớn hơn 0.`);
    else if (x + w > plan.width || y + h > plan.height) errors.push(`Gian #${raw}: nằm ngoài sơ đồ (${plan.width} × ${plan.height}).`);
    if (Number.isNaN(version)) errors.push(`Gian #${raw}: thiếu phiên bản; hãy tải lại trang.`);
    positions.push({ id: Number(raw), version, x, y, w, h });
  }
  if (errors.length === 0 && positions.length === 0) errors.push('Không có gian hàng nào để lưu.');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, positions };
}
