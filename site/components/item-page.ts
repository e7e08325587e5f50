import type { AstroGlobal } from 'astro';
import { getJob, getProduct, getProject } from '../../api/public/queries/boards.ts';
import type { Message } from '../../api/lib/errors.ts';
import { issueFormToken, submitLead, type LeadField, type PublicLeadKind } from '../../api/public/routes/lead-form.ts';
import { runtime } from '../../api/runtime.ts';
import { langOf, localePath } from '../i18n/index.ts';

/** What the lead form shows: the visitor's values after a refused submission, the reasons, a fresh signed start. */
export interface LeadFormState {
  values: Record<string, string>;
  errors: Partial<Record<LeadField, Message>>;
  started: string;
}

type Loaded<K extends PublicLeadKind> = K extends 'inquiry'
  ? NonNullable<Awaited<ReturnType<typeof getProduct>>>
  : K extends 'application'
    ? NonNullable<Awaited<ReturnType<typeof getJob>>>
    : NonNullable<Awaited<ReturnType<typeof getProject>>>;

const TEXT_FIELDS = ['name', 'phone', 'email', 'organisation', 'message', 'consent'] as const;

/**
 * Loads a product, job or project page's item and handles its lead form: GET renders; POST validates and stores,
 * then redirects to the confirmation page (303), or renders the form again with the reasons. Works without JS.
 * Returns a Response when the page must answer with it (404, redirect).
 */
export async function loadItemPage<K extends PublicLeadKind>(
  Astro: AstroGlobal,
  kind: K,
): Promise<Response | { item: Loaded<K>; form: LeadFormState }> {
  const ctx = await runtime();
  const id = /^\d{1,9}$/.test(Astro.params.id ?? '') ? Number(Astro.params.id) : 0;
  const item = (id
    ? kind === 'inquiry' ? await getProduct(ctx.db, id) : kind === 'application' ? await getJob(ctx.db, id) : await getProject(ctx.db, id)
    : null) as Loaded<K> | null;
  if (!item) return Astro.rewrite('/404');
  const form: LeadFormState = { values: {}, errors: {}, started: issueFormToken(ctx) };
  if (Astro.request.method !== 'POST') return { item, form };

  const lang = langOf(Astro.url.pathname);
  let data: FormData;
  try {
    data = await Astro.request.formData();
  } catch {
    data = new FormData();
  }
  const fields: Record<string, string | File | undefined> = {};
  for (const [k, v] of data) fields[k] ??= v;
  let ip = 'unknown';
  try {
    ip = Astro.clientAddress;
  } catch {
    // no socket address (in-process rendering)
  }
  const result = await submitLead(ctx, { kind, itemId: id, fields, ip, lang, sourcePage: Astro.url.pathname });
  if (result.ok) {
    // Duplicates and replays get the generic thank-you: never someone's earlier receipt.
    const receipt = result.receipt ? `/leads/${result.receipt}` : '/leads/thanks';
    return Astro.redirect(localePath(lang, receipt), 303);
  }
  Astro.response.status = result.status;
  for (const k of TEXT_FIELDS) if (typeof fields[k] === 'string') form.values[k] = (fields[k] as string).slice(0, 2000);
  return { item, form: { ...form, errors: result.errors } };
}
