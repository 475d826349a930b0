import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Built into target/classes/META-INF/resources so the jar serves index.html and assets/ (see README).
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus per component: only what the templates use lands in the bundle, with its CSS
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: 'manifest.json',
    // the lazy ECharts chunk is ~640 KB raw (208 KB gzip), loaded by charts and the map only
    chunkSizeWarningLimit: 700,
  },
  // `GATEWAY_URL=<the gateway's address> npm run dev` proxies /api to a running gateway (log in
  // there first); the built console itself only uses relative URLs, so it works behind any host
  server: process.env.GATEWAY_URL ? { proxy: { '/api': process.env.GATEWAY_URL } } : {},
  test: {
    environment: 'happy-dom',
    testTimeout: 30000,
    include: ['tests/**/*.test.js'],
    server: { deps: { inline: ['element-plus'] } },
  },
})
