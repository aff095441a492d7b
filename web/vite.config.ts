import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on :3000 during development; Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
