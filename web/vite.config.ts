import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on :3000 during development; Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Forms validate with the API's own zod schemas (server/src/**/schema.ts);
    // only files free of server dependencies may be imported this way.
    alias: { '@server': fileURLToPath(new URL('../server/src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
