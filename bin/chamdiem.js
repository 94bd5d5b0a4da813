#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the prepare script).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (e) {
  console.error('Chưa biên dịch chamdiem: hãy chạy "npm ci" (hoặc "npm run build:cli") trong thư mục dự án.');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
