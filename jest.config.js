const path = require('path');

/**
 * @fluentui/react-context-selector imports its peer `scheduler`, which npm
 * (legacy-peer-deps) installs only under react-dom: use that copy.
 */
const scheduler = path.dirname(
  require.resolve('scheduler/package.json', { paths: [path.dirname(require.resolve('react-dom/package.json'))] }),
);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  moduleNameMapper: { '^scheduler$': scheduler },
  // LibreOffice and Chromium tests start real programs.
  testTimeout: 120000,
};
