#!/usr/bin/env node
'use strict';
/**
 * Writes src/layout/font-metrics.json: advance widths of Liberation Serif
 * (metric-compatible with Times New Roman) for the characters a sheet can
 * hold, so row heights can be computed from text without a font renderer.
 * Run after `apt-get install fonts-liberation2`: node scripts/font-metrics.js
 */
const fs = require('fs');
const path = require('path');

// Liberation 2 has the Vietnamese glyphs (Debian fonts-liberation2, which LibreOffice pulls in).
const FONT_DIR = '/usr/share/fonts/truetype/liberation2';

function parseTtf(file) {
  const buf = fs.readFileSync(file);
  const tables = {};
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables[buf.toString('latin1', rec, rec + 4)] = buf.readUInt32BE(rec + 8);
  }
  const unitsPerEm = buf.readUInt16BE(tables.head + 18);
  const numberOfHMetrics = buf.readUInt16BE(tables.hhea + 34);
  const advance = (glyph) => buf.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  // cmap: the Windows Unicode BMP subtable, format 4.
  const cmap = tables.cmap;
  let sub = -1;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format-4 Unicode cmap`);
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  const glyphOf = (code) => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (code < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(offsets + s);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = buf.readUInt16BE(offsets + s + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return { unitsPerEm, width: (ch) => Math.round((advance(glyphOf(ch.codePointAt(0))) * 1000) / unitsPerEm) };
}

const chars = new Set();
for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
for (let c = 0xc0; c <= 0x1b0; c++) chars.add(String.fromCharCode(c));
for (let c = 0x1ea0; c <= 0x1ef9; c++) chars.add(String.fromCharCode(c));
for (const ch of '“”‘’–—…•≥≤×÷') chars.add(ch);

const out = { font: 'Liberation Serif (Times New Roman metrics)', unitsPerEm: 1000 };
for (const [style, file] of [
  ['regular', 'LiberationSerif-Regular.ttf'],
  ['bold', 'LiberationSerif-Bold.ttf'],
]) {
  const font = parseTtf(path.join(FONT_DIR, file));
  out[style] = Object.fromEntries([...chars].sort().map((ch) => [ch, font.width(ch)]));
}
fs.writeFileSync(path.join(__dirname, '..', 'src', 'layout', 'font-metrics.json'), `${JSON.stringify(out)}\n`);
console.log(`${chars.size} characters written`);
