import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built by `vite build web` (root = this folder) into web/dist, which the API serves at `/`.
// `npm run dev:web` serves it with hot reload and forwards the API to `npm run dev` on port 8000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React changes less often than the app: its own chunk stays cached across releases of the dashboard.
    rollupOptions: {
      output: { manualChunks: (id) => (/node_modules\/(react|react-dom|scheduler)\//.test(id) ? 'react' : undefined) },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8000', '/docs': 'http://127.0.0.1:8000', '/openapi.json': 'http://127.0.0.1:8000' },
  },
});
