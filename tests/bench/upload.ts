/**
 * One large upload through the real pipeline: a 24-megapixel camera JPEG (6000 × 4000, smooth colour with
 * sensor-like noise) decoded, oriented, fitted and re-encoded into every variant, then stored with its row.
 * Prints the input size, the time to all variants (median of 3, each into an empty folder and database),
 * the variants' total bytes and the peak resident memory above the starting point. Never fails on speed.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ingestImage } from '#server/images.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { TMP } from '../support/paths.ts';

const RUNS = 3;
const WIDTH = 6000;
const HEIGHT = 4000;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A photo-like 6000 × 4000 JPEG: gradients and soft shapes, plus per-pixel noise like a phone sensor's. */
async function cameraJpeg(): Promise<Buffer> {
  const data = Buffer.alloc(WIDTH * HEIGHT * 3);
  let s = 2_463_534_242;
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const noise = ((s >>> 0) % 25) - 12;
      const i = (y * WIDTH + x) * 3;
      const shade = 60 * Math.sin(x / 400) * Math.cos(y / 300);
      data[i] = Math.max(0, Math.min(255, 140 + shade + 50 * Math.sin((x + y) / 900) + noise));
      data[i + 1] = Math.max(0, Math.min(255, 120 + shade * 0.8 + 40 * Math.cos(y / 500) + noise));
      data[i + 2] = Math.max(0, Math.min(255, 90 + (x / WIDTH) * 80 - shade * 0.5 + noise));
    }
  return sharp(data, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function benchUpload(): Promise<void> {
  const input = await cameraJpeg();
  const dir = join(TMP, 'bench-uploads');
  const previous = process.env['UPLOADS_DIR'];
  process.env['UPLOADS_DIR'] = dir;
  const times: number[] = [];
  let stored = 0;
  let files = 0;
  let peakDelta = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const database = await createTestDatabase();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const started = performance.now();
      const result = await ingestImage(database, input);
      times.push(performance.now() - started);
      clearInterval(sampler);
      peakDelta = Math.max(peakDelta, Math.max(peak, process.memoryUsage().rss) - baseline);
      await database.dispose();
      if (!result.ok) throw new Error(`the benchmark photo was refused: ${result.message}`);
      const names = readdirSync(dir);
      files = names.length;
      stored = names.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env['UPLOADS_DIR'];
    else process.env['UPLOADS_DIR'] = previous;
  }
  console.log(
    `upload of a ${WIDTH}×${HEIGHT} JPEG (${mb(input.length)}): all ${files} variants in ${(median(times) / 1000).toFixed(2)} s (median of ${RUNS}; ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s), ` +
      `variants ${kb(stored)} in total, peak RSS +${mb(peakDelta)}`,
  );
}
