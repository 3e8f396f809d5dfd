/**
 * A minimal PNG decoder (8-bit greyscale, RGB and RGBA, non-interlaced — what Chromium writes)
 * for checking screenshots without dependencies.
 */
import { inflateSync } from 'node:zlib';

/** Decoded pixels: `channels` bytes per pixel, row after row. */
export interface Png {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

/** Decodes a PNG file's bytes, with a clear error for what it does not support. */
export function decodePng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes);
  if (buf.length < 8 || buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG file (bad signature)');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour] ?? 0;
      if (depth !== 8 || !channels || interlace) throw new Error(`PNG: bit depth ${depth}, colour type ${colour}, interlace ${interlace}; only 8-bit non-interlaced grey/RGB/RGBA is supported`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`PNG: unknown filter ${filter} on row ${y}`);
      pixels[out + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Colour statistics of a screenshot: distinct colours, share of non-white and of saturated (chart-coloured) pixels. */
export function colourStats(png: Png): { distinct: number; nonWhite: number; saturated: number } {
  const seen = new Set<number>();
  let nonWhite = 0;
  let saturated = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const o = i * png.channels;
    const [r, g, b] = png.channels >= 3 ? [png.pixels[o], png.pixels[o + 1], png.pixels[o + 2]] : [png.pixels[o], png.pixels[o], png.pixels[o]];
    seen.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) nonWhite++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) saturated++;
  }
  return { distinct: seen.size, nonWhite: nonWhite / n, saturated: saturated / n };
}
