// The directions of README's "What is where", checked by `pnpm deps:check` (CI: .ci/run). Each rule names the
// arrow it forbids; a new package gets its rule here when it gets its row in the README.
const tests = '(^|/)(test|tests)/|\\.test\\.tsx?$|/testing\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules form no cycle: each one can be read (and changed) after the ones it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'bank-clients-never-touch-the-database',
      severity: 'error',
      comment: 'truelayer and sandbox speak HTTP only; storing what they return is the importer’s job.',
      from: { path: '^packages/(truelayer|sandbox)/' },
      to: { path: '^(packages/db/|@app/db($|/))' },
    },
    {
      name: 'importer-knows-no-transport',
      severity: 'error',
      comment:
        'The importer is called by the API and the queue; it never calls back into them or the server.',
      from: { path: '^packages/importer/' },
      to: { path: '^(packages/(api|queue)/|apps/server/|@app/(api|queue|server)($|/))' },
    },
    {
      name: 'api-speaks-to-the-importer-only',
      severity: 'error',
      comment:
        'The router reaches the bank through the importer’s facade, never the client; jobs through the facade, never the queue.',
      from: { path: '^packages/api/', pathNot: tests },
      to: { path: '^(packages/(truelayer|queue)/|apps/server/|@app/(truelayer|queue|server)($|/))' },
    },
    {
      name: 'clients-use-the-typed-api-only',
      severity: 'error',
      comment:
        'web and cli talk to the server through api’s client, and use its types; nothing else of ours.',
      from: { path: '^apps/(web|cli)/', pathNot: tests },
      to: {
        path: '^(packages/|apps/server/|@app/)',
        pathNot: ['^packages/api/src/client\\.ts$', '^@app/api/client$', '^packages/domain/', '^@app/domain'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-stands-alone',
      severity: 'error',
      comment: 'The shared domain runs in browsers too: it imports nothing else of ours.',
      from: { path: '^packages/domain/' },
      to: { path: '^(packages/|apps/|@app/)', pathNot: ['^packages/domain/', '^@app/domain'] },
    },
    {
      name: 'workspace-imports-resolve',
      severity: 'error',
      comment: 'An @app/ import a package does not declare (or that does not exist) is refused, not skipped.',
      from: {},
      to: { couldNotResolve: true, path: '^@app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|build|dist|generated|\\.turbo)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    combinedDependencies: true,
  },
};
