import { astro } from 'astro/hono';
import { createSitePipeline } from '../api/edge/pipeline.ts';
import { runtime } from '../api/runtime.ts';

// The request pipeline of the one server: the JSON API, immutable media, then Astro's pages (api/edge/pipeline.ts).
const ctx = await runtime();

export default createSitePipeline(ctx, astro());
