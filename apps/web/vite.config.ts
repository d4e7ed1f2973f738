import { vitePlugin as remix } from '@remix-run/dev';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  build: {
    // The server bundle never holds a copy of a workspace package (its own state, its own db client): loaders
    // get the server's caller through getLoadContext. Only the stateless typed-client factory and the domain
    // rules (statuses, dates, formats) are bundled.
    rollupOptions: { external: isSsrBuild ? [/^@app\/(?!api\/client$|domain$)/] : [] },
  },
}));
