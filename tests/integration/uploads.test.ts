/**
 * The upload pipeline against hostile and broken files (R13–R17), all generated here (no binary fixtures):
 * every one is refused with a 4xx, nothing escapes as an exception, no temporary file and no orphan row is
 * left; a real photo is stored once, rotated upright and without EXIF/GPS; at most four jobs run at once;
 * the sweep removes what a crash leaves and keeps what rows name. Then the route handler itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import type { APIContext } from 'astro';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, writeTransaction } from '#db/client.ts';
import { addProductImage, listProductImages, publishedProductImages } from '#db/queries/product-images.ts';
import { auditLog, images, products, users } from '#db/schema/index.ts';
import { MAX_UPLOAD_BYTES, parseVariantFileName, variantsOf } from '#domain/images.ts';
import {
  imageJobs,
  ingestImage,
  JobGate,
  publishedVariant,
  publishedVariantParams,
  readLimited,
  sweepOrphans,
  uploadsDir,
} from '#server/images.ts';
import { POST } from '#pages/admin/products/[id]/images.ts';
import { GET as getAdminWebp } from '#pages/admin/media/[file].webp.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { TMP } from '../support/paths.ts';

let database: TestDatabase;
let dir: string;
let userId: number;
let productId: number;
let draftId: number;

beforeAll(async () => {
  dir = join(TMP, `uploads-${randomBytes(4).toString('hex')}`);
  process.env['UPLOADS_DIR'] = dir;
  mkdirSync(dir, { recursive: true });
  database = await createTestDatabase();
  // The route handler opens the process-wide database from the environment: point it at this one.
  process.env['DATABASE_URL'] = database.url;
  const [user] = await database.db
    .insert(users)
    .values({ email: 'editor@example.vn', passwordHash: 'x', role: 'editor' })
    .returning({ id: users.id });
  userId = user!.id;
  const [p, d] = await database.db
    .insert(products)
    .values([
      { slug: 'che-tan-cuong', name: 'Chè Tân Cương', nameKey: 'chetancuong' },
      { slug: 'nuoc-mam-nhap', name: 'Nước mắm nháp', nameKey: 'nuocmamnhap', status: 'draft' },
    ])
    .returning({ id: products.id });
  productId = p!.id;
  draftId = d!.id;
});
afterAll(async () => {
  if (process.env['DATABASE_URL'] === database.url) (await getDatabase()).close();
  await database.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// ---------- generated files ----------

/** A photo-like picture: smooth colour fields, a few edges and noise (compresses like a photo). */
function pixels(width: number, height: number, seed = 1): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      s = (s * 1_103_515_245 + 12_345) >>> 0;
      const noise = ((s >>> 16) & 31) - 16;
      const i = (y * width + x) * 3;
      data[i] = Math.max(0, Math.min(255, 120 + 90 * Math.sin(x / 23 + seed) + noise));
      data[i + 1] = Math.max(0, Math.min(255, 110 + 70 * Math.cos(y / 17) + noise));
      data[i + 2] = Math.max(0, Math.min(255, ((x + y) * 255) / (width + height) + noise));
    }
  return data;
}
const raw = (width: number, height: number, seed = 1) => sharp(pixels(width, height, seed), { raw: { width, height, channels: 3 } });
const jpeg = (w: number, h: number, seed = 1) => raw(w, h, seed).jpeg({ quality: 85 }).toBuffer();
const png = (w: number, h: number, seed = 1) => raw(w, h, seed).png().toBuffer();

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose IHDR (with a correct CRC) claims 30,000 × 30,000 pixels over a tiny IDAT. */
function claimedHugePng(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A ZIP holding 20 MB of zeros deflated to a few KB: the local header is built by hand. */
function zipBomb(): Buffer {
  const content = Buffer.alloc(20 * 1024 * 1024);
  const packed = deflateRawSync(content, { level: 9 });
  const name = Buffer.from('zeros.bin');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(packed.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, packed]);
}

