// vitest 3.2 honours this file (4.x ignores it). Each package has its own vitest.config.ts.
export default ['packages/*', 'apps/*', 'bench'];
