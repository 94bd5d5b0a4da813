/**
 * The direction of dependencies: domain ← application ← adapters ← hosts.
 * test/architecture.test.ts runs it over src/ in `npm test`; README ("Layout
 * of the code") states the same rules in words.
 */
const DOMAIN = '^src/(rubric|scoring|layout|check|merge|text)/';
const APP = '^src/app/';
const ADAPTERS = '^src/(package|xlsx|excel)/';
const HOSTS = '^src/(cli|taskpane)/';
/** Where a host fills the application layer's ports with adapters. */
const COMPOSITION_ROOTS = '^src/(cli/compose\\.ts|taskpane/index\\.tsx|taskpane/readPickedFile\\.ts|taskpane/readPickedRubric\\.ts)$';
/** Libraries that read or write packages, or draw the pane: adapters' and hosts' business. */
const INFRASTRUCTURE = '(^|/)node_modules/(exceljs|jszip|fflate|react|react-dom|@fluentui|@microsoft)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No module depends on itself through others, types included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      comment: 'The domain is pure and host-free: it imports nothing above it.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: `^src/(?!(rubric|scoring|layout|check|merge|text)/)` },
    },
    {
      name: 'app-imports-only-domain',
      comment: 'The application layer imports the domain and its own ports, never an adapter or a host.',
      severity: 'error',
      from: { path: APP },
      to: { path: `^src/(?!(rubric|scoring|layout|check|merge|text|app)/)` },
    },
    {
      name: 'domain-and-app-need-no-node',
      comment: 'Neither the domain nor the application layer touches Node: they run in the browser too.',
      severity: 'error',
      from: { path: `${DOMAIN}|${APP}` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-and-app-need-no-infrastructure',
      comment: 'Packages and the UI are reached through ports, never by the domain or the application layer.',
      severity: 'error',
      from: { path: `${DOMAIN}|${APP}` },
      to: { path: INFRASTRUCTURE },
    },
    {
      name: 'adapters-do-not-import-hosts',
      comment: 'Adapters serve the application layer; they never import the CLI or the task pane.',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: HOSTS },
    },
    {
      name: 'hosts-reach-adapters-only-at-composition-roots',
      comment: 'A host calls the application layer; only its composition root picks the adapters behind the ports.',
      severity: 'error',
      from: { path: HOSTS, pathNot: COMPOSITION_ROOTS },
      to: { path: ADAPTERS },
    },
    {
      name: 'hosts-take-only-types-from-the-domain',
      comment: 'A host runs no domain code itself: it calls the application layer, using domain types and the message catalog (src/text).',
      severity: 'error',
      from: { path: HOSTS },
      to: { path: '^src/(rubric|scoring|layout|check|merge)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'hosts-are-independent',
      comment: 'The CLI and the task pane share the application layer, not each other.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/taskpane/' },
    },
    {
      name: 'hosts-are-independent-pane',
      severity: 'error',
      from: { path: '^src/taskpane/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-unresolvable-import',
      comment: 'An import the cruiser cannot resolve would escape every rule.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // `import type` counts: a type-only import is still a dependency, and is how a host may use the domain.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(html|css|json)$' },
  },
};
