/**
 * The column-mapping form of the import preview: for each header cell of the file, the import column it
 * holds or "ignore". Read strictly: every documented required column chosen once, none twice.
 */
import { headerWords, IMPORT_COLUMNS, isImportColumnKey, knownColumn, type ImportColumnKey } from './columns.ts';

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

/**
 * Words lists use for each column besides the documented headers (folded: no marks, lower case), most
 * telling first. Used only to pre-select the mapping form; staff confirm it.
 */
const SYNONYMS: readonly (readonly [ImportColumnKey, readonly string[]])[] = [
  ['sourceUrl', ['nguon', 'link', 'url', 'duong dan', 'source']],
  ['decisionNo', ['quyet dinh', 'so qd', 'qd', 'decision']],
  ['productGroup', ['nhom', 'phan nhom', 'group', 'category']],
  ['score', ['diem', 'score']],
  ['year', ['nam', 'dot', 'year', 'round']],
  ['level', ['cap', 'hang', 'level']],
  ['province', ['tinh', 'dia phuong', 'thanh pho', 'dia ban', 'province']],
  ['producer', ['co so', 'don vi', 'chu the', 'doanh nghiep', 'hop tac xa', 'htx', 'nha san xuat', 'to chuc', 'producer', 'maker']],
  ['productName', ['san pham', 'ten', 'product', 'name']],
];

/**
 * A first guess at the mapping of a header row: the documented names first, then the usual words of
 * Vietnamese lists ("Đơn vị" → producer, "Hạng" → level, "Năm công nhận" → year), each column at most once.
 */
export function suggestColumns(header: readonly string[]): (ImportColumnKey | null)[] {
  const taken = new Set<ImportColumnKey>();
  const columns = header.map((label) => {
    const key = knownColumn(label);
    if (key) taken.add(key);
    return key;
  });
  header.forEach((label, i) => {
    if (columns[i]) return;
    const words = ` ${headerWords(label)} `;
    for (const [key, synonyms] of SYNONYMS) {
      if (taken.has(key)) continue;
      if (synonyms.some((w) => words.includes(` ${w} `))) {
        columns[i] = key;
        taken.add(key);
        return;
      }
    }
  });
  return columns;
}