/** A 600×400 JPEG with GPS and camera EXIF, stored sideways: orientation 6 (display turned 90° clockwise). */
async function gpsJpeg(): Promise<Buffer> {
  const width = 600;
  const height = 400;
  const data = Buffer.alloc(width * height * 3);
  // Left half red, right half blue, as stored: upright, red is on top.
  for (let i = 0; i < width * height; i++) data.set(i % width < width / 2 ? [220, 20, 20] : [20, 20, 220], i * 3);
  return sharp(data, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** The tags of IFD0 in an EXIF block (`Exif\0\0` + TIFF), to prove the test photo really carries GPS. */
function ifd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(6);
  const le = tiff[0] === 0x49;
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const at = u32(4);
  return Array.from({ length: u16(at) }, (_, i) => u16(at + 2 + i * 12));
}
const GPS_IFD_POINTER = 0x8825;

// ---------- checks ----------

const tempFiles = () => readdirSync(uploadsDir()).filter((n) => n.startsWith('.tmp-'));
const imageRows = async () => (await database.db.select({ n: count() }).from(images))[0]!.n;

/** Every row has all its files and every variant file has its row. */
async function expectStoreConsistent() {
  const rows = await database.db.select().from(images);
  const files = new Set(readdirSync(uploadsDir()));
  for (const row of rows) for (const v of variantsOf(row.contentHash, row.width)) expect(files.has(v.fileName), v.fileName).toBe(true);
  const hashes = new Set(rows.map((r) => r.contentHash));
  for (const name of files) {
    const parsed = parseVariantFileName(name);
    if (parsed) expect(hashes.has(parsed.hash), name).toBe(true);
  }
  expect(tempFiles()).toEqual([]);
}

describe('ingestImage: the hostile corpus (R13–R15)', () => {
  const corpus: [string, () => Promise<Uint8Array> | Uint8Array, number][] = [
    ['0 bytes', () => new Uint8Array(0), 422],
    ['random bytes', () => randomBytes(50_000), 415],
    ['a truncated JPEG', async () => (await jpeg(600, 400)).subarray(0, 9_000), 422],
    ['a JPEG cut inside its header', async () => (await jpeg(600, 400)).subarray(0, 200), 422],
    ['a PNG whose IHDR claims 30,000 × 30,000', () => claimedHugePng(), 422],
    ['an SVG with a script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415],
    ['an HTML page named photo.jpg', () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 415],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF'), 415],
    ['a polyglot: a valid JPEG with a ZIP appended', async () => Buffer.concat([await jpeg(200, 150), zipBomb().subarray(0, 4000)]), 415],
    ['a zip bomb named bomb.png', () => zipBomb(), 415],
    [
      'a PNG carrying <script> in a text chunk',
      async () => {
        const image = await png(64, 64);
        return Buffer.concat([
          image.subarray(0, 33),
          pngChunk('tEXt', Buffer.from('Comment\0<script>alert(1)</script>')),
          image.subarray(33),
        ]);
      },
      415,
    ],
    ['11 MB', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * 1024 * 1024)]), 413],
    [
      'a GIF',
      () =>
        Buffer.from(
          'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
          'latin1',
        ),
      415,
    ],
    ['a 20 × 800 strip', () => png(20, 800), 422],
    [
      'a JPEG whose start says PNG',
      async () => {
        const image = await jpeg(200, 150);
        return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), image.subarray(3)]);
      },
      422,
    ],
  ];

  it.each(corpus)('refuses %s with a 4xx and leaves nothing behind', async (_name, make, status) => {
    const before = await imageRows();
    const result = await ingestImage(database, await make());
    expect(result).toMatchObject({ ok: false, status });
    if (!result.ok) expect(result.message).toMatch(/[ảạăâđêôơư]/);
    expect(await imageRows()).toBe(before);
    await expectStoreConsistent();
  });
});

