import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { publicContentPaths } from '../../api/public/queries/sitemap.ts';
import { runtime } from '../../api/runtime.ts';

const STATIC_PATHS = ['/', '/halls', '/products', '/jobs', '/projects', '/policies', '/privacy'];
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** sitemap.xml: every public page in Chinese, each with its English alternate. */
export const GET: APIRoute = async () => {
  const { db, config } = await runtime();
  const policies = await getCollection('policies');
  const entries = [
    ...STATIC_PATHS.map((path) => ({ path, at: null as Date | null })),
    ...policies.map((p) => ({ path: `/policies/${p.id}`, at: p.data.updated })),
    ...(await publicContentPaths(db)),
  ];
  const url = (path: string) => xml(config.publicUrl + path);
  const body = entries
    .map(({ path, at }) => {
      const en = path === '/' ? '/en' : `/en${path}`;
      return `<url><loc>${url(path)}</loc>${at ? `<lastmod>${at.toISOString().slice(0, 10)}</lastmod>` : ''}` +
        `<xhtml:link rel="alternate" hreflang="zh-CN" href="${url(path)}"/><xhtml:link rel="alternate" hreflang="en" href="${url(en)}"/></url>`;
    })
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } },
  );
};
