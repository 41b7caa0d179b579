import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// During `npm run dev` the API is the copydesk server on its default address.
const apiTarget = process.env.COPYDESK_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what is served: they would publish the app's source and comments.
    sourcemap: false,
  },
  server: {
    proxy: {
      // The live channel (a WebSocket); the same host, so the server's Origin check holds.
      '/api/v1/events': { target: apiTarget, changeOrigin: false, ws: true },
      '/api': { target: apiTarget, changeOrigin: false },
      '/ws': { target: apiTarget, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
