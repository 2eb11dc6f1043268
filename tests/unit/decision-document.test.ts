import { describe, expect, it } from 'vitest';
import { contentDisposition, documentHeaders, safeDocumentName } from '#domain/decision-document.ts';

describe('safeDocumentName', () => {
  it.each([
    ['QĐ 3116-BCT.pdf', 'QĐ 3116-BCT.pdf'],
    ['C:\\Users\\scan\\Quyết định.PDF', 'Quyết định.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['a"b;c\r\nd.pdf', 'a b c d.pdf'],
    ['Quye\u0301t.pdf', 'Quy\u00e9t.pdf'],
    ['.pdf', 'fallback.pdf'],
    ['', 'fallback.pdf'],
  ])('keeps %j as %j', (uploaded, kept) => {
    expect(safeDocumentName(uploaded, 'fallback')).toBe(kept);
  });
  it('keeps names in NFC', () => {
    expect(safeDocumentName('Quye\u0302\u0301t đi\u0323nh.pdf', 'x')).toBe('Quyết định.pdf');
  });
  it('cuts a long name to 120 characters, ".pdf" included', () => {
    const name = safeDocumentName(`${'Đ'.repeat(300)}.pdf`, 'x');
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII filename and the exact Vietnamese name in filename* (RFC 6266, RFC 5987)', () => {
    expect(contentDisposition('Quyết định 3116.pdf')).toBe(
      `inline; filename="quyet-dinh-3116.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%203116.pdf`,
    );
  });
  it('escapes the characters RFC 5987 does not allow bare', () => {
    expect(contentDisposition("it's (1).pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});

describe('documentHeaders', () => {
  it('serves a PDF inline, sandboxed, without type guessing, revalidated', () => {
    const headers = documentHeaders('a.pdf', 'ab'.repeat(32), 1234);
    expect(headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': '1234',
      ETag: `"${'ab'.repeat(32)}"`,
    });
    expect(headers['Cache-Control']).toMatch(/must-revalidate/);
  });
});
