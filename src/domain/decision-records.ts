/**
 * Recognition decisions as records: reading a row of db/seed/decisions.csv, the identity a seeded or
 * imported decision is matched by, and what an issuer's name says about its province. Pure.
 */
import { decisionNumberKey } from './decision-number.ts';
import { levelCode, parseLevel, type LevelValue } from './levels.ts';
import { foldVietnamese } from './text.ts';

/** A decision as a source describes it, ready to be stored. */
export interface DecisionInput {
  number: string;
  numberKey: string;
  decisionDate: string | null;
  issuerText: string | null;
  level: LevelValue;
  roundYear: number;
  productsCertified: number | null;
  note: string | null;
  sourceUrl: string | null;
  importKey: string;
}

export type DecisionRowParse = { ok: true; value: DecisionInput } | { ok: false; reason: string };

/**
 * The identity of a seeded or imported decision: number key, level code, round year and the issuer folded
 * (or "@province" for one an import created without an issuer). decisionImportKey('3116/QĐ-BCT', national, 2023, 'Bộ Công Thương')
 * → '3116/QD-BCT|national|2023|bo cong thuong'
 */
export function decisionImportKey(number: string, level: LevelValue, roundYear: number, issuerKey: string): string {
  return [decisionNumberKey(number), levelCode(level), roundYear, issuerKey].join('|');
}

/** The issuer part of an import key: its name folded, spaces collapsed ("UBND tỉnh Đồng Tháp" → "ubnd tinh dong thap"). */
export const issuerKey = (issuer: string): string => foldVietnamese(issuer).replace(/\s+/g, ' ').trim();

const isWebUrl = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);

/**
 * Reads one row of decisions.csv (decision_no, date, issuer, level, year, products_certified, note, source_url);
 * an empty cell is unknown, never guessed.
 */
export function parseDecisionRow(row: Readonly<Record<string, string | undefined>>): DecisionRowParse {
  const cell = (name: string) => (row[name] ?? '').normalize('NFC').trim();
  const number = cell('decision_no');
  if (!number) return { ok: false, reason: 'decision_no is required' };
  const level = parseLevel(cell('level'));
  if (!level) return { ok: false, reason: `"${cell('level')}" is not a level` };
  const yearText = cell('year');
  if (!/^\d{4}$/.test(yearText)) return { ok: false, reason: `"${yearText}" is not a 4-digit year` };
  const date = cell('date');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, reason: `"${date}" is not a date (YYYY-MM-DD)` };
  const countText = cell('products_certified');
  if (countText && !/^\d+$/.test(countText)) return { ok: false, reason: `"${countText}" is not a number of products` };
  const sourceUrl = cell('source_url');
  if (sourceUrl && !isWebUrl(sourceUrl)) return { ok: false, reason: `"${sourceUrl}" is not an http(s) address` };
  const issuer = cell('issuer');
  const roundYear = Number(yearText);
  return {
    ok: true,
    value: {
      number,
      numberKey: decisionNumberKey(number),
      decisionDate: date || null,
      issuerText: issuer || null,
      level,
      roundYear,
      productsCertified: countText ? Number(countText) : null,
      note: cell('note') || null,
      sourceUrl: sourceUrl || null,
      importKey: decisionImportKey(number, level, roundYear, issuer ? issuerKey(issuer) : ''),
    },
  };
}

/**
 * The province a People's Committee's name names, as written: "UBND tỉnh Bình Thuận" → "Bình Thuận",
 * "UBND thành phố Hà Nội" → "Hà Nội"; a district's or commune's committee ("UBND thị xã Bến Cát") → null.
 */
export function issuerProvinceName(issuer: string): string | null {
  const match = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(issuer.normalize('NFC').trim());
  return match ? match[1]!.trim() : null;
}
