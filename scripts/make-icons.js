#!/usr/bin/env node
// Draws the add-in's ribbon and store icons (assets/icon-<size>.png): a rounded
// magenta tile with a white check mark and a gold star. Run once; the PNGs are committed.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const TILE = [176, 30, 92];
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 36];

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedRect(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.max(lo, Math.min(hi, x));
  const cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

const CHECK = [
  [0.2, 0.56],
  [0.4, 0.76],
  [0.68, 0.44],
];
const inCheck = (x, y) =>
  segmentDistance(x, y, CHECK[0], CHECK[1]) <= 0.07 || segmentDistance(x, y, CHECK[1], CHECK[2]) <= 0.07;

const STAR = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 0.17 : 0.075;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [0.72 + r * Math.cos(a), 0.27 + r * Math.sin(a)];
});
function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0.02, 0.2)) return null;
  if (inPolygon(x, y, STAR)) return GOLD;
  if (inCheck(x, y)) return WHITE;
  return TILE;
}

/** RGBA pixels, each the average of 8×8 samples so edges are smooth at 16 px. */
function draw(size) {
  const samples = 8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          covered++;
          for (let k = 0; k < 3; k++) sum[k] += c[k];
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(sum[k] / covered);
      rgba[o + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', 'assets');
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, draw(size)));
  console.log(file);
}
