// The web console: React + antd, built into dist/web and served by the Wenze server at /; and the
// public portal (public.html: plain React, no antd, phone-first) served at /public/*. The manifest
// (dist/web/.vite/manifest.json) lets scripts/build.mjs measure each entry's compressed JavaScript.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** In development, /public and /public/… are the public portal's page, as the server does it. */
const publicPortal: Plugin = {
  name: 'wenze-public-portal',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/public(?:[/?#]|$)/.test(req.url))
        req.url = `/public.html${req.url.replace(/^\/public[^?#]*/, '')}`;
      next();
    });
  },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), publicPortal],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { console: `${root}index.html`, public: `${root}public.html` },
      output: {
        // Long-lived vendor chunks: the framework and antd change less often than the pages.
        codeSplitting: {
          groups: [
            // React alone (the public portal loads it), the router apart (the console's).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'router',
              test: /node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
