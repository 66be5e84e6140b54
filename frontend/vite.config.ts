/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` proxies the API and the WebSocket to a running backend (BLOG_BACKEND overrides the default).
const backend = process.env.BLOG_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  // The Spring Boot app serves the build under /admin (static/admin/ in the jar).
  base: '/admin/',
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: {
      // changeOrigin keeps the backend's WebSocket Origin check happy (it allows localhost origins).
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend, ws: true, changeOrigin: true },
      // The preview's style sheet is the public site's (/site/post-content.css).
      '/site': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // The build machine is shared and slow at times; no test waits on purpose.
    testTimeout: 20_000,
  },
});
