// Draws icons/lockstep.png (128×128): two staggered columns of steps on a dark tile.
// Run: node icons/make-icon.mjs. Plain PNG encoding with zlib; no image libraries.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);

function inRoundedRect(x, y, left, top, width, height, radius) {
  if (x < left || y < top || x >= left + width || y >= top + height) return false;
  const cx = Math.min(Math.max(x, left + radius), left + width - radius);
  const cy = Math.min(Math.max(y, top + radius), top + height - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const tile = [30, 41, 59];
const teal = [45, 212, 191];
const amber = [251, 191, 36];
// left column: three steps; right column: three steps, half a step lower
const blocks = [
  ...[0, 1, 2].map((i) => ({ left: 26, top: 22 + i * 30, color: teal })),
  ...[0, 1, 2].map((i) => ({ left: 68, top: 37 + i * 30, color: amber })),
];

for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let color = null;
    let alpha = 0;
    if (inRoundedRect(x, y, 0, 0, size, size, 22)) [color, alpha] = [tile, 255];
    for (const b of blocks) if (inRoundedRect(x, y, b.left, b.top, 34, 22, 5)) color = b.color;
    const o = (y * size + x) * 4;
    if (color) pixels.set([...color, alpha], o);
  }
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./lockstep.png', import.meta.url), png);