describe('ingestImage: a real photo (R14, R16, R17)', () => {
  it('accepts a JPEG with GPS EXIF, stores it upright, and no variant keeps EXIF or GPS', async () => {
    const input = await gpsJpeg();
    const meta = await sharp(input).metadata();
    expect(meta.orientation).toBe(6);
    expect(ifd0Tags(meta.exif!)).toContain(GPS_IFD_POINTER);

    const result = await ingestImage(database, input);
    if (!result.ok) throw new Error(result.message);
    // Orientation 6 turns the 600 × 400 stored picture into a 400 × 600 one.
    expect(result.image).toMatchObject({ width: 400, height: 600, mime: 'image/jpeg' });
    const variants = variantsOf(result.image.contentHash, 400);
    expect(variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.avif', '320.webp', '400.avif', '400.webp', '400.jpg']);
    for (const v of variants) {
      const file = join(uploadsDir(), v.fileName);
      const out = await sharp(file).metadata();
      expect(out.exif, v.fileName).toBeUndefined();
      expect(out.orientation, v.fileName).toBeUndefined();
      expect(out.xmp, v.fileName).toBeUndefined();
      expect(out.height / out.width, v.fileName).toBeCloseTo(1.5, 1);
      // Upright: the red half is on top, the blue half below.
      const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      const [top, bottom] = [at(info.width >> 1, info.height >> 3), at(info.width >> 1, info.height - (info.height >> 3))];
      expect(top[0]! > 150 && top[2]! < 100, `${v.fileName} top ${top.join()}`).toBe(true);
      expect(bottom[2]! > 150 && bottom[0]! < 100, `${v.fileName} bottom ${bottom.join()}`).toBe(true);
    }
    await expectStoreConsistent();
  });

  it('stores the same photo uploaded twice once', async () => {
    const photo = await jpeg(800, 600, 42);
    const rowsBefore = await imageRows();
    const first = await ingestImage(database, photo);
    const second = await ingestImage(database, photo);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.image.id).toBe(first.image.id);
    expect(await imageRows()).toBe(rowsBefore + 1);
    await expectStoreConsistent();
  });

  it('names an image by its pixels: the same picture with other metadata is the same image', async () => {
    const plain = await raw(800, 600, 43).png().toBuffer();
    const tagged = await raw(800, 600, 43)
      .withExif({ IFD0: { Make: 'OtherCam', Software: 'Edited' } })
      .png()
      .toBuffer();
    expect(Buffer.compare(plain, tagged)).not.toBe(0);
    const a = await ingestImage(database, plain);
    const b = await ingestImage(database, tagged);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(b.image.id).toBe(a.image.id);
  });

  it('stores PNG with transparency, WebP and AVIF uploads too, never upscaled', async () => {
    const rgba = Buffer.alloc(120 * 90 * 4, 0);
    for (let i = 0; i < 120 * 90; i++) rgba.set([30, 160, 90, i % 120 < 60 ? 255 : 0], i * 4);
    const inputs = [
      await sharp(rgba, { raw: { width: 120, height: 90, channels: 4 } })
        .png()
        .toBuffer(),
      await raw(300, 200, 5).webp().toBuffer(),
      await raw(2000, 1000, 6).avif({ effort: 0 }).toBuffer(),
    ];
    const results = await Promise.all(inputs.map((b) => ingestImage(database, b)));
    expect(results.map((r) => r.ok && [r.image.mime, r.image.width, r.image.height])).toEqual([
      ['image/png', 120, 90],
      ['image/webp', 300, 200],
      ['image/avif', 1600, 800],
    ]);
    await expectStoreConsistent();
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('ingestImage: 1,000 malformed uploads', () => {
  it('answers each with success or a 4xx: no crash, no 5xx, no temporary file, no row without files', { timeout: 600_000 }, async () => {
    const seeds = [
      await jpeg(96, 64, 3),
      await png(64, 48, 4),
      await raw(80, 60, 5).webp().toBuffer(),
      await raw(72, 48, 6).avif({ effort: 0 }).toBuffer(),
    ];
    const magics = [seeds[0]!.subarray(0, 4), seeds[1]!.subarray(0, 16), seeds[2]!.subarray(0, 16), seeds[3]!.subarray(0, 32)];
    const random = prng(20_250_601);
    const int = (n: number) => Math.floor(random() * n);
    const mutate = (source: Buffer): Buffer => {
      const b = Buffer.from(source);
      switch (int(7)) {
        case 0: // truncation
          return b.subarray(0, int(b.length));
        case 1: // byte flips
          for (let k = 1 + int(20); k > 0; k--) b[int(b.length)] = int(256);
          return b;
        case 2: // header swap: another format's magic over this one's
          return Buffer.concat([magics[int(magics.length)]!, b.subarray(int(32))]);
        case 3: {
          // a slice cut out
          const from = int(b.length);
          return Buffer.concat([b.subarray(0, from), b.subarray(from + 1 + int(200))]);
        }
        case 4: {
          // random bytes inserted
          const at = int(b.length);
          return Buffer.concat([b.subarray(0, at), randomBytes(1 + int(64)), b.subarray(at)]);
        }
        case 5: // a slice duplicated
          return Buffer.concat([b, b.subarray(int(b.length))]);
        default: {
          // dimensions rewritten: PNG IHDR (CRC kept valid) or the JPEG frame header
          if (b[0] === 0x89) {
            b.writeUInt32BE(int(70_000), 16);
            b.writeUInt32BE(int(70_000), 20);
            b.writeUInt32BE(crc32(b.subarray(12, 29)), 29);
          } else {
            const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
            if (sof > 0) {
              b.writeUInt16BE(int(65_536), sof + 5);
              b.writeUInt16BE(int(65_536), sof + 7);
            }
          }
          return b;
        }
      }
    };
    const outcomes = new Map<string, number>();
    const cases = Array.from({ length: 1000 }, () => mutate(seeds[int(seeds.length)]!));
    // Eight at a time: the gate runs four and queues the rest.
    for (let i = 0; i < cases.length; i += 8) {
      const batch = await Promise.all(
        cases.slice(i, i + 8).map(async (bytes) => {
          try {
            const r = await ingestImage(database, bytes);
            return r.ok ? 'stored' : String(r.status);
          } catch (error) {
            return `threw: ${String(error)}`;
          }
        }),
      );
      for (const o of batch) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    }
    const statuses = [...outcomes.keys()];
    expect(
      statuses.filter((s) => s !== 'stored' && !['413', '415', '422'].includes(s)),
      JSON.stringify([...outcomes]),
    ).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    // The mutations reach every kind of refusal and some still decode.
    expect(outcomes.get('415')).toBeGreaterThan(0);
    expect(outcomes.get('422')).toBeGreaterThan(0);
    expect(outcomes.get('stored')).toBeGreaterThan(0);
    await expectStoreConsistent();
  });
});

describe('the image job gate (R13)', () => {
  it('runs at most 4 ingests at once however many arrive', { timeout: 120_000 }, async () => {
    imageJobs.peak = 0;
    const inputs = await Promise.all(Array.from({ length: 12 }, (_, i) => jpeg(400, 300, 100 + i)));
    const results = await Promise.all(inputs.map((b) => ingestImage(database, b)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(imageJobs.peak).toBe(4);
    expect(imageJobs.running).toBe(0);
  });

  it('queues up to its limit, refuses beyond it, and never runs more than its width', async () => {
    const gate = new JobGate(4, 16);
    let running = 0;
    let most = 0;
    const job = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => gate.run(job)));
    expect(most).toBe(4);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(20);
    expect(gate.running + gate.waiting).toBe(0);
  });
});

describe('readLimited (R13)', () => {
  /** An 11 MB body in 64 KB chunks that counts what was pulled from it. */
  function countingBody(total = 11 * 1024 * 1024) {
    const state = { pulled: 0, cancelled: false };
    const chunk = new Uint8Array(64 * 1024);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (state.pulled >= total) return controller.close();
          state.pulled += chunk.length;
          controller.enqueue(chunk.slice());
        },
        cancel() {
          state.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, state };
  }

  it('stops reading and cancels the stream as soon as the limit is passed', async () => {
    const { stream, state } = countingBody();
    const result = await readLimited(stream, MAX_UPLOAD_BYTES);
    expect(result.ok).toBe(false);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * 64 * 1024);
    expect(state.pulled).toBeLessThan(11 * 1024 * 1024);
  });

  it('returns the whole body under the limit', async () => {
    const { stream } = countingBody(1024 * 1024);
    const result = await readLimited(stream, MAX_UPLOAD_BYTES);
    expect(result.ok && result.bytes.length).toBe(1024 * 1024);
  });
});

describe('sweepOrphans (R17)', () => {
  it('removes an orphan variant and a stale temporary file, keeps referenced files and what is too young', async () => {
    const kept = await ingestImage(database, await jpeg(500, 400, 77), (tx, image) =>
      addProductImage(tx, { userId }, productId, image.id, { altVi: 'Ảnh giữ lại', altEn: null }),
    );
    if (!kept.ok) throw new Error('refused');
    const unused = await ingestImage(database, await jpeg(500, 400, 78));
    if (!unused.ok) throw new Error('refused');
    const hour = Date.now() / 1000 - 3600;
    const orphan = `${'e'.repeat(64)}-320.webp`;
    const youngOrphan = `${'f'.repeat(64)}-320.webp`;
    const staleTemp = `.tmp-deadbeef-${'e'.repeat(64)}-640.avif`;
    const youngTemp = `.tmp-cafebabe-${'f'.repeat(64)}-640.avif`;
    for (const name of [orphan, youngOrphan, staleTemp, youngTemp, 'LISEZ-MOI.txt']) writeFileSync(join(uploadsDir(), name), 'x');
    utimesSync(join(uploadsDir(), orphan), hour, hour);
    utimesSync(join(uploadsDir(), staleTemp), hour, hour);

    const now = await sweepOrphans(database);
    expect(now.removedFiles.sort()).toEqual([orphan, staleTemp].sort());
    expect(now.removedRows).toBe(0);
    const left = new Set(readdirSync(uploadsDir()));
    for (const name of [youngOrphan, youngTemp, 'LISEZ-MOI.txt']) expect(left.has(name), name).toBe(true);
    for (const v of variantsOf(kept.image.contentHash, kept.image.width)) expect(left.has(v.fileName)).toBe(true);

    // Two days on: images no product shows lose row and files; the attached one stays.
    const later = await sweepOrphans(database, { now: Date.now() + 2 * 86_400_000 });
    expect(later.removedFiles).toEqual(
      expect.arrayContaining([youngOrphan, youngTemp, ...variantsOf(unused.image.contentHash, unused.image.width).map((v) => v.fileName)]),
    );
    expect(await database.db.select().from(images).where(eq(images.id, unused.image.id))).toEqual([]);
    expect(await database.db.select().from(images).where(eq(images.id, kept.image.id))).toHaveLength(1);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'images'));
    expect(audit.some((a) => a.action === 'delete' && a.entityId === unused.image.id && a.actorLabel === 'sweep:images')).toBe(true);
    expect(readdirSync(uploadsDir())).toContain('LISEZ-MOI.txt');
    await expectStoreConsistent();
  });
});

