/**
 * Small PDFs built in the tests (no binary fixtures): objects laid out with a correct cross-reference
 * table, optionally a Flate-compressed object stream, so each test shows exactly what it puts in a file.
 */
import { deflateSync } from 'node:zlib';

const bytes = (s: string) => Buffer.from(s, 'latin1');

/** A stream object's body: its dictionary (Length added) and data. */
export function streamObject(dict: string, data: Uint8Array): Buffer {
  return Buffer.concat([bytes(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, bytes('\nendstream')]);
}

/** An object stream holding `objects` (numbered from `firstNumber`), Flate-compressed unless `filter` says otherwise. */
export function objectStream(objects: string[], firstNumber: number, filter: 'FlateDecode' | 'none' | 'LZWDecode' = 'FlateDecode'): Buffer {
  let offset = 0;
  const pairs: string[] = [];
  for (const [i, o] of objects.entries()) {
    pairs.push(`${firstNumber + i} ${offset}`);
    offset += o.length + 1;
  }
  const head = `${pairs.join(' ')}\n`;
  const content = bytes(head + objects.join('\n'));
  const data = filter === 'FlateDecode' ? deflateSync(content) : content;
  const filterEntry = filter === 'none' ? '' : ` /Filter /${filter}`;
  return streamObject(`/Type /ObjStm /N ${objects.length} /First ${head.length}${filterEntry}`, data);
}

/** A page's content stream, compressed. */
export const pageContent = (text = 'BT /F1 12 Tf 20 100 Td (Quyet dinh 3116/QD-BCT) Tj ET') =>
  streamObject('/Filter /FlateDecode', deflateSync(bytes(text)));

/**
 * A PDF of the given object bodies (object 1 is the catalog), with an xref table and trailer.
 * `catalog` replaces the default catalog's extra entries (e.g. '/OpenAction 5 0 R').
 */
export function buildPdf(objects: (string | Buffer)[], trailerExtra = ''): Uint8Array {
  const parts: Buffer[] = [bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(length);
    const part = Buffer.concat([bytes(`${i + 1} 0 obj\n`), typeof body === 'string' ? bytes(body) : body, bytes('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  }
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ];
  parts.push(bytes(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** The pages of a one-page document: catalog (with `catalogExtra`), pages, page, content. */
export function onePage(catalogExtra = '', more: (string | Buffer)[] = []): (string | Buffer)[] {
  return [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    pageContent(),
    ...more,
  ];
}

/** A clean one-page PDF. */
export const cleanPdf = () => buildPdf(onePage());
/** A PDF that runs JavaScript on opening, in plain sight. */
export const openActionPdf = () => buildPdf(onePage('/OpenAction 5 0 R ', ['<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>']));
/** A PDF whose JavaScript action hides in a Flate-compressed object stream. */
export const hiddenJsPdf = () => buildPdf(onePage('', [objectStream(['<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>'], 6)]));
