import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, max } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { photosOfProducts } from '../../db/queries/product-photos.ts';
import { images, productPhotos, products } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { publishImage } from '../../media/images.ts';
import { isAcceptedType, sniffImageType } from '../../panorama/sniff.ts';
import { notOwned, portalScope } from '../scope.ts';
import { receiveUpload } from '../../uploads/receive.ts';

const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
const MAX_PHOTOS = 12;
const productParam = validate('param', z.object({ productId: idParam }));
const photoParam = validate('param', z.object({ productId: idParam, photoId: idParam }));

function checkPhotoHead(head: Buffer): void {
  if (!isAcceptedType(sniffImageType(head))) {
    throw new AppError(415, 'image_unsupported', { zh: '请上传 JPEG、PNG 或 WebP 格式的图片', en: 'Upload a JPEG, PNG or WebP image' });
  }
}

/** Photos of a product: uploaded once, served in responsive sizes. */
export function portalProductPhotoRoutes(ctx: AppContext) {
  async function ownedProduct(enterpriseId: number, productId: number) {
    const [row] = await ctx.db.select({ id: products.id }).from(products).where(and(eq(products.id, productId), eq(products.enterpriseId, enterpriseId)));
    if (!row) throw notOwned({ zh: '产品', en: 'product' });
    return row.id;
  }

  return new Hono<AppEnv>()
    .get('/', productParam, async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const productId = await ownedProduct(enterpriseId, c.req.valid('param').productId);
      return c.json((await photosOfProducts(ctx.db, [productId])).get(productId) ?? []);
    })
    .post('/', productParam, async (c) => {
      const scope = portalScope(ctx, c);
      const productId = await ownedProduct(scope.enterpriseId, c.req.valid('param').productId);
      const [{ last } = { last: null }] = await ctx.db.select({ last: max(productPhotos.position) }).from(productPhotos).where(eq(productPhotos.productId, productId));
      if (last !== null && last + 1 >= MAX_PHOTOS) {
        throw new AppError(400, 'too_many_photos', { zh: `每个产品最多 ${MAX_PHOTOS} 张图片`, en: `At most ${MAX_PHOTOS} photos per product` });
      }
      // A folder of its own per upload: the received file is deleted once its sizes are made.
      const dir = join(ctx.config.dataDir, 'uploads', 'images', randomBytes(8).toString('hex'));
      try {
        const file = await receiveUpload(c.req.raw, { dir, maxBytes: MAX_PHOTO_BYTES, field: 'file', checkHead: checkPhotoHead });
        const image = await publishImage(ctx.mediaDir, file.path);
        await ctx.db.insert(images).values(image).onConflictDoNothing();
        const [photo] = await ctx.db
          .insert(productPhotos)
          .values({ productId, imageId: image.id, position: last === null ? 0 : last + 1, alt: '' })
          .returning();
        await scope.changed('product.photo_add', 'product', productId, 'listings', { imageId: image.id });
        const view = (await photosOfProducts(ctx.db, [productId])).get(productId)!.find((p) => p.id === photo!.id);
        return c.json(view, 201);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })
    .patch('/:photoId', photoParam, validate('json', z.object({ alt: plainText(120) })), async (c) => {
      const scope = portalScope(ctx, c);
      const { productId, photoId } = c.req.valid('param');
      await ownedProduct(scope.enterpriseId, productId);
      const [row] = await ctx.db
        .update(productPhotos)
        .set({ alt: c.req.valid('json').alt })
        .where(and(eq(productPhotos.id, photoId), eq(productPhotos.productId, productId)))
        .returning();
      if (!row) throw notOwned({ zh: '图片', en: 'photo' });
      await scope.changed('product.photo_update', 'product', productId, 'listings');
      return c.json(row);
    })
    .delete('/:photoId', photoParam, async (c) => {
      const scope = portalScope(ctx, c);
      const { productId, photoId } = c.req.valid('param');
      await ownedProduct(scope.enterpriseId, productId);
      const [row] = await ctx.db
        .delete(productPhotos)
        .where(and(eq(productPhotos.id, photoId), eq(productPhotos.productId, productId)))
        .returning();
      if (!row) throw notOwned({ zh: '图片', en: 'photo' });
      await scope.changed('product.photo_delete', 'product', productId, 'listings');
      return c.json({ ok: true });
    });
}
