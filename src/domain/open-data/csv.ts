/**
 * A dataset as CSV: one row per record, the record's fields as the header in the JSON's order. Records are
 * flat already (nested facts are spelled out as fields such as province_current_slug), so a cell is:
 * text as it is; a number in JavaScript's shortest form (85.5); a boolean as true/false; a list joined
 * with "; "; null as an empty cell (a record never holds "", so an empty cell always means null, or an
 * empty list). The writer (src/domain/csv-write.ts) adds the BOM and CRLF, and an apostrophe before text
 * that starts with = + - @ (a spreadsheet formula); readDatasetCsv takes that apostrophe off again.
 */
import { z } from 'zod';
import { writeCsv } from '#domain/csv-write.ts';
import { parseCsv } from '#domain/import/csv.ts';

export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'list';

export interface Column {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
}

/** How lists are joined in a cell. */
export const LIST_SEPARATOR = '; ';

interface JsonSchemaNode {
  type?: string;
  anyOf?: JsonSchemaNode[];
}

const KINDS: Record<string, ColumnKind> = { string: 'text', integer: 'integer', number: 'number', boolean: 'boolean', array: 'list' };

/** The columns of a record, in its field order, with their kind read from the record's JSON Schema. */
export function csvColumns(record: z.ZodObject): Column[] {
  const { properties } = z.toJSONSchema(record) as { properties: Record<string, JsonSchemaNode> };
  return Object.entries(properties).map(([name, node]) => {
    const types = (node.anyOf ?? [node]).map((n) => n.type);
    const base = types.find((t) => t !== 'null');
    const kind = base === undefined ? undefined : KINDS[base];
    if (!kind) throw new Error(`open data: the field ${name} has no CSV form`);
    return { name, kind, nullable: types.includes('null') };
  });
}

function cellOf(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(`open data: a ${typeof value} cannot be written to a CSV cell`);
}

/** The CSV file of a dataset: header, then one row per record. */
export function writeDatasetCsv(columns: readonly Column[], records: readonly Record<string, unknown>[]): string {
  return writeCsv([columns.map((c) => c.name), ...records.map((r) => columns.map((c) => cellOf(r[c.name])))]);
}

export type DatasetCsvResult = { ok: true; records: Record<string, unknown>[] } | { ok: false; reason: string };

/** Reads a dataset's CSV back into records with the JSON's values: the inverse of writeDatasetCsv. */
export function readDatasetCsv(columns: readonly Column[], text: string): DatasetCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, reason: `line ${parsed.line}: ${parsed.reason}` };
  const [header, ...rows] = parsed.records;
  const expected = columns.map((c) => c.name);
  if (!header || header.cells.join(',') !== expected.join(',')) return { ok: false, reason: `the header is not ${expected.join(',')}` };
  const records: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (row.cells.length !== columns.length)
      return { ok: false, reason: `line ${row.line}: ${row.cells.length} cells, ${columns.length} columns` };
    const record: Record<string, unknown> = {};
    for (const [i, column] of columns.entries()) {
      const value = readCell(column, row.cells[i]!.replace(/^'(?=[=+\-@\t\r])/, ''));
      if (value instanceof Error) return { ok: false, reason: `line ${row.line}, column ${column.name}: ${value.message}` };
      record[column.name] = value;
    }
    records.push(record);
  }
  return { ok: true, records };
}

function readCell(column: Column, cell: string): unknown {
  if (column.kind === 'list') return cell === '' ? [] : cell.split(LIST_SEPARATOR);
  if (cell === '') return column.nullable ? null : new Error('empty, but the field is required');
  switch (column.kind) {
    case 'text':
      return cell;
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : new Error(`“${cell}” is not true or false`);
    default: {
      const n = Number(cell);
      if (!Number.isFinite(n) || (column.kind === 'integer' && !Number.isInteger(n))) return new Error(`“${cell}” is not a number`);
      return n;
    }
  }
}
