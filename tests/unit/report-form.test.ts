import { describe, expect, it } from 'vitest';
import { MAX_CONTACT, MAX_MESSAGE, MAX_STAFF_NOTE, parseCloseForm, parseReport, type ReportFields } from '#domain/report/form.ts';
import { isSitePath, reportPath } from '#domain/report/paths.ts';
import { problemText } from '#domain/report/strings.ts';

const fields = (over: Partial<ReportFields> = {}): ReportFields => ({
  page: '/products/tra-o-long/',
  message: 'Tên cơ sở sai',
  contact: null,
  website: null,
  ...over,
});

describe('parseReport', () => {
  it('accepts a message about a page, with no contact', () => {
    expect(parseReport(fields())).toEqual({
      ok: true,
      report: { pagePath: '/products/tra-o-long/', message: 'Tên cơ sở sai', contact: null },
    });
  });

  it('stores text as NFC, so a decomposed message reads the same', () => {
    const result = parseReport(fields({ message: 'Đồng Tháp'.normalize('NFD') }));
    expect(result.ok && result.report.message).toBe('Đồng Tháp');
  });

  it('counts characters as people see them: 2,000 decomposed Vietnamese letters pass', () => {
    expect(parseReport(fields({ message: 'ễ'.normalize('NFD').repeat(MAX_MESSAGE) })).ok).toBe(true);
    expect(parseReport(fields({ message: 'ễ'.repeat(MAX_MESSAGE + 1) }))).toMatchObject({ ok: false, problems: ['message-too-long'] });
  });

  it.each([
    [{ message: '' }, ['message-missing']],
    [{ message: '  \n\t ' }, ['message-missing']],
    [{ contact: 'x'.repeat(MAX_CONTACT + 1) }, ['contact-too-long']],
    [{ page: 'https://evil.example/' }, ['page-invalid']],
    [{ page: '//evil.example/' }, ['page-invalid']],
    [{ page: '/admin/reports/', message: '' }, ['page-invalid', 'message-missing']],
  ] as const)('refuses %o with %o', (over, problems) => {
    expect(parseReport(fields(over))).toMatchObject({ ok: false, spam: false, problems });
  });

  it('treats a filled honeypot as spam', () => {
    expect(parseReport(fields({ website: 'http://spam.example' }))).toEqual({ ok: false, spam: true });
  });

  it('takes a report with no page as a general one about the site', () => {
    const result = parseReport(fields({ page: '' }));
    expect(result.ok && result.report.pagePath).toBe('/');
  });

  it('drops control characters but keeps line breaks', () => {
    const result = parseReport(fields({ message: 'a\u0000b\r\nc' }));
    expect(result.ok && result.report.message).toBe('ab\nc');
  });
});

describe('isSitePath', () => {
  it.each(['/', '/products/tra-o-long/', '/en/fairs/hoi-cho-2024/', '/verify/T21-4K7M-9XQ/', '/products/b%C3%A1nh/'])(
    'accepts %s',
    (path) => {
      expect(isSitePath(path)).toBe(true);
    },
  );
  it.each([
    '',
    'products/',
    '//evil.example/',
    'https://x.vn/',
    '/a/../admin/',
    '/a b/',
    '/x?y=1',
    '/x#y',
    '/admin/',
    '/en/report/',
    '/x\\y',
    '/' + 'a'.repeat(400),
  ])('refuses %s', (path) => {
    expect(isSitePath(path)).toBe(false);
  });
});

describe('reportPath', () => {
  it('names the page in the form’s address, in the page’s language', () => {
    expect(reportPath('vi', '/products/tra-o-long/')).toBe('/report/?page=%2Fproducts%2Ftra-o-long%2F');
    expect(reportPath('en', '/en/products/x/')).toBe('/en/report/?page=%2Fen%2Fproducts%2Fx%2F');
  });
});

describe('problemText', () => {
  it('says each problem in the visitor’s language with its figures', () => {
    expect(problemText('message-too-long', 'vi', { max: 2000 })).toBe('Nội dung dài quá 2000 ký tự.');
    expect(problemText('rate-limited-source', 'en', { minutes: 12 })).toContain('about 12 minutes');
  });
});

describe('parseCloseForm', () => {
  it('reads the report id and the note', () => {
    expect(parseCloseForm({ id: '12', note: ' Đã sửa tên cơ sở ' })).toEqual({ id: 12, note: 'Đã sửa tên cơ sở' });
    expect(parseCloseForm({ id: '3', note: null })).toEqual({ id: 3, note: '' });
  });
  it.each([['0'], ['-1'], ['1.5'], ['abc'], [''], [null]])('refuses the id %s', (id) => {
    expect(parseCloseForm({ id, note: '' })).toBeNull();
  });
  it('refuses a note longer than the limit', () => {
    expect(parseCloseForm({ id: '1', note: 'x'.repeat(MAX_STAFF_NOTE + 1) })).toBeNull();
  });
});
