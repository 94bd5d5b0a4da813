#!/usr/bin/env node
// Builds the task pane for production (as `npm run build`, ADDIN_PUBLIC_URL
// included) and lists every chunk: initial or on demand, its gzipped (level 9)
// size, what it mostly holds and which files load it.
// Usage: node scripts/bundle-size.js [OUT-DIR, default dist-addin]
'use strict';
const path = require('path');
const { buildAddin, chunkTable } = require('./bundle-chunks');

const dir = path.resolve(process.argv[2] || 'dist-addin');
buildAddin({ dir })
  .then(({ chunks }) => console.log(`Task pane JavaScript in ${dir} (production build, gzip -9)\n\n${chunkTable(chunks)}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
