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
  },
  server: {
    // `npm run dev` against a running gateway (./platform up): log in on :8080 first
    proxy: { '/api': process.env.GATEWAY_URL || 'http://localhost:8080' },
  },
  test: {
    environment: 'happy-dom',
    testTimeout: 30000,
    include: ['tests/**/*.test.js'],
    server: { deps: { inline: ['element-plus'] } },
  },
})
