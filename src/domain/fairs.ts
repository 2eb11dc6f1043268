import type { LevelValue } from './levels.ts';
import { foldVietnamese } from './text.ts';

/** Reads a fair's level and region from its official name; null where the name does not say. */
export function inferFairLevel(name: string): { level: 'national' | 'regional'; region: LevelValue['region'] } | null {
  const folded = foldVietnamese(name);
  if (/khu vuc (\(?)phia bac/.test(folded)) return { level: 'regional', region: 'north' };
  if (/khu vuc (\(?)phia nam/.test(folded)) return { level: 'regional', region: 'south' };
  if (/mien trung/.test(folded)) return { level: 'regional', region: 'central' };
  if (/cap quoc gia/.test(folded)) return { level: 'national', region: null };
  if (/cap vung|cap khu vuc/.test(folded)) return { level: 'regional', region: null };
  return null;
}

/** Reads a published booth count: "270" → exact 270; "500+" or "trên 500" → at least 500. */
export function parseBoothCount(text: string): { count: number; isMinimum: boolean } | null {
  const match = /(\d[\d.,]*)/.exec(text);
  if (!match) return null;
  const count = Number(match[1]!.replace(/[.,]/g, ''));
  const isMinimum = /\+|tren|hon|more|over/.test(foldVietnamese(text));
  return { count, isMinimum };
}