describe('published variants for the build', () => {
  it('lists every variant of the photos of published products only, and fails loudly on a missing file', async () => {
    const draftPhoto = await ingestImage(database, await jpeg(700, 500, 91), (tx, image) =>
      addProductImage(tx, { userId }, draftId, image.id, { altVi: 'Ảnh nháp', altEn: null }),
    );
    if (!draftPhoto.ok) throw new Error('refused');
    expect(await publishedProductImages(database.db, draftId)).toEqual([]);
    const shown = await listProductImages(database.db, productId);
    expect(shown.length).toBeGreaterThan(0);
    const params = (await publishedVariantParams(database, 'avif')).map((p) => p.params.file);
    for (const image of shown)
      for (const v of variantsOf(image.hash, image.width).filter((x) => x.format === 'avif'))
        expect(params).toContain(v.fileName.slice(0, -5));
    expect(params.some((p) => p.startsWith(draftPhoto.image.contentHash))).toBe(false);
    const one = await publishedVariant(params[0]!, 'avif');
    expect(one.headers.get('content-type')).toBe('image/avif');
    await expect(publishedVariant(`${'9'.repeat(64)}-320`, 'avif')).rejects.toThrow(/missing/);
  });
});

// ---------- the route handler ----------

const route = (id: number | string) => `http://localhost/admin/products/${id}/images/`;
function post(id: number | string, fields: Record<string, string | Blob>, init: RequestInit = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, value instanceof File ? value.name : 'blob');
  return callPost(id, new Request(route(id), { method: 'POST', body: form, ...init }));
}
/**
 * The route's context; a refused upload rewrites to the product page (#20.4), here a page that shows what
 * the route left in `locals` for it (the real page renders it into the upload form).
 */
