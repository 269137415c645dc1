import jsQR from 'jsqr';
import sharp from 'sharp';

/** Reads the QR code in a PNG (a screenshot of what a person sees), or null when there is none. */
export async function readQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}
