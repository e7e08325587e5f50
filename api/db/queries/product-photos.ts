import { asc, eq, inArray } from 'drizzle-orm';
import { imageUrls } from '../../media/images.ts';
import type { DbLike } from '../client.ts';
import { images, productPhotos } from '../schema/index.ts';

export interface ProductPhotoView {
  id: number;
  imageId: string;
  alt: string;
  width: number;
  height: number;
  /** Middle size, srcset of every size, and a JPEG for social cards. */
  src: string;
  srcset: string;
  jpeg: string;
}

/** Photos of several products in display order, keyed by product id. */
export async function photosOfProducts(db: DbLike, productIds: number[]): Promise<Map<number, ProductPhotoView[]>> {
  const byProduct = new Map<number, ProductPhotoView[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .select({ photo: productPhotos, image: images })
    .from(productPhotos)
    .innerJoin(images, eq(images.id, productPhotos.imageId))
    .where(inArray(productPhotos.productId, productIds))
    .orderBy(asc(productPhotos.productId), asc(productPhotos.position), asc(productPhotos.id));
  for (const { photo, image } of rows) {
    const list = byProduct.get(photo.productId) ?? [];
    list.push({ id: photo.id, imageId: image.id, alt: photo.alt, width: image.width, height: image.height, ...imageUrls(image.id, image.widths) });
    byProduct.set(photo.productId, list);
  }
  return byProduct;
}
