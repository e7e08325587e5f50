// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// One server: Astro SSR pages plus the Hono API, composed in site/fetch.ts.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  server: { port: Number(process.env.PORT ?? 4321), host: true },
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  // Astro's form origin check stays on; in production api/edge/request-origin.ts gives every request PUBLIC_URL's
  // origin first, so behind the TLS proxy it compares https with https. The CSP is a header with per-response script
  // hashes (api/edge/security-headers.ts): Astro's own `security.csp` writes a <meta>, which cannot carry frame-ancestors.
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
});
