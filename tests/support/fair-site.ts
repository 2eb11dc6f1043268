/**
 * Prepares the database of the e2e fair site (DATABASE_URL): the real seed plus factory exhibitors at
 * the 2024 northern fair (FAIR_EXHIBITORS of them, 60 by default), and a photo of Trà Ô Long taken
 * through the upload pipeline (into UPLOADS_DIR). `npm start` then builds and serves it.
 */
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '#db/client.ts';
import { seedDatabase } from '#server/seed.ts';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { addProductImage } from '#db/queries/product-images.ts';
import { products } from '#db/schema/index.ts';
import { ingestImage } from '#server/images.ts';
import { addFactoryExhibitors } from './fair-factory.ts';

const count = Number(process.env['FAIR_EXHIBITORS'] || 60);
const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  await seedDatabase(database);
  const { names } = await addFactoryExhibitors(database, count);
  console.log(`fair site: ${names.length} factory exhibitors added`);
  // A landscape photo with a gradient, so every variant width and format is really made and served.
  const photo = await sharp(Buffer.from(Array.from({ length: 1200 * 800 * 3 }, (_, i) => (i % 3 === 1 ? 120 : (i >> 10) % 256))), {
    raw: { width: 1200, height: 800, channels: 3 },
  })
    .jpeg()
    .toBuffer();
  const [product] = await database.db.select({ id: products.id }).from(products).where(eq(products.slug, 'tra-o-long'));
  const stored = await ingestImage(database, photo, (tx, image) =>
    addProductImage(tx, { label: 'fair-site' }, product!.id, image.id, { altVi: 'Búp trà Ô Long trên nương', altEn: 'Oolong tea buds' }),
  );
  if (!stored.ok) throw new Error(`fair site photo: ${stored.message}`);
} finally {
  database.close();
}
