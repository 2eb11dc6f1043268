import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvgPath } from '#domain/qr.ts';

/** Redraws the path's rectangles into a matrix, to compare with the encoder's own modules. */
function rasterise(path: string, size: number): boolean[] {
  const cells = new Array<boolean>(size * size).fill(false);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(run); i++) cells[Number(y) * size + Number(x) + i] = true;
  }
  return cells;
}

describe('qrSvgPath', () => {
  const url = 'https://spcnnt.example.vn/verify/T195QP2YDJ/';

  it('draws exactly the dark modules of the QR code', () => {
    const { size, path } = qrSvgPath(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    expect(rasterise(path, size)).toEqual(Array.from(modules.data, (bit) => bit === 1));
  });

  it('uses only path commands and numbers, nothing that could be markup', () => {
    expect(qrSvgPath(url).path).toMatch(/^[Mhvz0-9 -]+$/);
  });

  it('has a valid QR size and gives the same path for the same text', () => {
    const { size } = qrSvgPath(url);
    expect((size - 21) % 4).toBe(0);
    expect(qrSvgPath(url)).toEqual(qrSvgPath(url));
    expect(qrSvgPath(`${url}?${'x'.repeat(200)}`).size).toBeGreaterThan(size);
  });
});
