/**
 * Every problem an import can report, by a stable code, with its words in both languages (#21.3): the
 * command line prints the English, the admin's preview and the file of rejected rows the Vietnamese. A
 * problem is raised by its code, never by its sentence, so rewording one language cannot lose the other.
 */
import type { Locale } from '#domain/i18n.ts';
import { defineStrings, fill, type Bilingual, type TableKey } from '#domain/strings.ts';

export const importProblems = defineStrings({
  vi: {
    // The file as a whole.
    'file-empty': 'tệp rỗng',
    'file-too-large': 'tệp lớn hơn {mb} MB: hãy chia danh sách',
    'quote-not-closed': 'một ô mở ngoặc kép mà không đóng',
    'text-after-quote': 'có chữ sau dấu ngoặc kép đóng (dấu ngoặc kép trong ô phải viết đôi: "")',
    'utf16-damaged': 'tệp có vẻ là văn bản UTF-16 nhưng bị hỏng: hãy lưu lại dạng “CSV UTF-8”',
    'not-text': 'tệp không phải văn bản: hãy tải lên tệp CSV (UTF-8) hoặc Excel .xlsx',
    'not-utf8': 'tệp không phải văn bản UTF-8: hãy lưu dạng “CSV UTF-8” rồi thử lại',
    /** A workbook's own problem (src/server/xlsx.ts), in English with its cell in both languages. */
    workbook: '{detail}',
    'header-only': 'tệp có dòng tiêu đề nhưng không có dòng nào',
    'too-many-rows': 'tệp có {rows} dòng; tối đa {max} dòng: hãy chia danh sách',
    // The header row.
    'column-unknown': 'cột không rõ, bỏ qua',
    'column-twice': 'cột “{column}” xuất hiện hai lần',
    'column-missing': 'thiếu cột bắt buộc (tiêu đề “{vi}” hoặc “{en}”)',
    // A row.
    'cell-count': '{cells} ô nhưng dòng tiêu đề có {columns} cột',
    'product-name-missing': 'thiếu tên sản phẩm',
    'year-missing': 'thiếu năm',
    'year-not-4-digits': '“{year}” không phải năm 4 chữ số',
    'year-out-of-range': 'năm {year} nằm ngoài 2000–{max}',
    'level-missing': 'thiếu cấp',
    'level-unknown':
      'không rõ cấp “{level}”; viết “cấp tỉnh”, “khu vực phía Bắc / miền Trung / phía Nam”, “cấp quốc gia” hoặc một mã: {codes}',
    'province-missing': 'thiếu tỉnh/thành phố',
    'province-unknown': 'không rõ tỉnh/thành phố “{province}”; gần nhất: {closest}',
    'group-unknown': 'không rõ nhóm sản phẩm “{group}”; dùng 1–4 hoặc tên một trong bốn nhóm',
    'score-invalid': 'điểm “{score}” phải là số từ 0 đến 100',
    'source-not-web': '“{url}” không phải địa chỉ http(s)',
    'source-not-https': 'nguồn không dùng https: được hiện dạng chữ, không thành liên kết',
    'english-producer-without-producer': 'có tên cơ sở tiếng Anh nhưng thiếu tên cơ sở tiếng Việt',
    'producer-missing': 'không có cơ sở sản xuất: sản phẩm được ghi mà không gắn cơ sở',
    'duplicate-row': 'trùng chứng nhận ở dòng {line}; dòng này được bỏ qua',
    /** Bidi overrides and control characters (src/domain/safe-text.ts words them for the forms too). */
    'unsafe-text': '{problem}',
    'english-name-invalid': '{problem}',
    // A cell the admin form's field schema refuses (src/domain/import/record-fields.ts).
    'too-long': 'dài {length} ký tự; tối đa {max} ký tự (như biểu mẫu quản trị)',
    'too-short': 'dài {length} ký tự; cần ít nhất {min} ký tự (như biểu mẫu quản trị)',
    'item-too-long': 'có thành phần dài quá {max} ký tự',
    'too-many-items': 'bộ có quá {max} thành phần',
    /** Any other refusal of the form's schema: the form has only Vietnamese words for it. */
    'field-refused': '{message}',
    // What the preview says of a row without errors.
    'row-updates': 'cập nhật số quyết định, điểm hoặc nguồn của một chứng nhận đã có',
    'row-unchanged': 'đã có trong danh bạ, không thay đổi gì',
    'row-not-checked': 'chưa kiểm tra: tệp có quá nhiều lỗi',
  },
  en: {
    'file-empty': 'the file is empty',
    'file-too-large': 'the file is larger than {mb} MB: split the list',
    'quote-not-closed': 'a quoted cell is never closed',
    'text-after-quote': 'text after a closing quote (a quote inside a cell must be doubled: "")',
    'utf16-damaged': 'the file looks like UTF-16 text but is damaged: save it again as "CSV UTF-8"',
    'not-text': 'the file is not text (it holds NUL bytes): upload a CSV (UTF-8) or an Excel .xlsx file',
    'not-utf8': 'the file is not UTF-8 text: save it as "CSV UTF-8" and try again',
    workbook: '{detail}',
    'header-only': 'the file has a header but no rows',
    'too-many-rows': 'the file has {rows} rows; at most {max} are accepted: split the list',
    'column-unknown': 'unknown column, ignored',
    'column-twice': 'column {column} appears twice',
    'column-missing': 'required column missing (header "{en}" or "{vi}")',
    'cell-count': '{cells} cells but the header has {columns}',
    'product-name-missing': 'product name is required',
    'year-missing': 'year is required',
    'year-not-4-digits': '"{year}" is not a 4-digit year',
    'year-out-of-range': '{year} is outside 2000–{max}',
    'level-missing': 'level is required',
    'level-unknown': 'unknown level "{level}"; use one of {codes} or the Vietnamese words',
    'province-missing': 'province is required',
    'province-unknown': 'unknown province "{province}"; closest: {closest}',
    'group-unknown': 'unknown product group "{group}"; use 1–4 or one of the four group names',
    'score-invalid': 'score "{score}" must be a number from 0 to 100',
    'source-not-web': '"{url}" is not an http(s) address',
    'source-not-https': 'source is not https; it is shown as text, not as a link',
    'english-producer-without-producer': 'an English producer name needs the producer column',
    'producer-missing': 'no producer given; the product is recorded without an establishment',
    'duplicate-row': 'same certification as line {line}; this row is skipped',
    'unsafe-text': '{problem}',
    'english-name-invalid': '{problem}',
    'too-long': '{length} characters; at most {max} are accepted (as in the admin form)',
    'too-short': '{length} characters; at least {min} are needed (as in the admin form)',
    'item-too-long': 'an item is longer than {max} characters',
    'too-many-items': 'more than {max} items in the set',
    'field-refused': '{message}',
    'row-updates': 'updates the decision number, score or source of a registered certification',
    'row-unchanged': 'already registered, nothing changes',
    'row-not-checked': 'not checked: the file has too many errors',
  },
});

export type ImportProblemCode = TableKey<typeof importProblems>;

/** A placeholder's value: the same in both languages, or its own in each (a column's two names). */
export type ProblemValue = string | number | Bilingual;

/** A problem with its words in both languages: what an issue or a preview row carries. */
export interface ProblemWords {
  code: ImportProblemCode;
  /** English, as the command line prints it. */
  reason: string;
  /** Vietnamese, for the admin and the file of rejected rows. */
  vi: string;
}

const valuesIn = (values: Readonly<Record<string, ProblemValue>>, locale: Locale) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'object' ? value[locale] : value]));

/** A problem's words from its code: problemWords('year-out-of-range', { year: 2031, max: 2027 }).reason → "2031 is outside 2000–2027". */
export function problemWords(code: ImportProblemCode, values: Readonly<Record<string, ProblemValue>> = {}): ProblemWords {
  return {
    code,
    reason: fill(importProblems('en')[code], valuesIn(values, 'en')),
    vi: fill(importProblems('vi')[code], valuesIn(values, 'vi')),
  };
}
