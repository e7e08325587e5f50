import type { APIRoute } from 'astro';
import { runtime } from '../../api/runtime.ts';

/** robots.txt: public pages are open; the API, portal and visitors' confirmation pages are not for crawlers. */
export const GET: APIRoute = async () => {
  const { config } = await runtime();
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /portal',
    'Disallow: /leads/',
    'Disallow: /en/leads/',
    `Sitemap: ${config.publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
