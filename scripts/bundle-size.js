#!/usr/bin/env node
// Reports the gzipped (level 9) JavaScript of a task pane build: what
// taskpane.html loads before the pane shows, and each chunk loaded on demand.
// Usage: node scripts/bundle-size.js [dist-addin]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dir = path.resolve(process.argv[2] || 'dist-addin');
const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src));

const sizeOf = (file) => {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const row = (file, { raw, gzip }) => `  ${file.padEnd(36)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`;

let total = 0;
console.log(`Initial JavaScript (${dir}/taskpane.html):`);
for (const file of initial) {
  const size = sizeOf(file);
  total += size.gzip;
  console.log(row(file, size));
}
console.log(`  total ${kb(total)} gzip (${total} bytes)`);

console.log('Loaded on demand:');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !initial.includes(f)).sort()) {
  console.log(row(file, sizeOf(file)));
}
