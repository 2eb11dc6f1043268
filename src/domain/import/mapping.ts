/**
 * The column-mapping form of the import preview: for each header cell of the file, the import column it
 * holds or "ignore". Read strictly: every documented required column chosen once, none twice.
 */
import { IMPORT_COLUMNS, isImportColumnKey, type ImportColumnKey } from './columns.ts';

export const MAPPING_FIELD = (index: number) => `col-${index}`;
export const IGNORE = '';

export type MappingRead = { ok: true; columns: (ImportColumnKey | null)[] } | { ok: false; errors: string[] };

export function readMappingForm(get: (name: string) => string | null, width: number): MappingRead {
  const columns: (ImportColumnKey | null)[] = [];
  const errors: string[] = [];
  for (let i = 0; i < width; i++) {
    const value = get(MAPPING_FIELD(i)) ?? IGNORE;
    if (value === IGNORE) columns.push(null);
    else if (isImportColumnKey(value)) columns.push(value);
    else {
      errors.push(`Cột ${i + 1}: lựa chọn “${value.slice(0, 40)}” không hợp lệ.`);
      columns.push(null);
    }
  }
  for (const column of IMPORT_COLUMNS) {
    const chosen = columns.filter((c) => c === column.key).length;
    if (chosen > 1) errors.push(`“${column.vi}” được chọn cho ${chosen} cột; mỗi cột chỉ chọn một lần.`);
    if (column.required && chosen === 0) errors.push(`Chưa chọn cột nào cho “${column.vi}” (bắt buộc).`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}
