import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Its own config: running vitest through the Remix vite.config.ts fails ("can't detect preamble").
export default defineProject({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['app/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
