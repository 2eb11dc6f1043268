import QRCode from 'qrcode';

export interface QrSvg {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One SVG path drawing every dark module, runs of a row merged. */
  path: string;
}

/**
 * A QR code (error correction M) as one compact SVG path, so pages draw it with plain markup:
 * `<svg viewBox="-4 -4 {size+8} {size+8}"><path d={path}/></svg>`. qrSvgPath('https://…').size → 25
 */
export function qrSvgPath(text: string): QrSvg {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size, path };
}
