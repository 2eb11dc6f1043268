import { describe, expect, it } from 'vitest';
import {
  ambiguousPickedMessage,
  isPickerKind,
  PICKER_PAGE_MAX,
  PICKER_PAGE_SIZE,
  PICKER_PAGE_SIZE_MAX,
  PICKER_QUERY_MAX,
  pickerFold,
  pickerHaystack,
  pickerReturnUrl,
  pickerScore,
  pickerTerms,
  readPickerQuery,
  shortForm,
  unknownPickedMessage,
} from '#domain/admin/picker.ts';

const params = (s: string) => new URLSearchParams(s);
const score = (name: string, q: string, extra: string[] = []) => pickerScore(pickerHaystack(name, extra), pickerTerms(q));

describe('pickerFold', () => {
  it.each([
    ['Hợp tác xã Chè Tân Cương', 'hop tac xa che tan cuong'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['Đ đ', 'd d'],
    ['Ư ơ: ướt, ờ, ữ', 'u o uot o u'],
    ['Trà Ô Long', 'tra o long'],
    ['  Mắm  tôm – Hậu Lộc ', 'mam tom hau loc'],
    ['', ''],
  ])('folds %j to %j', (input, folded) => {
    expect(pickerFold(input)).toBe(folded);
  });

  it('folds decomposed input (NFD) like composed input', () => {
    expect(pickerFold('Hợp tác xã'.normalize('NFD'))).toBe('hop tac xa');
  });
});

describe('shortForm', () => {
  it.each([
    ['hop tac xa che', 'htx che'],
    ['cong ty co phan mac ca', 'ctcp mac ca'],
    ['cong ty tnhh mot thanh vien son mai', 'cty tnhh mtv son mai'],
    ['ho kinh doanh gom', 'hkd gom'],
    ['to hop tac xa hoi', 'to htx hoi'],
  ])('writes %j as %j', (folded, short) => {
    expect(shortForm(folded)).toBe(short);
  });
});

describe('pickerTerms', () => {
  it('gives the folded words, and the short form when it differs', () => {
    expect(pickerTerms('Hợp tác xã chè')).toEqual([
      ['hop', 'tac', 'xa', 'che'],
      ['htx', 'che'],
    ]);
  });

  it('gives one form when there are no legal words', () => {
    expect(pickerTerms('chè')).toEqual([['che']]);
  });

  it('gives nothing for an empty or punctuation-only query', () => {
    expect(pickerTerms('')).toEqual([]);
    expect(pickerTerms(' – , ')).toEqual([]);
  });
});

describe('pickerScore', () => {
  it('finds a name written "HTX" by typing "hop tac xa che" without marks', () => {
    expect(score('HTX Chè Tân Cương', 'hop tac xa che')).toBeGreaterThan(0);
  });

  it('finds a name written in full by typing the short form', () => {
    expect(score('Hợp tác xã Chè Tân Cương', 'htx che')).toBeGreaterThan(0);
  });

  it('refuses a record missing one of the words', () => {
    expect(score('Hợp tác xã Chè Tân Cương', 'hop tac xa gom')).toBe(0);
  });

  it('ranks a name starting with the query above one holding it later', () => {
    expect(score('Chè Tân Cương', 'che')).toBeGreaterThan(score('Hợp tác xã Chè', 'che'));
  });

  it('ranks words that start words above letters inside a word', () => {
    expect(score('Gốm Chu Đậu', 'chu')).toBeGreaterThan(score('Bánh Chưng Tranh Khúc', 'hu'));
  });

  it('matches the extra words (province, producer) but below the name', () => {
    expect(score('Trà Ô Long', 'thai nguyen', ['Thái Nguyên'])).toBeGreaterThan(0);
    expect(score('Thái Nguyên Tea', 'thai nguyen')).toBeGreaterThan(score('Trà Ô Long', 'thai nguyen', ['Thái Nguyên']));
  });

  it('lets an empty query match everything', () => {
    expect(score('Gốm Bát Tràng', '')).toBeGreaterThan(0);
  });
});

describe('readPickerQuery', () => {
  it('reads the query, page and size with their defaults', () => {
    expect(readPickerQuery(params('q=chè'))).toEqual({ ok: true, query: { q: 'chè', page: 1, size: PICKER_PAGE_SIZE } });
    expect(readPickerQuery(params('q=che&page=3&size=20'))).toEqual({ ok: true, query: { q: 'che', page: 3, size: 20 } });
  });

  it('counts the length in characters as typed, marks included', () => {
    const long = 'ệ'.repeat(PICKER_QUERY_MAX);
    expect(readPickerQuery(params(`q=${encodeURIComponent(long.normalize('NFD'))}`)).ok).toBe(true);
    expect(readPickerQuery(params(`q=${encodeURIComponent(`${long}a`)}`))).toEqual({ ok: false, problem: 'query-too-long' });
  });

  it.each(['0', '-1', '1.5', 'abc', String(PICKER_PAGE_MAX + 1)])('refuses page %j', (page) => {
    expect(readPickerQuery(params(`page=${page}`))).toEqual({ ok: false, problem: 'bad-page' });
  });

  it.each(['0', String(PICKER_PAGE_SIZE_MAX + 1), '1e3'])('refuses size %j', (size) => {
    expect(readPickerQuery(params(`size=${size}`))).toEqual({ ok: false, problem: 'bad-size' });
  });
});

describe('isPickerKind', () => {
  it('knows the five kinds and nothing else', () => {
    expect(['establishments', 'products', 'organisations', 'fairs', 'provinces'].every(isPickerKind)).toBe(true);
    expect(isPickerKind('users')).toBe(false);
    expect(isPickerKind('__proto__')).toBe(false);
    expect(isPickerKind(undefined)).toBe(false);
  });
});

describe('pickerReturnUrl', () => {
  it('returns to a new-record form with the new id in its field', () => {
    expect(pickerReturnUrl('/admin/products/new/', 'establishmentId', 7)).toBe('/admin/products/new/?establishmentId=7');
    expect(pickerReturnUrl('/admin/exhibitors/new/?fairId=3', 'establishmentId', 9)).toBe(
      '/admin/exhibitors/new/?fairId=3&establishmentId=9',
    );
  });

  it.each([
    'https://evil.example/admin/products/new/',
    '//evil.example/admin/products/new/',
    '/admin/users/new/',
    '/admin/products/4/',
    '/products/',
  ])('never returns to %j', (to) => {
    expect(pickerReturnUrl(to, 'establishmentId', 7)).toBeNull();
  });

  it('refuses a field that is not a plain name', () => {
    expect(pickerReturnUrl('/admin/products/new/', 'a&b=c', 7)).toBeNull();
  });
});

describe('picked messages', () => {
  it('says what was not found, in Vietnamese', () => {
    expect(unknownPickedMessage('establishments', 'HTX Mây')).toBe(
      'Không tìm thấy “HTX Mây” trong danh mục cơ sở; hãy gõ đúng tên đầy đủ hoặc mã của bản ghi.',
    );
  });

  it('lists the records of the same name with their keys', () => {
    const message = ambiguousPickedMessage('provinces', 'Hà Nội', [
      { id: 1, label: 'Hà Nội', detail: 'Tỉnh/thành hiện nay', key: 'ha-noi' },
      { id: 40, label: 'Hà Nội', detail: 'Tỉnh/thành trước 1/7/2025', key: 'ha-noi-truoc-2025' },
    ]);
    expect(message).toContain('mã ha-noi;');
    expect(message).toContain('mã ha-noi-truoc-2025');
    expect(message).toMatch(/^Có nhiều tỉnh\/thành tên “Hà Nội”/);
  });
});

describe('pickerHaystack', () => {
  it('holds the folded name, its short form and the extra words, apart', () => {
    expect(pickerHaystack('Hợp tác xã Chè', ['Thái Nguyên', null])).toBe('hop tac xa che|htx che|thai nguyen');
  });

  it('ranks a name written short as high as one written in full for the same words', () => {
    expect(score('HTX chè Hảo Đạt', 'hop tac xa che')).toBe(score('Hợp tác xã chè Hảo Đạt', 'hop tac xa che'));
  });
});
