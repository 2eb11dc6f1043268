import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPdf, MAX_DOCUMENT_BYTES, MAX_INFLATED_BYTES } from '#domain/pdf-check.ts';
import { buildPdf, cleanPdf, hiddenJsPdf, objectStream, onePage, openActionPdf, streamObject } from '../support/pdf-factory.ts';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('checkPdf: what is a PDF', () => {
  it('accepts a clean one-page PDF and reports its version', () => {
    expect(checkPdf(cleanPdf())).toEqual({ ok: true, version: '1.7' });
  });
  it('refuses an empty file', () => {
    expect(checkPdf(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('refuses an HTML page named .pdf as not a PDF', () => {
    expect(checkPdf(text('<!doctype html><script>alert(1)</script>'))).toMatchObject({ ok: false, reason: 'not-pdf' });
  });
  it('refuses a PDF header that is not at the start of the file', () => {
    const pdf = cleanPdf();
    expect(checkPdf(new Uint8Array([...text('GIF89a\n'), ...pdf]))).toMatchObject({ ok: false, reason: 'not-pdf' });
  });
  it('refuses a PDF cut in half as truncated', () => {
    const pdf = cleanPdf();
    expect(checkPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).toMatchObject({ ok: false, reason: 'truncated' });
  });
  it('refuses a startxref that points nowhere as malformed', () => {
    const pdf = Buffer.from(cleanPdf()).toString('latin1');
    const broken = pdf.replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) - 7}`);
    expect(checkPdf(text(broken))).toMatchObject({ ok: false, reason: 'malformed' });
  });
  it('refuses a header and an end marker with no objects between them', () => {
    expect(checkPdf(text('%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< >>\nstartxref\n9\n%%EOF\n'))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
  it('refuses a file over the size limit before looking inside', () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(cleanPdf());
    expect(checkPdf(big)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

describe('checkPdf: active content is refused, not stripped', () => {
  it('refuses /OpenAction with a JavaScript action in plain objects', () => {
    expect(checkPdf(openActionPdf())).toMatchObject({ ok: false, reason: 'active-content', detail: 'OpenAction' });
  });
  it('refuses /JS hidden in a Flate-compressed object stream', () => {
    expect(checkPdf(hiddenJsPdf())).toMatchObject({ ok: false, reason: 'active-content', detail: 'JavaScript' });
  });
  it('finds an object stream by its /N and /First even when its /Type is missing', () => {
    const stream = Buffer.from(objectStream(['<< /AA << /O 9 0 R >> >>'], 6))
      .toString('latin1')
      .replace('/Type /ObjStm ', '');
    expect(checkPdf(buildPdf(onePage('', [Buffer.from(stream, 'latin1')])))).toMatchObject({
      ok: false,
      reason: 'active-content',
      detail: 'AA',
    });
  });
  it.each([
    ['/Launch', '<< /S /Launch /F (cmd.exe) >>', 'Launch'],
    ['/EmbeddedFile', '<< /Type /EmbeddedFile >>', 'EmbeddedFile'],
    ['/RichMedia', '<< /Subtype /RichMedia >>', 'RichMedia'],
    ['/XFA', '<< /Fields [] /XFA 9 0 R >>', 'XFA'],
    ['/AA on a page', '<< /AA << /O 9 0 R >> >>', 'AA'],
    ['a name written with #xx escapes (/J#53)', '<< /S /Java#53cript /J#53 (x) >>', 'JavaScript'],
  ])('refuses %s', (_label, object, name) => {
    expect(checkPdf(buildPdf(onePage('', [object])))).toMatchObject({ ok: false, reason: 'active-content', detail: name });
  });
  it('refuses an object stream compressed with a filter it cannot undo (LZW)', () => {
    expect(checkPdf(buildPdf(onePage('', [objectStream(['<< /Type /Font >>'], 6, 'LZWDecode')])))).toMatchObject({
      ok: false,
      reason: 'unchecked-stream',
    });
  });
  it('refuses an object stream that inflates past the cap (a zip bomb)', () => {
    const bomb = streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync(Buffer.alloc(MAX_INFLATED_BYTES + 1, 32)));
    expect(checkPdf(buildPdf(onePage('', [bomb])))).toMatchObject({ ok: false, reason: 'unchecked-stream' });
  });
  it('refuses an object stream whose compressed data is damaged', () => {
    const damaged = streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', new Uint8Array([0x78, 0x9c, 1, 2, 3, 4]));
    expect(checkPdf(buildPdf(onePage('', [damaged])))).toMatchObject({ ok: false, reason: 'unchecked-stream' });
  });
  it('refuses an encrypted PDF, whose object streams it cannot read', () => {
    expect(checkPdf(buildPdf(onePage('', ['<< /Filter /Standard /V 2 >>']), '/Encrypt 5 0 R '))).toMatchObject({
      ok: false,
      reason: 'encrypted',
    });
  });
});

describe('checkPdf: no false alarms', () => {
  it('accepts a clean object stream', () => {
    expect(checkPdf(buildPdf(onePage('', [objectStream(['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'], 6)])))).toMatchObject({
      ok: true,
    });
  });
  it('ignores "/JS" inside a string literal and a comment', () => {
    expect(
      checkPdf(buildPdf(onePage('/Lang (vi) ', ['<< /Title (Ghi chu: /JS \\(khong phai ma\\)) >>\n% /OpenAction in a comment']))),
    ).toMatchObject({
      ok: true,
    });
  });
  it('ignores bytes of an image stream, however they look', () => {
    const noise = Buffer.concat([randomBytes(2000), Buffer.from(' /JS /OpenAction '), randomBytes(2000)]);
    const image = streamObject('/Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 8 /Filter /DCTDecode', noise);
    expect(checkPdf(buildPdf(onePage('', [image])))).toMatchObject({ ok: true });
  });
});
