/** One photo of a product, with what a page needs to draw it. */
export interface ProductImage {
  imageId: number;
  hash: string;
  width: number;
  height: number;
  position: number;
  altVi: string | null;
  altEn: string | null;
}
