import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Policy and programme explainers (政策解读), written in the project's own words from the programme's facts. */
const policies = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/policies' }),
  schema: z.object({
    title: z.string(),
    titleEn: z.string(),
    summary: z.string(),
    summaryEn: z.string(),
    updated: z.coerce.date(),
    order: z.number().int(),
  }),
});

export const collections = { policies };