const callPost = async (id: number | string, request: Request) => {
  const locals: App.Locals = { user: { id: userId } as App.Locals['user'] };
  const rewrite = (to: Request) =>
    Promise.resolve(
      new Response(JSON.stringify({ page: new URL(to.url).pathname, method: to.method, ...locals.imageProblem }), { status: 200 }),
    );
  return POST({ params: { id: String(id) }, request, locals, rewrite } as unknown as APIContext);
};
const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const productAudits = async (id: number) =>
  (
    await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, 'products')))
  )[0]!.n;

describe('POST /admin/products/<id>/images/', () => {
  let target: number;
  beforeAll(async () => {
    const [p] = await database.db
      .insert(products)
      .values({ slug: 'gom-bat-trang', name: 'Gốm Bát Tràng', nameKey: 'gombattrang' })
      .returning({ id: products.id });
    target = p!.id;
  });

  it('adds a photo with its alt text, records it, and goes back to the product page', async () => {
    const response = await post(target, {
      op: 'add',
      altVi: '  Bình gốm men lam ',
      altEn: 'Blue-glazed vase',
      file: file(await jpeg(900, 600, 11), 'binh.jpg', 'image/jpeg'),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/products/${target}/?image=added#images`);
    const list = await listProductImages(database.db, target);
    expect(list).toMatchObject([{ altVi: 'Bình gốm men lam', altEn: 'Blue-glazed vase', width: 900, height: 600, position: 0 }]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'products'), eq(auditLog.entityId, target)));
    expect(audit).toMatchObject({ action: 'update', entity: 'products', actorUserId: userId, before: { images: [] } });
    expect((audit!.after as { images: unknown[] }).images).toHaveLength(1);
  });

  it('refuses a photo without a Vietnamese description and changes nothing', async () => {
    const audits = await productAudits(target);
    const rows = await imageRows();
    const response = await post(target, { op: 'add', altVi: ' ', file: file(await jpeg(300, 200, 12), 'a.jpg', 'image/jpeg') });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Mô tả ảnh cần ít nhất 2 ký tự');
    expect(await productAudits(target)).toBe(audits);
    expect(await imageRows()).toBe(rows);
  });

  it('answers an HTML page named .jpg with 415 and the product page again, its descriptions kept (#20.4)', async () => {
    const response = await post(target, {
      op: 'add',
      altVi: 'Ảnh giả',
      altEn: 'A fake photo',
      file: file(Buffer.from('<html><script>alert(1)</script></html>'), 'anh.jpg', 'image/jpeg'),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      page: `/admin/products/${target}/`,
      method: 'GET',
      message: expect.stringContaining('Tệp chứa mã HTML/SVG/XML') as unknown,
      altVi: 'Ảnh giả',
      altEn: 'A fake photo',
    });
    expect(await listProductImages(database.db, target)).toHaveLength(1);
  });

  it('says so when the same photo is added again', async () => {
    const photo = await jpeg(900, 600, 11);
    const response = await post(target, { op: 'add', altVi: 'Lần nữa', file: file(photo, 'b.jpg', 'image/jpeg') });
    expect(response.headers.get('location')).toContain('?image=exists');
    expect(await listProductImages(database.db, target)).toHaveLength(1);
  });

  it('edits alt text, moves photos and removes one, each with an audit row', async () => {
    await post(target, { op: 'add', altVi: 'Ảnh thứ hai', file: file(await png(400, 300, 13), 'hai.png', 'image/png') });
    const [first, second] = await listProductImages(database.db, target);
    const audits = await productAudits(target);

    let response = await post(target, { op: 'alt', imageId: String(second!.imageId), altVi: 'Đĩa gốm vẽ tay', altEn: '' });
    expect(response.headers.get('location')).toContain('?image=alt');
    response = await post(target, { op: 'up', imageId: String(second!.imageId) });
    expect(response.headers.get('location')).toContain('?image=moved');
    expect((await listProductImages(database.db, target)).map((i) => [i.imageId, i.altVi, i.position])).toEqual([
      [second!.imageId, 'Đĩa gốm vẽ tay', 0],
      [first!.imageId, 'Bình gốm men lam', 1],
    ]);
    response = await post(target, { op: 'up', imageId: String(second!.imageId) });
    expect(response.headers.get('location')).toContain('?image=unchanged');
    response = await post(target, { op: 'remove', imageId: String(second!.imageId) });
    expect(response.headers.get('location')).toContain('?image=removed');
    expect(await listProductImages(database.db, target)).toMatchObject([{ imageId: first!.imageId, position: 0 }]);
    expect(await productAudits(target)).toBe(audits + 3);
  });

  it.each([
    ['an unknown operation', { op: 'rotate', imageId: '1' }, 400],
    ['an extra field', { op: 'up', imageId: '1', version: '3' }, 400],
    ['a photo that is not on the product', { op: 'remove', imageId: '999999' }, 404],
    ['a file with a non-upload operation', { op: 'remove', imageId: '1', file: new File(['x'], 'x.jpg') }, 400],
  ])('refuses %s and changes nothing', async (_name, fields, status) => {
    const audits = await productAudits(target);
    expect((await post(target, fields)).status).toBe(status);
    expect(await productAudits(target)).toBe(audits);
  });

  it('answers 404 for an unknown product', async () => {
    expect((await post(999_999, { op: 'up', imageId: '1' })).status).toBe(404);
    expect((await post('abc', { op: 'up', imageId: '1' })).status).toBe(404);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(route(target), {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    const response = await callPost(target, request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading an 11 MB body sent without a length as soon as it passes the limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= 11 * 1024 * 1024) return controller.close();
          pulled += chunk.length;
          controller.enqueue(chunk.slice());
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(route(target), {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    const response = await callPost(target, request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(11 * 1024 * 1024);
  });

  it('answers a body that is not multipart with 400', async () => {
    const response = await callPost(
      target,
      new Request(route(target), { method: 'POST', body: 'op=up', headers: { 'content-type': 'multipart/form-data; boundary=zzz' } }),
    );
    expect(response.status).toBe(400);
  });
});

describe('GET /admin/media/<hash>-<width>.webp', () => {
  it('serves a stored variant with its type, and 404 for any other name', async () => {
    const [image] = await listProductImages(database.db, productId);
    const get = (file: string) => getAdminWebp({ params: { file } } as unknown as APIContext);
    const ok = await get(`${image!.hash}-320`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(ok.headers.get('cache-control')).toMatch(/^private/);
    expect((await sharp(Buffer.from(await ok.arrayBuffer())).metadata()).width).toBe(320);
    for (const name of [`${image!.hash}-321`, `../${image!.hash}-320`, `${image!.hash}-320.webp`, '..%2f..%2fetc%2fpasswd', ''])
      expect((await get(name)).status, name).toBe(404);
  });
});

describe('product image writes', () => {
  it('refuses to attach to an unknown product, and leaves the rows as they were', async () => {
    const stored = await ingestImage(database, await jpeg(300, 300, 123));
    if (!stored.ok) throw new Error('refused');
    const result = await writeTransaction(database, (tx) =>
      addProductImage(tx, { userId }, 987_654, stored.image.id, { altVi: 'Không có', altEn: null }),
    );
    expect(result).toEqual({ ok: false, reason: 'not-found' });
  });
});
