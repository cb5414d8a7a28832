import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const api = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@ggsm/domain': here('../../libs/domain/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': api,
      '/auth': api,
      '/health': api,
      '/api': api,
      '/public': api,
    },
  },
  preview: {
    proxy: {
      '/graphql': api,
      '/auth': api,
      '/health': api,
      '/api': api,
      '/public': api,
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    // react-admin and MUI make one large vendor chunk; that is expected for an internal console.
    chunkSizeWarningLimit: 4000,
  },
});
